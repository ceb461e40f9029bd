-- +goose Up
-- Corrections are events: a corrected fact withdraws credits it no longer
-- grants (ledger kind 'withdrawal') and flags approved leave it no longer
-- allows (leave_requests.review_note, for HR; never a silent rewrite).
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check
  CHECK (kind IN ('credit', 'debit', 'reversal', 'withdrawal'));
ALTER TABLE leave_requests ADD COLUMN review_note text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE leave_requests DROP COLUMN review_note;
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check
  CHECK (kind IN ('credit', 'debit', 'reversal'));
