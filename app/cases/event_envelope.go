package cases

import (
	"encoding/json"
	"time"

	"leaveguard/store"
)

// EventSchemaVersion is the version of the outbound event body below; a
// change that removes or renames a field raises it (CHANGELOG.md).
const EventSchemaVersion = 1

// EventEnvelope is the body of every outbound event, pushed (webhook) or
// pulled (GET /events) alike. EventID is also the webhook-id. Sequence
// counts one employee's events from 1 in the order they were written;
// employee_id, external_id and sequence are null for tenant-wide events.
// OccurredAt is when the change happened; Timestamp when the event was
// written (kept for receivers of the first body).
type EventEnvelope struct {
	EventID       string          `json:"event_id"`
	Type          string          `json:"type"`
	SchemaVersion int             `json:"schema_version"`
	OccurredAt    time.Time       `json:"occurred_at"`
	Timestamp     time.Time       `json:"timestamp"`
	EmployeeID    *string         `json:"employee_id"`
	ExternalID    *string         `json:"external_id"`
	Sequence      *int64          `json:"sequence"`
	Data          json.RawMessage `json:"data"`
}

// Envelope builds the body of an event row.
func Envelope(id, typ string, createdAt time.Time, m store.EventMeta, data json.RawMessage) EventEnvelope {
	e := EventEnvelope{EventID: id, Type: typ, SchemaVersion: max(m.SchemaVersion, 1),
		OccurredAt: m.OccurredAt.UTC(), Timestamp: createdAt.UTC(), EmployeeID: m.EmployeeID, Sequence: m.Sequence, Data: data}
	if m.EmployeeID != nil {
		ext := m.ExternalID
		e.ExternalID = &ext
	}
	if e.OccurredAt.IsZero() {
		e.OccurredAt = e.Timestamp
	}
	return e
}
