package store

import (
	"context"
	"fmt"
	"time"
)

// User is a member of an employer's HR staff who logs in to the portal.
type User struct {
	ID           string    `db:"id" json:"id"`
	Email        string    `db:"email" json:"email"`
	Name         string    `db:"name" json:"name"`
	PasswordHash string    `db:"password_hash" json:"-"`
	Role         string    `db:"role" json:"role"`
	Disabled     bool      `db:"disabled" json:"disabled"`
	CreatedAt    time.Time `db:"created_at" json:"created_at"`
}

// CreateUser inserts a staff user and returns its id.
func (t *Tx) CreateUser(ctx context.Context, tenant string, u User) (string, error) {
	if err := t.check(tenant); err != nil {
		return "", err
	}
	const q = `
		INSERT INTO users (tenant_id, email, name, password_hash, role)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`
	var id string
	if err := t.tx.QueryRowxContext(ctx, q, tenant, u.Email, u.Name, u.PasswordHash, u.Role).Scan(&id); err != nil {
		return "", fmt.Errorf("store: create user: %w", mapErr(err))
	}
	return id, nil
}
