package cases

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"

	"leaveguard/leave"
	"leaveguard/store"
)

// Setting is one tenant setting with its value, default and source.
type Setting = leave.Setting

// section is one area's part of the tenant settings: it names its keys,
// lists them with defaults and sources, and validates a merged document.
type section interface {
	keys() []string
	list(stored map[string]json.RawMessage) ([]Setting, error)
	validate(merged map[string]json.RawMessage) error
}

// sections are every area's settings, in display order; an area adds its
// section here.
func (c *Cases) sections() []section {
	return []section{leaveSection{}, allowanceSection{}, subsidySection{}, retentionSection{}}
}

// Settings lists every tenant setting.
func (c *Cases) Settings(ctx context.Context, tenant string) ([]Setting, error) {
	var out []Setting
	err := c.Store.ReadTx(ctx, tenant, func(tx *store.Tx) error {
		stored, err := tx.Settings(ctx, tenant)
		if err != nil {
			return err
		}
		for _, s := range c.sections() {
			items, err := s.list(stored)
			if err != nil {
				return err
			}
			out = append(out, items...)
		}
		return nil
	})
	return out, err
}

// PutSettings changes the settings present in patch (key → JSON value; JSON
// null returns a key to its default), validated per section, audited.
func (c *Cases) PutSettings(ctx context.Context, tenant string, who store.Who, patch map[string]json.RawMessage) ([]Setting, error) {
	owner := map[string]section{}
	for _, s := range c.sections() {
		for _, k := range s.keys() {
			owner[k] = s
		}
	}
	f := Fields{}
	for k := range patch {
		if owner[k] == nil {
			f[k] = "未知的设置项"
		}
	}
	if err := f.Err(); err != nil {
		return nil, err
	}
	err := c.Store.InTx(ctx, tenant, func(tx *store.Tx) error {
		stored, err := tx.Settings(ctx, tenant)
		if err != nil {
			return err
		}
		for k, v := range patch {
			if string(v) == "null" {
				delete(stored, k)
			} else {
				stored[k] = v
			}
		}
		for _, s := range c.sections() {
			if err := s.validate(stored); err != nil {
				return err
			}
		}
		keys := make([]string, 0, len(patch))
		for k, v := range patch {
			keys = append(keys, k)
			if string(v) == "null" {
				err = tx.DeleteSetting(ctx, tenant, k)
			} else {
				err = tx.PutSetting(ctx, tenant, k, v, actor(who))
			}
			if err != nil {
				return err
			}
		}
		return tx.Audit(ctx, tenant, who, "settings.update", "settings", tenant, map[string]any{"keys": keys})
	})
	if err != nil {
		return nil, err
	}
	return c.Settings(ctx, tenant)
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// jsonErrField names the field of a JSON type error.
func jsonErrField(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return te.Field
	}
	return "settings"
}
