package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"
)

// TestXrefAfterZone: after the dates gain their offset, every
// cross-reference entry still points at its object and startxref at the
// table.
func TestXrefAfterZone(t *testing.T) {
	out, err := renderer(t).ComplianceReport(sampleReport(40))
	if err != nil {
		t.Fatal(err)
	}
	x := bytes.LastIndex(out, []byte("\nxref\n")) + 1
	sx := bytes.LastIndex(out, []byte("startxref\n"))
	start, err := strconv.Atoi(string(bytes.Fields(out[sx+len("startxref\n"):])[0]))
	if err != nil || start != x {
		t.Fatalf("startxref %d (%v), xref at %d", start, err, x)
	}
	lines := bytes.Split(out[x:sx], []byte("\n"))
	first := bytes.Fields(lines[1])
	n, _ := strconv.Atoi(string(first[0]))
	checked := 0
	for i, l := range lines[2:] {
		f := bytes.Fields(l)
		if len(f) != 3 || string(f[2]) != "n" {
			continue
		}
		checked++
		off, _ := strconv.Atoi(string(f[0]))
		want := fmt.Sprintf("%d 0 obj", n+i)
		if !bytes.HasPrefix(out[off:], []byte(want)) {
			t.Errorf("object %d: offset %d holds %.12q", n+i, off, out[off:])
		}
	}
	if checked < 10 {
		t.Errorf("%d objects checked", checked)
	}
	if !bytes.Contains(out, []byte("/CreationDate (D:20250301093000+08'00')")) {
		t.Errorf("no zoned creation date")
	}
}
