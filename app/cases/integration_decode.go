package cases

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// decodeWebhookData reads the "data" object of a webhook into v as strictly
// as the JSON API reads its bodies: unknown fields and wrong types are
// field errors, with Chinese messages.
func decodeWebhookData(raw json.RawMessage, v any) error {
	if len(bytes.TrimSpace(raw)) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return &Error{Kind: Invalid, Code: "validation_failed", Message: "请求内容有误，请按字段提示修改后重试",
			Fields: map[string]string{"data": "必填：事件数据对象"}}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, err := dec.Token(); err != io.EOF {
			return Fail(Invalid, "bad_json", "data 须为单个 JSON 对象")
		}
		return nil
	}
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return Fields{"data." + typeErr.Field: "类型不正确"}.Err()
	case errors.As(err, &typeErr):
		return Fields{"data": "须为 JSON 对象"}.Err()
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return Fields{"data." + name: "不支持该字段"}.Err()
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
