package app_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	legacy "github.com/getkin/kin-openapi/routers/legacy"

	"leaveguard/app/apptest"
)

// TestImportsOpenAPI: the import routes answer as docs/openapi.yaml says,
// with closed schemas (no field it does not name).
func TestImportsOpenAPI(t *testing.T) {
	doc := loadOpenAPI(t)
	for _, name := range []string{"ImportReport", "Import", "ImportRowError"} {
		no := false
		doc.Components.Schemas[name].Value.AdditionalProperties.Has = &no
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	tn := freshTenant(t)
	bad := importRow("OA-2")
	bad[3] = "150502198001010021"
	for _, dry := range []string{"true", "false"} {
		path := "/api/v1/imports/employees?dry_run=" + dry
		matches(t, router, "POST", path, upload(t, path, tn.Key, "a.xlsx", xlsxFile(t, [][]string{importRow("OA-1"), bad})))
	}
	matches(t, router, "POST", "/api/v1/imports/employees", upload(t, "/api/v1/imports/employees", tn.Key, "a.csv", []byte("x")))
	family := csvRows([][]string{familyHeader, {"OA-1", "结婚", "2026-05-20", "", "", "", "", "", "", ""}, {"OA-9", "结婚", "2026-05-20"}})
	matches(t, router, "POST", "/api/v1/imports/family", upload(t, "/api/v1/imports/family", tn.Key, "f.csv", family))
	matches(t, router, "GET", "/api/v1/imports/family/template.xlsx", env.Do(t, "GET", "/api/v1/imports/family/template.xlsx", tn.Key, nil))
	list := env.Do(t, "GET", "/api/v1/imports", tn.Key, nil)
	matches(t, router, "GET", "/api/v1/imports", list)
	id := list.JSON(t)["items"].([]any)[0].(map[string]any)["id"].(string)
	matches(t, router, "GET", "/api/v1/imports/"+id, env.Do(t, "GET", "/api/v1/imports/"+id, tn.Key, nil))
	matches(t, router, "GET", "/api/v1/imports/employees/template.xlsx", env.Do(t, "GET", "/api/v1/imports/employees/template.xlsx", tn.Key, nil))
}

// matches fails t unless r answers method path as doc's router says.
func matches(t *testing.T, router routers.Router, method, path string, r apptest.Response) {
	t.Helper()
	req := httptest.NewRequest(method, "http://localhost:8080"+path, nil)
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	header := http.Header{}
	for k, v := range r.Header {
		header.Set(k, v)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 r.Status, Header: header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(r.Body)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Errorf("%s %s (%d) does not match docs/openapi.yaml: %v\n%.400s", method, path, r.Status, err, r.Body)
	}
}
