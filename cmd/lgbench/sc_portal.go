package main

import (
	"context"
	"html/template"
	"math/rand/v2"
	"strings"

	"github.com/gofiber/fiber/v2"
)

func init() {
	register(&scenario{Order: 40, Name: "portal", Title: "portal employee list page (GET)", Method: "GET", Route: "/employees",
		Baseline: basePortal, Prepare: preparePortal})
}

// portalTenants is how many tenants' admins are signed in for the load.
const portalTenants = 16

func preparePortal(ctx context.Context, w *world) (reqGen, reqGen, error) {
	type session struct {
		t      tenant
		cookie string
	}
	var ss []session
	rng := rand.New(rand.NewPCG(7, 7))
	for len(ss) < portalTenants {
		t := w.tenantAt(w.randomTenant(rng))
		ck, err := portalLogin(ctx, w.Client, w.Srv.LGURL, t)
		if err != nil {
			return nil, nil, err
		}
		ss = append(ss, session{t, ck})
	}
	lg := func(rng *rand.Rand) request {
		s := ss[rng.IntN(len(ss))]
		return request{Method: "GET", Path: "/employees", Header: map[string]string{"Cookie": s.cookie}}
	}
	base := func(rng *rand.Rand) request {
		s := ss[rng.IntN(len(ss))]
		return request{Method: "GET", Path: "/employees", Header: keyHeader(s.t)}
	}
	return lg, base, nil
}

var basePage = template.Must(template.New("employees").Parse(`<!doctype html><html lang="zh-CN"><head>
<meta charset="utf-8"><title>员工</title></head><body><h1>员工</h1><table>
<tr><th>工号</th><th>姓名</th><th>性别</th><th>身份证号</th><th>入职日期</th><th>合同到期</th></tr>
{{range .}}<tr><td>{{.external_id}}</td><td>{{.name}}</td><td>{{.gender}}</td><td>{{.national_id_masked}}</td>
<td>{{.hired_on}}</td><td>{{.contract_end}}</td></tr>{{end}}</table></body></html>`))

// basePortal reads the first page and renders it with html/template
// (no session, no CSRF, no audit row).
func basePortal(a *fiber.App, p *basePrep) {
	page := p.stmt(employeePageQuery)
	a.Get("/employees", func(c *fiber.Ctx) error {
		rows, err := baseEmployeePage(c, p.db, page)
		if err != nil {
			return err
		}
		var sb strings.Builder
		if err := basePage.Execute(&sb, rows); err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
		return c.SendString(sb.String())
	})
}
