package app_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app"
	"leaveguard/leave"
	"leaveguard/server"
)

// serverWith builds a second server over the test database with font.
func serverWith(font app.PDFFont) *fiber.App {
	return server.NewServer(app.Deps{Config: app.Config{RateLimit: 1000000, Env: "dev"},
		Log: slog.New(slog.NewJSONHandler(io.Discard, nil)), Store: env.Store, Cache: env.Cache, Cipher: env.Cipher,
		Rules: leave.DefaultRuleBook(), Calendar: leave.NewCalendar(), PDFFont: font})
}

// call sends a GET to srv with key.
func call(t *testing.T, srv *fiber.App, path, key string) (int, map[string][]string, []byte) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := srv.Test(req, 30000)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, body
}

// TestPDFFontMissing: without the font the server still starts; every
// route that renders a PDF answers 503 pdf_unavailable with a Chinese
// message, /readyz says why, and stored filings and spreadsheets still
// download.
func TestPDFFontMissing(t *testing.T) {
	needPDF(t) // to make a stored filing first
	missing := filepath.Join(t.TempDir(), "none.ttf")
	srv := serverWith(app.LoadPDFFont(missing))

	ten := filingTenant(t, "兴安盟无字体测试有限公司", "")
	emp, _ := hire(t, ten.Key, "F-001", "其木格", "female", "2026-06-30")
	post(t, 201, "/api/v1/employees/"+emp+"/births", ten.Key, map[string]any{"birth_date": "2026-01-20", "child_order": 1})
	stored, fid, _ := getPDF(t, "/api/v1/employees/"+emp+"/contract-extension-notice.pdf", ten.Key)
	leaveID := post(t, 201, "/api/v1/leave-requests", ten.Key, map[string]any{"employee_id": emp, "leave_type": "maternity", "start": "2026-01-20", "days": 158})["id"].(string)
	post(t, 200, "/api/v1/leave-requests/"+leaveID+"/approve", ten.Key, map[string]any{})

	st, _, body := call(t, srv, "/readyz", "")
	var ready struct {
		Status string            `json:"status"`
		Checks map[string]string `json:"checks"`
	}
	_ = json.Unmarshal(body, &ready)
	if st != 200 || ready.Status != "degraded" || !strings.Contains(ready.Checks["pdf_font"], "fonts-droid-fallback") ||
		!strings.Contains(ready.Checks["pdf_font"], missing) || !strings.Contains(ready.Checks["pdf_font"], "不可用") {
		t.Fatalf("readyz without font: %d %s", st, body)
	}
	for _, path := range []string{
		"/api/v1/employees/" + emp + "/contract-extension-notice.pdf",
		"/api/v1/leave-requests/" + leaveID + "/pdf",
		"/api/v1/exports/labor-bureau?from=2026-01-01&to=2026-03-31&format=pdf",
	} {
		st, h, body := call(t, srv, path, ten.Key)
		if st != 503 || !bytes.Contains(body, []byte(`"code":"pdf_unavailable"`)) || !bytes.Contains(body, []byte("中文字体")) ||
			h["Retry-After"] == nil {
			t.Errorf("GET %s without font: %d %v %s", path, st, h, body)
		}
	}
	if st, _, body := call(t, srv, "/api/v1/filings/"+fid, ten.Key); st != 200 || !bytes.Equal(body, stored) {
		t.Errorf("stored filing without font: %d, identical %v", st, bytes.Equal(body, stored))
	}
	if st, _, _ := call(t, srv, "/api/v1/exports/labor-bureau?from=2026-01-01&to=2026-03-31&format=csv", ten.Key); st != 200 {
		t.Errorf("CSV export without font: %d", st)
	}
	if st, _, _ := call(t, srv, "/api/v1/employees/00000000-0000-4000-8000-000000000000/contract-extension-notice.pdf", ten.Key); st != 404 {
		t.Errorf("unknown employee without font: %d", st)
	}
}
