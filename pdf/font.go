package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/go-pdf/fpdf"
)

// DefaultFontPath is where Debian's fonts-droid-fallback package installs
// the CJK font LeaveGuard embeds in its PDFs.
const DefaultFontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// fontFamily is the name the font is registered under in every document.
const fontFamily = "cjk"

// ErrFontMissing is returned by LoadFont when the font file does not exist.
// Its message (Chinese, for an operator) says what to install; it unwraps to
// fs.ErrNotExist.
type ErrFontMissing struct {
	Path string
}

// Error implements error.
func (e *ErrFontMissing) Error() string {
	return "PDF 中文字体文件不存在：" + e.Path +
		"。请安装字体包 fonts-droid-fallback（Debian/Ubuntu：apt-get install fonts-droid-fallback），" +
		"或通过环境变量 LEAVEGUARD_PDF_FONT 指定一个中文 TrueType 字体文件"
}

// Unwrap returns fs.ErrNotExist.
func (e *ErrFontMissing) Unwrap() error { return fs.ErrNotExist }

// ErrBadFont is returned (wrapped) by LoadFont when the file exists but is
// not a TrueType font fpdf can embed (OpenType/CFF and collections are not).
var ErrBadFont = errors.New("pdf: 字体文件不是可嵌入的 TrueType 字体")

// Font is a CJK TrueType font read once at start-up: its bytes, glyph
// widths and table index. Each document embeds a subset cut from the index
// (subset.go); a Font is read-only and safe for concurrent use.
type Font struct {
	path   string
	data   []byte
	widths []uint16 // advance of each BMP rune, 1/1000 em
	sfnt   *sfnt
}

// LoadFont reads and checks the TrueType font at path (config
// LEAVEGUARD_PDF_FONT). A missing file gives *ErrFontMissing; a file that is
// not a usable TrueType font gives ErrBadFont (wrapped).
func LoadFont(path string) (*Font, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &ErrFontMissing{Path: path}
	}
	if err != nil {
		return nil, fmt.Errorf("pdf: load font: %w", err)
	}
	widths, err := measureFont(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: load font %s: %w", path, err)
	}
	index, err := parseSfnt(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: load font %s: %w: %w", path, ErrBadFont, err)
	}
	return &Font{path: path, data: data, widths: widths, sfnt: index}, nil
}

// Path returns the file the font was read from.
func (f *Font) Path() string { return f.path }

// Size returns the size of the font file in bytes.
func (f *Font) Size() int { return len(f.data) }

// measureFont rejects what fpdf cannot parse before fpdf sees it (its
// parser prints to stdout instead of failing), then registers the font in a
// scratch document and measures its glyphs.
func measureFont(data []byte) (widths []uint16, err error) {
	defer func() { // fpdf's parser indexes past the end of a truncated file
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrBadFont, p)
		}
	}()
	if len(data) < 12 || !(bytes.HasPrefix(data, []byte{0, 1, 0, 0}) || bytes.HasPrefix(data, []byte("true"))) {
		return nil, ErrBadFont
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", data)
	f.SetFont(fontFamily, "", 10)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadFont, err)
	}
	return cjkWidths(f), nil
}
