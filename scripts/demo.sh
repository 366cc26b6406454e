#!/usr/bin/env bash
# `npm run demo`: installs, migrates and seeds the embedded SQLite database (or DATABASE_URL),
# builds and starts the app on http://localhost:${PORT:-3000}.
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
# The demo runs on this machine only, so the dev mailbox is on (a real deployment leaves it off).
export DEV_MAILBOX="${DEV_MAILBOX:-on}"
export AUTH_URL="${AUTH_URL:-http://localhost:$PORT}" APP_URL="${APP_URL:-http://localhost:$PORT}" AUTH_TRUST_HOST=true
npx tsx --import ./scripts/server-only.mjs scripts/migrate.ts
npx tsx --import ./scripts/server-only.mjs prisma/seed.ts
npx next build
echo
echo "Dealer Portal: http://localhost:$PORT   (dev mailbox: http://localhost:$PORT/dev/mailbox)"
exec npx next start -p "$PORT"
