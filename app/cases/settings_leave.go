package cases

import (
	"context"
	"encoding/json"
	"fmt"

	"leaveguard/leave"
	"leaveguard/store"
)

// leaveSettingKeys are the settings of the leave engine (leave.Settings).
var leaveSettingKeys = []string{"spousal_nursing_unit", "parental_unit", "parental_year_basis",
	"parental_scope", "marriage_unit", "only_child_care_unit", "only_child_care_days",
	"multiple_birth_order_basis", "stillbirth_extension", "stillbirth_spousal_nursing"}

// leaveSettings reads the tenant's leave settings, defaults filled in.
func leaveSettings(ctx context.Context, tx *store.Tx, tenant string) (leave.Settings, error) {
	stored, err := tx.Settings(ctx, tenant)
	if err != nil {
		return leave.Settings{}, err
	}
	return leaveSettingsFrom(stored)
}

func leaveSettingsFrom(stored map[string]json.RawMessage) (leave.Settings, error) {
	doc := map[string]json.RawMessage{}
	for _, k := range leaveSettingKeys {
		if v, ok := stored[k]; ok {
			doc[k] = v
		}
	}
	b, _ := json.Marshal(doc)
	var s leave.Settings
	if err := json.Unmarshal(b, &s); err != nil {
		return leave.Settings{}, fmt.Errorf("cases: leave settings: %w", err)
	}
	return s.Normalize()
}

// leaveSection is the settings section of the leave engine.
type leaveSection struct{}

func (leaveSection) keys() []string { return leaveSettingKeys }

func (leaveSection) list(stored map[string]json.RawMessage) ([]leave.Setting, error) {
	s, err := leaveSettingsFrom(stored)
	if err != nil {
		return nil, err
	}
	return leave.ListSettings(s)
}

// validate checks the merged leave settings; the error names the field.
func (leaveSection) validate(merged map[string]json.RawMessage) error {
	doc := map[string]json.RawMessage{}
	for _, k := range leaveSettingKeys {
		if v, ok := merged[k]; ok {
			doc[k] = v
		}
	}
	b, _ := json.Marshal(doc)
	dec := json.NewDecoder(bytesReader(b))
	var s leave.Settings
	if err := dec.Decode(&s); err != nil {
		return &Error{Kind: Invalid, Code: "validation_failed", Message: "设置值类型不正确",
			Fields: map[string]string{jsonErrField(err): "类型不正确"}}
	}
	if _, err := s.Normalize(); err != nil {
		return fromDomain(err)
	}
	return nil
}
