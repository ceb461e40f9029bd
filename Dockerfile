# LeaveGuard: one static binary on Debian 12 (bookworm).
# Build: docker build -t leaveguard .
# Run:   docker run -e LEAVEGUARD_DATABASE_URL=... -e LEAVEGUARD_REDIS_URL=... \
#          -e LEAVEGUARD_SECRET_KEY=... -p 8080:8080 leaveguard
# Migrations: docker run ... leaveguard migrate

FROM golang:1.26-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-mod=readonly
# Download modules in their own layer so code changes do not refetch them.
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
RUN go build -trimpath -ldflags "-s -w" -o /out/leaveguard ./cmd/leaveguard

FROM debian:bookworm-slim
# ca-certificates: TLS to payroll webhooks and managed databases.
# fonts-droid-fallback: the CJK font embedded in generated PDFs.
# tzdata: in case anything loads Asia/Shanghai by name.
RUN apt-get update \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		ca-certificates fonts-droid-fallback tzdata \
	&& rm -rf /var/lib/apt/lists/* \
	&& groupadd --system --gid 10001 leaveguard \
	&& useradd --system --uid 10001 --gid 10001 --no-create-home \
		--home-dir /nonexistent --shell /usr/sbin/nologin leaveguard
COPY --from=build /out/leaveguard /usr/local/bin/leaveguard
ENV LEAVEGUARD_PDF_FONT=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
	LEAVEGUARD_ADDR=:8080
# Numeric, so Kubernetes' runAsNonRoot can check it.
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/leaveguard"]
CMD ["serve"]
