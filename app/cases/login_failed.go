package cases

import (
	"context"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"leaveguard/store"
)

// FailedLogin is what is recorded of a failed portal login: never the
// e-mail in clear, nor the password.
type FailedLogin struct {
	Email     string // as typed (lower-cased); only its keyed hash is kept
	IP        string
	UserAgent string
}

// AccountHash is the keyed hash that stands for an e-mail in the audit log
// (HMAC with the PII key: the same account always gives the same value,
// and a list of e-mails cannot be hashed to find it without the key).
func (c *Cases) AccountHash(email string) string {
	return hex.EncodeToString(c.Cipher.Hash("login:" + strings.ToLower(strings.TrimSpace(email))))[:32]
}

// RecordFailedLogin audits a failed login in every tenant that has an
// account with the e-mail (action user.login_failed on that user, actor
// "anonymous" named by the account hash), with the client IP and user
// agent. An e-mail no tenant knows is in no tenant's log. It returns the
// account hash, for the server log.
func (c *Cases) RecordFailedLogin(ctx context.Context, in FailedLogin) (string, error) {
	hash := c.AccountHash(in.Email)
	cands, err := c.Store.LoginCandidates(ctx, in.Email)
	if err != nil {
		return hash, err
	}
	detail := map[string]any{"account": hash, "ip": clip(in.IP, 64), "user_agent": clip(in.UserAgent, 200)}
	who := store.Who{ActorType: "anonymous", ActorID: hash}
	for i, cand := range cands {
		if i == maxLoginCandidates {
			break
		}
		err := c.Store.InTx(ctx, cand.TenantID, func(tx *store.Tx) error {
			return tx.Audit(ctx, cand.TenantID, who, "user.login_failed", "user", cand.UserID, detail)
		})
		if err != nil {
			return hash, err
		}
	}
	return hash, nil
}

// clip keeps the first n bytes of s, valid UTF-8 and without NUL.
func clip(s string, n int) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, ""), "\x00", "")
	for len(s) > n {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}
