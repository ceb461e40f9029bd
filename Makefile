# LeaveGuard: `make run` to try it, `make test` to check it.
SHELL := /bin/bash
GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
BIN := bin/leaveguard
# Local development runs with LEAVEGUARD_ENV=dev (a built-in, non-secret
# encryption key); production must set LEAVEGUARD_SECRET_KEY.
export LEAVEGUARD_ENV ?= dev

.PHONY: run build services test-deps test test-short bench lint fmt clean

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/leaveguard

services:
	bash scripts/services.sh

test-deps:
	bash scripts/test-deps.sh

## run: start PostgreSQL and Redis if needed, migrate, load the demo, serve on :8080
run: services build
	$(BIN) migrate
	$(BIN) demo
	$(BIN) serve

## test: the whole suite against real PostgreSQL and Redis
test: test-deps
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...

test-short: services
	$(GO) test -count=1 -short ./...

## bench: the benchmarks named in the issues, with figures
bench: services
	$(GO) test -run '^$$' -bench . -benchmem ./leave/ ./payroll/

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

fmt:
	gofmt -w .

clean:
	rm -rf bin
