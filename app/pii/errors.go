// Package pii validates, masks and protects the personal identifiers that
// LeaveGuard holds: resident identity card numbers (GB 11643-1999), unified
// social credit codes of employers (GB 32100-2015), and the encryption and
// keyed lookup hashes used to store them. It uses only the standard library.
//
// Nothing in this package puts an identifier's value into an error or a
// log line: error messages name the problem, never the number.
package pii

// Error is a validation failure with a stable machine code and a Chinese
// message meant for people. It never contains the value that failed.
type Error struct {
	Code    string // stable snake_case code, e.g. "national_id_checksum"
	Message string // Chinese explanation for the user
}

// Error implements the error interface.
func (e *Error) Error() string { return "pii: " + e.Code + ": " + e.Message }

// Sentinel errors of ValidateNationalID. Compare with errors.Is; read the
// code and message with errors.As into *Error.
var (
	// ErrNationalIDLength means the number is not 18 characters long.
	ErrNationalIDLength = &Error{"national_id_length", "身份证号须为18位"}
	// ErrNationalIDLegacy15 means a 15-digit first-generation number was given.
	ErrNationalIDLegacy15 = &Error{"national_id_legacy15", "不再受理15位旧身份证号，请使用18位身份证号"}
	// ErrNationalIDFullWidth means the number contains full-width or other
	// non-ASCII characters.
	ErrNationalIDFullWidth = &Error{"national_id_charset", "身份证号含有全角或非ASCII字符，请使用半角数字"}
	// ErrNationalIDCharset means a character other than 0-9 (or a final X).
	ErrNationalIDCharset = &Error{"national_id_charset", "身份证号前17位须为数字，第18位须为数字或大写X"}
	// ErrNationalIDLowercaseX means the check character is a lowercase x.
	ErrNationalIDLowercaseX = &Error{"national_id_charset", "校验位X须为大写"}
	// ErrNationalIDRegion means the first two digits are no province code.
	ErrNationalIDRegion = &Error{"national_id_region", "身份证号前两位不是有效的省级行政区划代码"}
	// ErrNationalIDBirthdate means the birth date (digits 7-14) is not a
	// real date between 1900-01-01 and today.
	ErrNationalIDBirthdate = &Error{"national_id_birthdate", "身份证号中的出生日期无效"}
	// ErrNationalIDChecksum means the ISO 7064 MOD 11-2 check failed.
	ErrNationalIDChecksum = &Error{"national_id_checksum", "身份证号校验位错误，请核对号码"}
)

// Sentinel errors of ValidateCreditCode.
var (
	// ErrCreditCodeLength means the code is not 18 characters long.
	ErrCreditCodeLength = &Error{"credit_code_length", "统一社会信用代码须为18位"}
	// ErrCreditCodeCharset means a character outside 0-9 and the uppercase
	// letters other than I, O, Z, S, V.
	ErrCreditCodeCharset = &Error{"credit_code_charset", "统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）"}
	// ErrCreditCodeChecksum means the MOD 31 check character is wrong.
	ErrCreditCodeChecksum = &Error{"credit_code_checksum", "统一社会信用代码校验位错误，请核对代码"}
)
