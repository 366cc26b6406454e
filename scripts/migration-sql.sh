#!/usr/bin/env bash
# Writes the SQL of a new migration for both providers, from the previous committed schema
# (git ref, default HEAD) to the current prisma/models.prisma.
#   scripts/migration-sql.sh <name> [base-ref]    e.g. scripts/migration-sql.sh add_panel_notes
# For the very first migration use base "empty".
set -euo pipefail
name=${1:?migration name}; base=${2:-HEAD}
stamp=$(date -u +%Y%m%d%H%M%S)
node scripts/prisma-schema.mjs
tmp=$(mktemp -d)
for provider in sqlite postgres; do
  schema=prisma/schema.prisma; [ $provider = postgres ] && schema=prisma/postgres/schema.prisma
  dir=prisma/migrations/$provider/${stamp}_$name; mkdir -p "$dir"
  if [ "$base" = empty ]; then from=(--from-empty); else
    git show "$base:$schema" > "$tmp/$provider.prisma"; from=(--from-schema-datamodel "$tmp/$provider.prisma"); fi
  npx prisma migrate diff "${from[@]}" --to-schema-datamodel "$schema" --script > "$dir/migration.sql"
  # Redefining "Installer" on SQLite drops its search triggers and renumbers its rowids: set the
  # full-text index up again (prisma/sqlite/installer-search.sql says why).
  if [ $provider = sqlite ] && grep -q 'DROP TABLE "Installer";' "$dir/migration.sql"; then
    { echo; cat prisma/sqlite/installer-search.sql; } >> "$dir/migration.sql"
  fi
  # Redefining "Panel" drops its counting triggers, and redefining "PanelGroup" fails while they
  # name it: drop them first, set them up again after (prisma/sqlite/panel-group-count.sql).
  if [ $provider = sqlite ] && grep -qE 'DROP TABLE "(Panel|PanelGroup)";' "$dir/migration.sql"; then
    { grep '^DROP TRIGGER' prisma/sqlite/panel-group-count.sql; echo; cat "$dir/migration.sql"; echo; cat prisma/sqlite/panel-group-count.sql; } > "$tmp/migration.sql"
    mv "$tmp/migration.sql" "$dir/migration.sql"
  fi
  echo "wrote $dir/migration.sql"
done
