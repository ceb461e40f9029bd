package portal

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/cases"
	"leaveguard/handlers"
)

// mergeFormError adds a use case's field messages to f (the form's own
// messages, about what was typed, win) and returns the status to answer:
// 400 for invalid input, 409 for a conflict, 422 for input the rules refuse.
// With err nil the form's own messages stand alone. ok is false for errors
// that are not about the input (not found, a database failure).
// Messages about fields the form does not show join the form's message.
func mergeFormError(f *Form, err error, rename map[string]string) (int, bool) {
	if err == nil {
		f.Message = "请按字段提示修改后重新提交。"
		return fiber.StatusBadRequest, true
	}
	ef, ok := FormError(err, rename)
	if !ok {
		return 0, false
	}
	f.Message = ef.Message
	for k, v := range ef.Errors {
		if _, shown := f.Values[k]; !shown {
			f.Message += "（" + v + "）"
			continue
		}
		if _, mine := f.Errors[k]; !mine {
			f.Errors[k] = v
		}
	}
	return handlers.Classify(err).Status, true
}

// explain says in Chinese what a 409 or 422 answer means and what to do,
// with the use case's stable code; "" for other errors.
func explain(err error) string {
	var ce *cases.Error
	if !errors.As(err, &ce) {
		return ""
	}
	switch ce.Kind {
	case cases.Conflict:
		return "错误代码 409（冲突，" + ce.Code + "）：操作与已有记录或记录的当前状态冲突，例如重复申请、期间重叠或状态已被他人改变。请刷新页面查看最新情况后再操作。"
	case cases.Unprocessable:
		return "错误代码 422（不符合规则，" + ce.Code + "）：填写的内容格式正确，但按法规或单位设置无法办理，例如超出可用天数、不在享受期内或缺少计算所需的设置。请按提示调整后重试。"
	}
	return ""
}
