# LeaveGuard: `make run` to try it, `make test` to check it.
SHELL := /bin/bash
GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
BIN := bin/leaveguard
# Local development runs with LEAVEGUARD_ENV=dev (a built-in, non-secret
# encryption key); production must set LEAVEGUARD_SECRET_KEY.
export LEAVEGUARD_ENV ?= dev

.PHONY: run build services run-deps test-deps test test-dates test-short bench bench-quick faults cluster-test fuzz lint fmt clean

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/leaveguard

services:
	bash scripts/services.sh

## run-deps: services plus the CJK font the PDFs embed (what serving needs)
run-deps:
	bash scripts/run-deps.sh

test-deps:
	bash scripts/test-deps.sh

## run: start PostgreSQL and Redis and install the PDF font if needed, migrate, load the demo, serve on :8080
run: run-deps build
	$(BIN) migrate
	$(BIN) demo
	$(BIN) serve

## test: the whole suite against real PostgreSQL and Redis
test: test-deps
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...

## test-dates: the date-sensitive packages again with the clock pinned to days
## chosen to bite (a leap day, a New Year's Eve, a day years ahead); any
## YYYY-MM-DD works: make test-dates TEST_DATES="2027-01-01 2029-10-01"
TEST_DATES ?= 2028-02-29 2026-12-31 2030-06-15
DATE_PACKAGES := ./app/ ./handlers/... ./store/
test-dates: test-deps
	@set -e; for d in $(TEST_DATES); do \
		echo "== LEAVEGUARD_TEST_TODAY=$$d"; \
		LEAVEGUARD_TEST_TODAY=$$d $(GO) test -count=1 -timeout 20m $(DATE_PACKAGES); \
	done

test-short: services
	$(GO) test -count=1 -short ./...

## bench: the performance budgets of the packages (reported, not stopping the run), then
## LeaveGuard next to a bare fiber + sqlx baseline under load over 1,000 tenants and 1,000,000
## employees (seeded with COPY) and the go benchmarks of leave/ and payroll/; prints the table
## and writes bench/results/latest.json
bench: services
	@# -p 1: a timing budget must not run while other packages compile
	-LEAVEGUARD_PERF=1 $(GO) test -p 1 -count=1 -run '^(TestPerformanceBudget|TestPayrollScale|TestEmployeeListRender10k)$$' \
		./leave/ ./app/ ./handlers/portal/
	GO=$(GO) $(GO) run ./cmd/lgbench $(BENCH_FLAGS)

## bench-quick: the same load at 20,000 employees, 3 s per measurement
bench-quick: services
	$(GO) run ./cmd/lgbench -employees 20000 -tenants 50 -small 5000 -d 3s -gobench=false $(BENCH_FLAGS)

## faults: the long form of the fault suite (its short form runs in `make test`)
faults: services
	LEAVEGUARD_FAULTS=long $(GO) test -count=1 -v -timeout 20m ./app/faults/

## cluster-test: three `leaveguard serve` behind nginx on one PostgreSQL and Redis (not in `make test`);
## installs the Debian package nginx when absent; docs/scaling.md
cluster-test:
	GO=$(GO) bash scripts/cluster-test.sh

## fuzz: every fuzz target of the module for FUZZTIME each
FUZZTIME ?= 5s
fuzz: services
	@set -e; for pkg in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$f ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

fmt:
	gofmt -w .

clean:
	rm -rf bin
