package cases

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"leaveguard/app/netguard"
	"leaveguard/store"
)

// outboundURL validates an optional outbound webhook URL: absolute https
// (http only with the loopback test setting), no credentials, no fragment,
// and no address LeaveGuard would refuse to dial anyway (a 422): a literal
// address, or a name resolving to one. Names are checked again, after
// resolution, at dial time (app/netguard).
func (c *Cases) outboundURL(ctx context.Context, f Fields, s *string) string {
	if s == nil || strings.TrimSpace(*s) == "" {
		return ""
	}
	raw := strings.TrimSpace(*s)
	u, err := url.Parse(raw)
	switch {
	case len(raw) > 2000:
		f["outbound_url"] = "地址过长（最多2000个字符）"
	case err != nil || !u.IsAbs() || u.Hostname() == "" || u.Opaque != "":
		f["outbound_url"] = "须为完整的 https:// 地址"
	case u.Scheme != "https" && !(c.Loopback && u.Scheme == "http"):
		f["outbound_url"] = "须使用 https://"
	case u.User != nil:
		f["outbound_url"] = "地址中不能包含用户名或密码"
	case u.Fragment != "" || strings.Contains(raw, "#"):
		f["outbound_url"] = "地址中不能包含 # 片段"
	default:
		if netguard.CheckHost(ctx, u.Hostname(), c.Loopback) != nil {
			f.Refuse("outbound_url", "只能指向公网地址：不能是本机、内网、保留或特殊用途地址")
		}
	}
	return raw
}

// IntegrationSecrets decrypts the secrets an integration's webhooks may be
// signed with at now: the current one, and the previous one until the end
// of its grace period. The current one comes first (outbound signing).
func (c *Cases) IntegrationSecrets(in store.Integration, now time.Time) ([]string, error) {
	cur, err := c.Cipher.Decrypt(in.SecretEnc)
	if err != nil {
		return nil, fmt.Errorf("cases: decrypt integration secret: %w", err)
	}
	out := []string{string(cur)}
	if in.PreviousSecretEnc != nil && in.PreviousValidUntil != nil && now.Before(*in.PreviousValidUntil) {
		prev, err := c.Cipher.Decrypt(in.PreviousSecretEnc)
		if err != nil {
			return nil, fmt.Errorf("cases: decrypt previous integration secret: %w", err)
		}
		out = append(out, string(prev))
	}
	return out, nil
}
