-- +goose Up
-- Maternity-insurance allowance claims (生育津贴): one claim per birth or
-- miscarriage, computed with payroll.Allowance (the result and the facts it
-- was computed from are kept), through draft → submitted → approved |
-- rejected → paid, with the bureau's decision deadline and the amount
-- actually received (reconciliation). Every step is a row of
-- allowance_claim_transitions.

CREATE TABLE allowance_claims (
  tenant_id       uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  employee_id     uuid NOT NULL,
  birth_id        uuid,
  miscarriage_id  uuid,
  event_date      date NOT NULL,
  leave_start     date NOT NULL,
  status          text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'paid')),
  result          jsonb NOT NULL,
  facts           jsonb NOT NULL,
  amount_fen      bigint NOT NULL CHECK (amount_fen >= 0),
  top_up_fen      bigint NOT NULL CHECK (top_up_fen >= 0),
  paid_days       int NOT NULL CHECK (paid_days > 0),
  payee           text NOT NULL CHECK (payee IN ('employee', 'employer')),
  insured         boolean NOT NULL,
  submitted_on    date,
  decision_due    date,
  decided_on      date,
  reject_reason   text NOT NULL DEFAULT '',
  paid_fen        bigint CHECK (paid_fen >= 0),
  paid_on         date,
  difference_fen  bigint,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  created_by      text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id),
  FOREIGN KEY (tenant_id, birth_id) REFERENCES births (tenant_id, id),
  FOREIGN KEY (tenant_id, miscarriage_id) REFERENCES miscarriages (tenant_id, id),
  CHECK ((birth_id IS NULL) <> (miscarriage_id IS NULL))
);
-- One active (not rejected) claim per event: a second one is a 409.
CREATE UNIQUE INDEX allowance_claims_active_birth ON allowance_claims (tenant_id, birth_id)
  WHERE birth_id IS NOT NULL AND status <> 'rejected';
CREATE UNIQUE INDEX allowance_claims_active_miscarriage ON allowance_claims (tenant_id, miscarriage_id)
  WHERE miscarriage_id IS NOT NULL AND status <> 'rejected';
CREATE INDEX allowance_claims_list ON allowance_claims (tenant_id, created_at, id);
CREATE INDEX allowance_claims_employee ON allowance_claims (tenant_id, employee_id, leave_start);
CREATE INDEX allowance_claims_due ON allowance_claims (tenant_id, decision_due) WHERE status = 'submitted';

CREATE TABLE allowance_claim_transitions (
  tenant_id   uuid NOT NULL,
  claim_id    uuid NOT NULL,
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  action      text NOT NULL,
  from_status text NOT NULL,
  to_status   text NOT NULL,
  on_date     date,
  detail      jsonb NOT NULL DEFAULT '{}',
  at          timestamptz NOT NULL DEFAULT now(),
  by          text NOT NULL,
  PRIMARY KEY (tenant_id, claim_id, seq),
  FOREIGN KEY (tenant_id, claim_id) REFERENCES allowance_claims (tenant_id, id)
);

-- +goose StatementBegin
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['allowance_claims', 'allowance_claim_transitions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END
$$;
-- +goose StatementEnd

GRANT SELECT, INSERT, UPDATE ON allowance_claims TO leaveguard_app;
GRANT SELECT, INSERT ON allowance_claim_transitions TO leaveguard_app;

-- +goose Down
DROP TABLE allowance_claim_transitions, allowance_claims;
