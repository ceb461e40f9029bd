package seed

// columns lists the columns each seeded table is loaded with, in the order
// the generator emits them.
var columns = map[string][]string{
	"tenants":     {"id", "name", "credit_code", "region", "created_at"},
	"api_keys":    {"tenant_id", "id", "name", "key_hash", "role", "created_at"},
	"users":       {"tenant_id", "id", "email", "name", "password_hash", "role"},
	"audit_heads": {"tenant_id", "lane", "seq", "hash"},
	"employees": {"tenant_id", "id", "external_id", "name", "gender", "national_id_enc", "national_id_hash",
		"national_id_masked", "hired_on", "contract_end", "monthly_wage_fen", "maternity_insured", "region",
		"created_at", "updated_at"},
	"pregnancies": {"tenant_id", "id", "employee_id", "reported_on", "expected_due_date", "created_at"},
	"births": {"tenant_id", "id", "employee_id", "birth_date", "child_order", "babies", "dystocia",
		"leave_start", "plan", "version", "created_at", "updated_at"},
	"birth_versions": {"tenant_id", "birth_id", "version", "input", "plan", "recorded_at", "recorded_by"},
	"children": {"tenant_id", "id", "employee_id", "birth_id", "birth_date", "child_order",
		"iit_share_percent", "created_at"},
	"miscarriages": {"tenant_id", "id", "employee_id", "date", "gestation_weeks", "plan", "created_at"},
	"marriages":    {"tenant_id", "id", "employee_id", "registered_on", "created_at"},
	"leave_requests": {"tenant_id", "id", "employee_id", "leave_type", "start_date", "end_date", "days", "unit",
		"bucket", "child_id", "status", "decision", "note", "created_at", "decided_at", "decided_by"},
	"settings": {"tenant_id", "key", "value", "updated_at", "updated_by"},
	"allowance_claims": {"tenant_id", "id", "employee_id", "birth_id", "miscarriage_id", "event_date", "leave_start",
		"status", "result", "facts", "amount_fen", "top_up_fen", "paid_days", "payee", "insured", "submitted_on",
		"decision_due", "decided_on", "paid_fen", "paid_on", "difference_fen", "created_at", "updated_at", "created_by"},
	"allowance_claim_transitions": {"tenant_id", "claim_id", "action", "from_status", "to_status", "at", "by"},
	"ledger_entries": {"tenant_id", "employee_id", "kind", "posted_on", "leave_type", "bucket", "days", "unit",
		"request_id", "start_date", "end_date", "note", "created_at"},
}

// tableOrder is the order tables are listed in reports.
var tableOrder = []string{"tenants", "api_keys", "users", "audit_heads", "employees", "pregnancies",
	"births", "birth_versions", "children", "miscarriages", "marriages", "leave_requests", "ledger_entries",
	"settings", "allowance_claims", "allowance_claim_transitions"}
