// The production server under operations (issue 13): /health tells whether the database answers,
// and SIGTERM stops it gracefully (requests in flight finish; the outbox finishes the sends in
// progress, claims nothing more and leaves no lease held). Each test starts a server of its own.
import { spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, startProductionServer, test, untilListening } from "./support";
import { startTestSmtp } from "../tests/support/smtp-server";
import Database from "better-sqlite3";

test.describe.configure({ mode: "serial" });

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));
}

test("/health answers 503 while the database does not, 200 when it does", async () => {
  const down = startProductionServer(3241, { DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none", OUTBOX_WORKER: "off" });
  try {
    await untilListening(3241);
    const response = await fetch("http://localhost:3241/health");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("database is not answering");
  } finally {
    down.kill("SIGKILL");
  }
  const up = startProductionServer(3242, { DATABASE_URL: process.env.E2E_DATABASE_URL || "file:./.data/e2e.db", OUTBOX_WORKER: "off" });
  try {
    await untilListening(3242);
    expect((await fetch("http://localhost:3242/health")).status).toBe(200);
  } finally {
    up.kill("SIGKILL");
  }
});

test("SIGTERM during a send: the sends in flight finish, nothing more is claimed, no lease is left held, the process exits 0", async () => {
  // A database of its own: this server delivers mail, which must not touch the other specs' mailbox.
  const file = ".data/e2e-shutdown.db";
  rmSync(file, { force: true });
  const url = `file:./${file}`;
  for (const script of ["scripts/migrate.ts", "prisma/seed.ts"]) {
    const run = spawnSync("npx", ["tsx", "--import", "./scripts/server-only.mjs", script], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
  }
  const db = new Database(file);
  db.prepare(`UPDATE "OutboxMessage" SET "status" = 'SENT'`).run();
  const insert = db.prepare(
    `INSERT INTO "OutboxMessage" ("id", "to", "subject", "template", "html", "text", "nextAttemptAt", "createdAt") VALUES (?, ?, 'Shutdown test', 'test', '<p>x</p>', 'x', ?, ?)`,
  );
  const now = new Date().toISOString().replace("Z", "+00:00");
  // More than the outbox has in flight at once (3).
  for (let i = 1; i <= 6; i++) insert.run(`shutdown-${i}`, `person${i}@example.test`, now, now);
  db.close();

  let server: ChildProcess | null = null;
  let signalled = false;
  const smtp = await startTestSmtp({
    // The first message is in the middle of its send when the server is told to stop; the other
    // sends in flight take a second too, so they are still running when it stops claiming.
    beforeAccept: async () => {
      if (signalled) return new Promise<void>((r) => setTimeout(r, 1000));
      signalled = true;
      server!.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1500));
    },
  });
  try {
    server = startProductionServer(3243, { DATABASE_URL: url, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_SECURE: "false", OUTBOX_INTERVAL_MS: "300" });
    await expect.poll(() => signalled, { timeout: 60_000 }).toBe(true);
    expect(await exited(server)).toBe(0);
    const rows = new Database(file, { readonly: true }).prepare(`SELECT "id", "status", "nextAttemptAt", "leasedUntil" FROM "OutboxMessage" WHERE "id" LIKE 'shutdown-%' ORDER BY "id"`).all() as {
      id: string;
      status: string;
      nextAttemptAt: string;
      leasedUntil: string | null;
    }[];
    expect(rows.filter((r) => r.leasedUntil !== null)).toEqual([]);
    // The ones being sent (at most 3) finished; the others were never claimed and are due for the next instance.
    const sent = rows.filter((r) => r.status === "SENT");
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(smtp.messages).toHaveLength(sent.length);
    const waiting = rows.filter((r) => r.status === "QUEUED");
    expect(waiting).toHaveLength(6 - sent.length);
    for (const r of waiting) expect(Date.parse(r.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
  } finally {
    server?.kill("SIGKILL");
    await smtp.close();
    rmSync(file, { force: true });
  }
});
