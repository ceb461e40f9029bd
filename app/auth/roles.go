package auth

// The roles a key or a staff user can carry: the only place their names are
// spelled.
const (
	Admin   = "admin"   // everything, including settings, accounts and keys
	HR      = "hr"      // records and decisions about employees
	Auditor = "auditor" // reads, audit log
	Payroll = "payroll" // the payroll system: employees, wages, the feed
)

// Roles are the roles a key or a staff user can carry.
var Roles = []string{Admin, HR, Auditor, Payroll}
