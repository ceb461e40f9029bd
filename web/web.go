// Package web holds the portal's HTML templates and static files, embedded
// in the binary: templates/*.html (parsed once at start by handlers/portal;
// files starting with "_" are layouts and partials shared by every page) and
// static/ (CSS and JavaScript of our own, served under /static/).
package web

import "embed"

// FS is the embedded tree: templates/ and static/.
//
//go:embed templates/*.html static/*
var FS embed.FS
