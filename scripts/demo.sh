#!/usr/bin/env bash
# `npm run demo`: installs, migrates and seeds the embedded SQLite database (or DATABASE_URL),
# builds and starts the app on http://localhost:${PORT:-3000}, listening on 127.0.0.1 unless HOST says
# otherwise (the dev mailbox, which shows every code, is served only on loopback: see README).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-deps.sh
if [ ! -f .env ] || ! grep -q '^AUTH_SECRET=' .env; then
  echo "AUTH_SECRET=$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64url"))')" >> .env
  echo "Wrote a new AUTH_SECRET to .env"
fi
set -a; . ./.env; set +a
export PORT="${PORT:-3000}"
export AUTH_URL="${AUTH_URL:-http://localhost:$PORT}" APP_URL="${APP_URL:-http://localhost:$PORT}" AUTH_TRUST_HOST=true
npx tsx --import ./scripts/server-only.mjs scripts/migrate.ts
npx tsx --import ./scripts/server-only.mjs prisma/seed.ts
npx next build
echo
echo "Dealer Portal: http://localhost:$PORT   (dev mailbox: http://localhost:$PORT/dev/mailbox)"
exec node scripts/server.mjs
