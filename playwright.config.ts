import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's chromium-headless-shell when present, else Debian's chromium (no browser download on
// these machines), else Playwright's own: scripts/ensure-chromium.sh installs one of them.
const chromium = process.env.CHROMIUM_PATH || ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));
const port = Number(process.env.E2E_PORT || 3210);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    // A trace records every action's page and screenshots; on every test it cost the suite about
    // 1.4× its time and its CPU on a 2-core machine. Recorded on a retry (CI retries once);
    // locally: npx playwright test --trace retain-on-failure.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node scripts/server.mjs",
    url: `http://localhost:${port}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      DATABASE_URL: process.env.E2E_DATABASE_URL || "file:./.data/e2e.db",
      AUTH_SECRET: "e2e-secret-0123456789abcdef0123",
      AUTH_TRUST_HOST: "true",
      AUTH_URL: `http://localhost:${port}`,
      APP_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      OUTBOX_INTERVAL_MS: "2000",
    },
  },
});
