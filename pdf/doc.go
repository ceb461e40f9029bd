// Package pdf renders LeaveGuard's documents — the maternity allowance
// claim, the social-insurance subsidy application, the leave approval
// notice, the contract-extension notice and the compliance report — as A4
// Chinese PDFs with github.com/go-pdf/fpdf.
//
// It knows nothing of HTTP or SQL: callers fill a plain input struct from the
// store and get the PDF bytes back. A CJK TrueType font is read once at
// start-up (LoadFont) and embedded, subset to the characters each document
// uses. Rendering is deterministic: the same input (including its
// GeneratedAt) gives byte-identical output, so a stored filing can be
// produced again exactly.
package pdf
