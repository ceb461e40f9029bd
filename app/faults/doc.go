// Package faults holds LeaveGuard's fault suite (make faults) and the
// fuzz targets of the JSON API's bodies (make fuzz). It has no code of its
// own: everything is in its tests, which start whole servers over throwaway
// databases and inject failures — Redis killed and restarted (a private
// redis-server, never the shared one), PostgreSQL connections terminated
// (and, in the long form, a private PostgreSQL cluster restarted), slow
// clients, shutdown with requests in flight.
//
// `go test ./app/faults` (and so `make test`) runs the short form; set
// LEAVEGUARD_FAULTS=long (make faults) for the long one.
package faults
