package portal

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"

	"github.com/gofiber/fiber/v2"

	"leaveguard/web"
)

// staticFile is an embedded file with its type and a content hash, which
// versions its URL (/static/app.css?v=hash) so it can be cached for long.
type staticFile struct {
	body []byte
	mime string
	hash string
}

func mustStatic() map[string]staticFile {
	out := map[string]staticFile{}
	err := fs.WalkDir(web.FS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web.FS, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = "application/octet-stream"
		}
		out[path.Base(p)] = staticFile{body: b, mime: ct, hash: hex.EncodeToString(sum[:6])}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return out
}

// asset returns the versioned URL of a static file, for templates.
func (p *Portal) asset(name string) string {
	return "/static/" + name + "?v=" + p.static[name].hash
}

func (p *Portal) registerStatic(r fiber.Router) {
	r.Get("/static/:name", p.headers, func(c *fiber.Ctx) error {
		f, ok := p.static[c.Params("name")]
		if !ok {
			return p.fail(c, errNotFoundPage)
		}
		c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
		c.Set(fiber.HeaderETag, `"`+f.hash+`"`)
		if c.Get(fiber.HeaderIfNoneMatch) == `"`+f.hash+`"` {
			return c.SendStatus(fiber.StatusNotModified)
		}
		c.Set(fiber.HeaderContentType, f.mime)
		return c.Send(f.body)
	})
}
