package auth

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn"
)

// Password policy: at least MinPasswordLen characters and a zxcvbn score of
// at least MinPasswordScore (0–4; 3 means about 10^8 guesses or more).
const (
	MinPasswordLen   = 12
	MaxPasswordLen   = 200
	MinPasswordScore = 3
)

// PasswordProblem returns, in Chinese, why pw may not be used as a
// password, or "" when it may. related are words the password must not
// lean on: the e-mail, the user's and the employer's names.
func PasswordProblem(pw string, related ...string) string {
	n := utf8.RuneCountInString(pw)
	switch {
	case n == 0:
		return "请输入密码"
	case n < MinPasswordLen:
		return fmt.Sprintf("密码至少需要%d个字符（当前%d个）", MinPasswordLen, n)
	case n > MaxPasswordLen:
		return fmt.Sprintf("密码不能超过%d个字符", MaxPasswordLen)
	}
	inputs := []string{"leaveguard", "password", "mima"}
	for _, r := range related {
		inputs = append(inputs, strings.ToLower(r))
		if local, _, ok := strings.Cut(r, "@"); ok {
			inputs = append(inputs, strings.ToLower(local))
		}
	}
	res := zxcvbn.PasswordStrength(pw, inputs)
	if res.Score >= MinPasswordScore {
		return ""
	}
	return "密码太容易被猜中：" + weakness(res) + "。请改用更长、更不规则的密码，例如几个不相关的词加数字或符号"
}

// weakness names the pattern covering most of a weak password.
func weakness(res zxcvbn.Result) string {
	best, size := "组合过于简单", 0
	for _, m := range res.Sequence {
		why := ""
		switch {
		case m.Pattern == "dictionary" && m.DictionaryName == "user_inputs":
			why = "包含邮箱、姓名、单位名称或产品名称"
		case m.Pattern == "dictionary":
			why = "包含常用密码、常见单词或姓名"
		case m.Pattern == "spatial":
			why = "包含键盘上相邻的按键（如 qwerty、asdf）"
		case m.Pattern == "repeat":
			why = "包含重复的字符或片段（如 aaa、abcabc）"
		case m.Pattern == "sequence":
			why = "包含连续的字符（如 abcd、1234）"
		case m.Pattern == "date" || m.Pattern == "regex":
			why = "包含日期或年份"
		}
		if why != "" && m.J-m.I+1 > size {
			best, size = why, m.J-m.I+1
		}
	}
	return best
}
