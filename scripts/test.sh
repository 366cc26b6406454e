#!/usr/bin/env bash
# `npm test`: installs what is needed, then lint, type-check, unit + integration tests
# (SQLite; PostgreSQL too when TEST_POSTGRES_URL is set), and the end-to-end tests in chromium
# (on SQLite, and on PostgreSQL too when TEST_POSTGRES_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p .data
step() { printf '\n=== %s\n' "$*"; }

step "dependencies"; bash scripts/ensure-deps.sh
step "browser"; bash scripts/ensure-chromium.sh
step "format"; npx prettier --check . >/dev/null || { npx prettier --check .; echo "Run npx prettier --write . to format."; exit 1; }
step "lint"; npx eslint . --max-warnings=0
step "type-check"; npx tsc --noEmit
step "unit and integration tests (SQLite)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.data/vitest-sqlite.json
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  step "data-layer tests (PostgreSQL)"
  TEST_DATABASE_URL="$TEST_POSTGRES_URL" npx vitest run tests/integration --reporter=default --reporter=json --outputFile.json=.data/vitest-postgres.json
else
  rm -f .data/vitest-postgres.json
  echo "TEST_POSTGRES_URL is not set: PostgreSQL tests skipped (.ci/run sets it)."
fi
step "end-to-end tests"
export E2E_DATABASE_URL="file:./.data/e2e.db"
DATABASE_URL="$E2E_DATABASE_URL" npx tsx --import ./scripts/server-only.mjs scripts/migrate.ts --reset >/dev/null
DATABASE_URL="$E2E_DATABASE_URL" npx tsx --import ./scripts/server-only.mjs prisma/seed.ts >/dev/null
# The key of a multi-instance deployment (README: Deployment), as an operator sets it at build.
AUTH_SECRET=build-only-secret-0123456789 NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=ZGVhbGVyLXBvcnRhbC10ZXN0LWFjdGlvbnMta2V5ISE= npx next build >/dev/null
PLAYWRIGHT_JSON_OUTPUT_NAME=.data/playwright.json npx playwright test --reporter=list,json
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  # The same build and the same suite on PostgreSQL (the data-layer tests are done with that database).
  step "end-to-end tests (PostgreSQL)"
  export E2E_DATABASE_URL="$TEST_POSTGRES_URL"
  DATABASE_URL="$E2E_DATABASE_URL" npx tsx --import ./scripts/server-only.mjs scripts/migrate.ts --reset >/dev/null
  DATABASE_URL="$E2E_DATABASE_URL" npx tsx --import ./scripts/server-only.mjs prisma/seed.ts >/dev/null
  PLAYWRIGHT_JSON_OUTPUT_NAME=.data/playwright-postgres.json npx playwright test --reporter=list,json
else
  rm -f .data/playwright-postgres.json
fi
node scripts/test-summary.mjs
