package cases

import (
	"bytes"
	"encoding/json"
	"errors"

	"leaveguard/app/strictjson"
)

// decodeWebhookData reads the "data" object of a webhook into v as strictly
// as the JSON API reads its bodies: unknown fields and wrong types are
// field errors, with Chinese messages.
func decodeWebhookData(raw json.RawMessage, v any) error {
	if len(bytes.TrimSpace(raw)) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return &Error{Kind: Invalid, Code: "validation_failed", Message: "请求内容有误，请按字段提示修改后重试",
			Fields: map[string]string{"data": "必填：事件数据对象"}}
	}
	err := strictjson.Decode(raw, v)
	if err == nil {
		return nil
	}
	var typeErr *json.UnmarshalTypeError
	var unknownErr *strictjson.UnknownFieldError
	switch {
	case errors.Is(err, strictjson.ErrTrailing):
		return Fail(Invalid, "bad_json", "data 须为单个 JSON 对象")
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return Fields{"data." + typeErr.Field: "类型不正确"}.Err()
	case errors.As(err, &typeErr):
		return Fields{"data": "须为 JSON 对象"}.Err()
	case errors.As(err, &unknownErr):
		return Fields{"data." + unknownErr.Field: "不支持该字段"}.Err()
	}
	return Fail(Invalid, "bad_json", "data 不是有效的 JSON 对象")
}

// dataFields prefixes field names with "data." in a validation error, so
// the admin sees where in the webhook the problem is.
func dataFields(err error) error {
	var ce *Error
	if !errors.As(err, &ce) || len(ce.Fields) == 0 {
		return err
	}
	out := *ce
	out.Fields = make(map[string]string, len(ce.Fields))
	for k, v := range ce.Fields {
		out.Fields["data."+k] = v
	}
	return &out
}
