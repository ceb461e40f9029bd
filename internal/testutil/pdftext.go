// Package testutil holds the helpers that tests of several packages share
// and that need nothing of the application: reading a PDF's text, and
// skipping (or, in CI, failing) without a test dependency.
package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// Need skips with why, or fails when CI is set: CI runs every test
// (scripts/test-deps.sh installs poppler-utils and the font).
func Need(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI: missing test dependency: %s", why)
	}
	t.Skipf("skipped: missing test dependency: %s", why)
}

// PDFText extracts the text of pdf with pdftotext and its options (for
// example "-layout", or "-raw" for drawing order, "-f", "2", "-l", "3" for
// pages 2 to 3).
func PDFText(t testing.TB, pdf []byte, options ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		Need(t, "pdftotext (apt-get install poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args := append(append([]string{"-enc", "UTF-8"}, options...), path, "-")
	out, err := exec.Command("pdftotext", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return string(out)
}

// Flat drops all white space (ideographic too), so phrases match however
// pdftotext spaced or wrapped them.
func Flat(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
