package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"leaveguard/cmd/lgbench/seed"
)

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// portalLogin signs in as tenant t's seeded admin and returns the Cookie
// header of the session.
func portalLogin(ctx context.Context, c *http.Client, base string, t tenant) (string, error) {
	jar := map[string]string{}
	get, err := http.NewRequestWithContext(ctx, "GET", base+"/login", nil)
	if err != nil {
		return "", err
	}
	body, err := send(c, get, jar)
	if err != nil {
		return "", fmt.Errorf("login page: %w", err)
	}
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		return "", fmt.Errorf("login page has no CSRF field")
	}
	form := url.Values{"email": {seed.AdminEmail(t.Index)}, "password": {seed.Password}, "_csrf": {m[1]}, "next": {"/"}}
	post, err := http.NewRequestWithContext(ctx, "POST", base+"/login", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if _, err := send(c, post, jar); err != nil {
		return "", fmt.Errorf("login: %w", err)
	}
	if jar["__Host-lg_session"] == "" {
		return "", fmt.Errorf("login of %s gave no session", seed.AdminEmail(t.Index))
	}
	return "__Host-lg_session=" + jar["__Host-lg_session"], nil
}

// send does req with the cookies of jar and keeps the ones it sets.
func send(c *http.Client, req *http.Request, jar map[string]string) (string, error) {
	for k, v := range jar {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	for _, ck := range resp.Cookies() {
		jar[ck.Name] = ck.Value
	}
	if resp.StatusCode >= 400 {
		return string(b), fmt.Errorf("status %d", resp.StatusCode)
	}
	return string(b), err
}
