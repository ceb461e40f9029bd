package cases

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	yuanPattern = regexp.MustCompile(`^([0-9]{1,12})(?:\.([0-9]{0,2}))?$`)
	datePattern = regexp.MustCompile(`^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?$`)
	errCell     = errors.New("cases: bad cell")
)

// ParseYuan turns an amount typed in yuan (up to two decimals; thousands
// separators and a ¥ sign allowed) into exact fen, by its digits: never
// through a float.
func ParseYuan(s string) (int64, error) {
	s = strings.NewReplacer(",", "", "，", "", "¥", "", "￥", "", " ", "").Replace(s)
	m := yuanPattern.FindStringSubmatch(s)
	if m == nil {
		return 0, errCell
	}
	yuan, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		return 0, errCell
	}
	frac := (m[2] + "00")[:2]
	fen, _ := strconv.ParseInt(frac, 10, 64)
	return yuan*100 + fen, nil
}

// excelEpoch is day 0 of Excel's 1900 date system (serial 1 = 1900-01-01,
// counting Excel's phantom 1900-02-29, hence the 30th).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// cellDate turns a date as spreadsheets hold it into YYYY-MM-DD: typed as
// 2020-03-01, 2020/3/1, 2020.3.1 or 2020年3月1日, or an XLSX date serial.
// It returns s unchanged when it is none of these (validation says why).
func cellDate(s string) string {
	if m := datePattern.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return fmt.Sprintf("%s-%02d-%02d", m[1], mo, d) // validation refuses a 2月30日
	}
	if n, err := strconv.Atoi(s); err == nil && n > 60 && n < 73051 { // 1900-03-01 .. 2099-12-31
		return excelEpoch.AddDate(0, 0, n).Format(time.DateOnly)
	}
	return s
}

// cellGender maps 女/男 to the API's values.
func cellGender(s string) string {
	switch strings.ToLower(s) {
	case "女", "female":
		return "female"
	case "男", "male":
		return "male"
	}
	return s
}

// cellYesNo maps 是/否 (or Excel's TRUE/FALSE, 1/0) to a bool.
func cellYesNo(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "是", "true", "1", "y", "yes":
		return true, true
	case "否", "false", "0", "n", "no":
		return false, true
	}
	return false, false
}

// cellRegion maps a region's name (兴安盟) to its code; a code, or an
// unknown name, is returned as is.
func (c *Cases) cellRegion(s string) string {
	for _, j := range c.Rules.Jurisdictions() {
		if j.Name == s {
			return j.Code
		}
	}
	return s
}
