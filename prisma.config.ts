// Prisma CLI configuration. The JS engine with a driver adapter keeps the CLI
// offline (no Rust engine download); see ../shared/STACK.md. The CLI is used only
// for `generate` and `migrate diff`; scripts/migrate.ts applies migrations.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaBetterSQLite3({ url: "file:./prisma/.cli.db" });
  },
});
