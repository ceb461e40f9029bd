// Package cluster holds `make cluster-test`: three `leaveguard serve`
// processes behind nginx on one PostgreSQL and one Redis, and the checks
// that running more copies changes nothing a client can see (sessions,
// rate limits, idempotency, outbound events, webhook dedupe, an instance
// killed under load). It has no code of its own; its test is skipped
// unless LEAVEGUARD_CLUSTER=1 (scripts/cluster-test.sh sets it).
package cluster
