package cases

import (
	"context"
	"encoding/json"
	"fmt"

	"leaveguard/leave"
	"leaveguard/store"
)

// Correcting notices (rules.md §2, revised 2026-12-07). A standing notice
// matches a due one of the same kind whose protected interval overlaps its
// own (a contract-extension notice: the one of the employee). When the
// answer differs (a date moved), the standing notice is superseded and the
// correction raised: an event of the same type with "correction": true and
// the previous answer. A standing protection.ended or (while the contract
// has not ended) contract.extension_required that is no longer due is
// retracted: an event of its type with "retracted": true. Never two
// answers: at most one notice per kind and interval stands.

// answerKeys are the fields that make a notice's answer.
var answerKeys = map[string][]string{
	"protection.started":          {"protected_from", "protected_until", "protected_until_estimated"},
	"protection.ended":            {"protected_from", "protected_until"},
	"contract.extension_required": {"contract_end", "extended_contract_end", "protected_until_estimated"},
}

func settleNotices(ctx context.Context, tx *store.Tx, tenant, employeeID string, due []dueNotice, current []store.Notice, extensionOpen bool) (int, error) {
	used := make([]bool, len(current))
	n := 0
	for _, d := range due {
		i := matchNotice(current, used, d)
		if i < 0 {
			ok, err := tx.RaiseNotice(ctx, tenant, employeeID, d.kind, d.from, d.payload)
			if err != nil {
				return n, err
			}
			if ok {
				n++
			}
			continue
		}
		used[i] = true
		prev, now := answer(d.kind, current[i].Detail), answer(d.kind, mustJSON(d.payload))
		if prev == now {
			continue
		}
		event := map[string]any{"correction": true, "previous": json.RawMessage(current[i].Detail)}
		for k, v := range d.payload {
			event[k] = v
		}
		ok, err := tx.CorrectNotice(ctx, tenant, current[i], d.from, d.payload, event)
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	for i, c := range current {
		if used[i] || !(c.Kind == "protection.ended" || (c.Kind == "contract.extension_required" && extensionOpen)) {
			continue
		}
		event := map[string]any{"employee_id": employeeID, "retracted": true, "previous": json.RawMessage(c.Detail),
			"message": retractMessage(c.Kind)}
		ok, err := tx.CorrectNotice(ctx, tenant, c, c.PeriodFrom, nil, event)
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// matchNotice is the index of the unused standing notice answering d, or -1.
func matchNotice(current []store.Notice, used []bool, d dueNotice) int {
	for i, c := range current {
		if used[i] || c.Kind != d.kind {
			continue
		}
		if d.kind == "contract.extension_required" || c.PeriodFrom.Equal(d.from) {
			return i
		}
		var p struct {
			From  leave.Date `json:"protected_from"`
			Until leave.Date `json:"protected_until"`
		}
		if json.Unmarshal(c.Detail, &p) == nil && !p.From.IsZero() && !p.From.After(d.to) && !d.from.After(p.Until) {
			return i
		}
	}
	return -1
}

// answer renders the fields of a notice's answer in a stable form.
func answer(kind string, detail json.RawMessage) string {
	var m map[string]any
	_ = json.Unmarshal(detail, &m)
	s := ""
	for _, k := range answerKeys[kind] {
		s += fmt.Sprintf("%s=%v;", k, m[k])
	}
	return s
}

func retractMessage(kind string) string {
	if kind == "protection.ended" {
		return "撤回此前的“保护期结束”通知：按更正后的事实或规则（子女满一周岁之日为保护期最后一天等），保护期尚未结束。"
	}
	return "撤回此前的“劳动合同须顺延”通知：按更正后的事实或规则，劳动合同期满日已不在保护期内。"
}
