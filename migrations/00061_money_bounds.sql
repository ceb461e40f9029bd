-- +goose Up
-- A second lock behind the API's bounds (app/cases/fields.go): a monthly
-- wage above 10,000,000 yuan (1,000,000,000 fen) is refused by the
-- database too. NOT VALID: rows written before are not re-checked here.
ALTER TABLE employees ADD CONSTRAINT employees_wage_bound
  CHECK (monthly_wage_fen <= 1000000000) NOT VALID;
ALTER TABLE scheduled_wage_changes ADD CONSTRAINT scheduled_wage_bound
  CHECK (new_wage_fen <= 1000000000) NOT VALID;

-- +goose Down
ALTER TABLE employees DROP CONSTRAINT employees_wage_bound;
ALTER TABLE scheduled_wage_changes DROP CONSTRAINT scheduled_wage_bound;
