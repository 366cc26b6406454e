import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run against a real database: SQLite by default, PostgreSQL when
// TEST_DATABASE_URL names one (.ci/run does). tests/support/global-setup.ts migrates and seeds it.
const databaseUrl = process.env.TEST_DATABASE_URL || `file:${path.resolve(".data/vitest.db")}`;

export default defineConfig({
  resolve: { alias: { "@": path.resolve("."), "server-only": path.resolve("tests/support/server-only.ts") } },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup.ts"],
    env: { DATABASE_URL: databaseUrl, AUTH_SECRET: "vitest-secret-0123456789abcdef", OUTBOX_WORKER: "off" },
    pool: "forks",
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
