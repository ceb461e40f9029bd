// Package payroll is LeaveGuard's pure money domain: the maternity-insurance
// allowance (生育津贴) and the employer's top-up (补差), social-insurance
// contributions and the leave-period cost subsidy, and the monthly payroll
// feed (leave days, allowance offsets, top-ups, infant-care IIT deduction).
//
// It takes facts and returns figures with the parameters and legal sources
// used; it does no I/O and imports only the standard library and the civil
// date type of package leave.
//
// Money is int64 fen (分) in fields ending _fen; rates are int64 basis points
// (1/10000) in fields ending _bp. Every computation is exact (integer or
// math/big rational arithmetic) and rounds once, at the end, with RoundHalfUp.
// No float is used for money or rates.
package payroll
