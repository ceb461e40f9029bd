package portal

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/auth"
	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// staffFormPage is the data of the invitation form.
type staffFormPage struct {
	Form Form
}

// oneTimePage shows an initial password once: it is never stored in clear
// and cannot be shown again.
type oneTimePage struct {
	UserID   string
	Email    string
	Password string
	Reset    bool
}

// staffNew is GET /staff/new.
func (p *Portal) staffNew(c *fiber.Ctx) error {
	f := NewForm()
	f.Values["role"], f.Values["mode"] = auth.HR, "generate"
	return p.render(c, fiber.StatusOK, "staff_form", "添加账号", "staff", staffFormPage{Form: f})
}

// staffInvite is POST /staff: create the user and show the initial
// password once.
func (p *Portal) staffInvite(c *fiber.Ctx) error {
	f := NewForm()
	for _, k := range []string{"email", "name", "role", "mode"} {
		f.Values[k] = strings.TrimSpace(c.FormValue(k))
	}
	in := cases.UserInput{Email: f.V("email"), Name: f.V("name"), Role: f.V("role")}
	if f.V("mode") == "set" {
		in.Password = c.FormValue("password")
		if in.Password == "" {
			f.Errors["password"] = "请输入初始密码，或选择“自动生成”"
		}
	}
	if len(f.Errors) == 0 {
		id, pw, err := p.cases.InviteUser(c.UserContext(), handlers.Tenant(c), handlers.Who(c), in)
		if err == nil {
			return p.render(c, fiber.StatusCreated, "staff_created", "账号已创建", "staff",
				oneTimePage{UserID: id, Email: strings.ToLower(in.Email), Password: pw})
		}
		ef, ok := FormError(err, nil)
		if !ok {
			return err
		}
		f.Errors = ef.Errors
	}
	f.Message = "请按字段提示修改后重新提交。"
	return p.render(c, fiber.StatusBadRequest, "staff_form", "添加账号", "staff", staffFormPage{Form: f})
}
