package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/gofiber/fiber/v2"

	"leaveguard/app/strictjson"
	"leaveguard/handlers"
	"leaveguard/leave"
)

// decode reads the JSON body into v, naming the offending field in Chinese
// on any error (unknown field, wrong type, bad syntax).
func decode(c *fiber.Ctx, v any) error {
	body := c.Body()
	if len(bytes.TrimSpace(body)) == 0 {
		return handlers.Fail(fiber.StatusBadRequest, "empty_body", "请求内容为空，请提交 JSON 对象")
	}
	err := strictjson.Decode(body, v)
	if err == nil {
		return nil
	}
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	var unknownErr *strictjson.UnknownFieldError
	switch {
	case errors.Is(err, strictjson.ErrTrailing):
		return handlers.Fail(fiber.StatusBadRequest, "bad_json", "请求内容须为单个 JSON 对象")
	case errors.As(err, &typeErr):
		return handlers.Invalid(map[string]string{typeErr.Field: "类型不正确，应为" + jsonType(typeErr.Type.Kind().String())})
	case errors.As(err, &unknownErr):
		return handlers.Invalid(map[string]string{unknownErr.Field: "不支持该字段"})
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return handlers.Fail(fiber.StatusBadRequest, "bad_json", "请求内容不是有效的 JSON")
	case errors.Is(err, leave.ErrBadDate):
		return handlers.Fail(fiber.StatusBadRequest, "bad_date", "日期格式须为 YYYY-MM-DD")
	}
	return handlers.Fail(fiber.StatusBadRequest, "bad_json", "请求内容不是有效的 JSON")
}

func jsonType(kind string) string {
	switch kind {
	case "string":
		return "字符串"
	case "bool":
		return "布尔值（true/false）"
	case "int", "int64", "int32", "uint", "uint64":
		return "整数"
	case "struct", "map":
		return "对象"
	case "slice":
		return "数组"
	}
	return kind
}
