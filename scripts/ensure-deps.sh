#!/usr/bin/env bash
# Installs node_modules from the lockfile when missing or stale, and generates the Prisma clients.
set -euo pipefail
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node scripts/prisma-schema.mjs --check
npx prisma generate --schema prisma/schema.prisma >/dev/null
npx prisma generate --schema prisma/postgres/schema.prisma >/dev/null
