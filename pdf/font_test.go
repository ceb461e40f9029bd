package pdf

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadFontMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.ttf")
	_, err := LoadFont(path)
	var missing *ErrFontMissing
	if !errors.As(err, &missing) || missing.Path != path {
		t.Fatalf("err = %v, want *ErrFontMissing for %s", err, path)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err does not unwrap to fs.ErrNotExist")
	}
	for _, want := range []string{"字体", "fonts-droid-fallback", "apt-get install", "LEAVEGUARD_PDF_FONT", path} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err.Error(), want)
		}
	}
}

func TestLoadFontBad(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"text":  []byte("not a font at all, just text"),
		"empty": nil,
		"otf":   append([]byte("OTTO"), make([]byte, 64)...),
	}
	if real, err := os.ReadFile(fontPath()); err == nil {
		cases["truncated"] = real[:4096] // valid header, tables cut off
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".ttf")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := LoadFont(path); !errors.Is(err, ErrBadFont) {
				t.Fatalf("err = %v, want ErrBadFont", err)
			}
		})
	}
}

func TestLoadFont(t *testing.T) {
	r := renderer(t)
	if r.font.Size() < 1<<20 || r.font.Path() != fontPath() {
		t.Errorf("font %s: %d bytes", r.font.Path(), r.font.Size())
	}
	if w := r.font.units('中'); w != 1000 {
		t.Errorf("width of 中 = %d/1000 em, want 1000", w)
	}
	if w := r.font.units('1'); w != 556 {
		t.Errorf("width of 1 = %d/1000 em, want Helvetica's 556", w)
	}
}
