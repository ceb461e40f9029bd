package app_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"leaveguard/internal/testutil"
)

// attestOf finds a row of the 承诺、依据与校验 section by its label.
func attestOf(rows [][]string, label string) string {
	for _, r := range rows {
		if len(r) == 2 && r[0] == label {
			return r[1]
		}
	}
	return ""
}

// TestReportNumberAndVerify: CSV, XLSX and PDF carry one document number
// and one content hash; each file is registered with its own number and
// hash; the verify route answers for this tenant only, never with content.
func TestReportNumberAndVerify(t *testing.T) {
	key, _ := violationFixture(t)
	path := "/api/v1/exports/labor-bureau?" + reportPeriod + "&responsible=" + "包志刚" + "&contact=0482-8888888"
	r := env.Do(t, "GET", path+"&format=csv", key, nil)
	csvRows := reportCSV(t, key)
	no, content := attestOf(csvRows, "文书编号"), attestOf(csvRows, "内容校验码（SHA-256）")
	if !strings.HasPrefix(no, "LG-HGBG-") || len(content) != 64 {
		t.Fatalf("number %q, content hash %q", no, content)
	}
	if !strings.Contains(string(r.Body), "包志刚") || !strings.Contains(string(r.Body), "0482-8888888") {
		t.Errorf("declaration lacks the responsible person or contact")
	}
	xlsxRows := reportXLSX(t, key)
	if attestOf(xlsxRows, "文书编号") != no || attestOf(xlsxRows, "内容校验码（SHA-256）") != content {
		t.Errorf("XLSX: %q %q, want %q %q", attestOf(xlsxRows, "文书编号"), attestOf(xlsxRows, "内容校验码（SHA-256）"), no, content)
	}
	needPDF(t)
	body, _, _ := getPDF(t, "/api/v1/exports/labor-bureau?"+reportPeriod+"&format=pdf", key)
	text := testutil.Flat(testutil.PDFText(t, body, "-raw"))
	if !strings.Contains(text, no) || !strings.Contains(text, content) || !strings.Contains(text, no+"-PDF") {
		t.Errorf("PDF lacks %s or %s", no, content)
	}
	verify := func(k, sum string) map[string]any {
		return mustDo(t, 200, "GET", "/api/v1/documents/verify?sha256="+sum, k, nil)
	}
	fileSum := sha256.Sum256(r.Body)
	pdfSum := sha256.Sum256(body)
	for what, sum := range map[string]string{"content": content, "csv": hex.EncodeToString(fileSum[:]), "pdf": hex.EncodeToString(pdfSum[:])} {
		v := verify(key, sum)
		items, _ := v["items"].([]any)
		if v["issued"] != true || len(items) == 0 || !strings.HasPrefix(items[0].(map[string]any)["document_no"].(string), no) ||
			items[0].(map[string]any)["what"] != what {
			t.Errorf("verify %s: %v", what, v)
		}
	}
	if v := verify(key, strings.Repeat("0", 64)); v["issued"] != false {
		t.Errorf("unknown hash: %v", v)
	}
	if v := verify(env.B.Key, content); v["issued"] != false {
		t.Errorf("another tenant sees the report: %v", v)
	}
	if r := env.Do(t, "GET", "/api/v1/documents/verify?sha256=xyz", key, nil); r.Status != 400 {
		t.Errorf("bad hash: %d", r.Status)
	}
	long := "/api/v1/exports/labor-bureau?" + reportPeriod + "&format=csv&responsible=" + strings.Repeat("a", 41)
	if r := env.Do(t, "GET", long, key, nil); r.Status != 400 || !strings.Contains(string(r.Body), "responsible") {
		t.Errorf("41-character responsible: %d %s", r.Status, r.Body)
	}
}
