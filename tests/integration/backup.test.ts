// `npm run db:backup` / `db:restore` (issue 13): a consistent copy taken while the app's connection
// is open and writing; restored into a fresh database, the data is there. Runs on the engine of
// the test database (SQLite by default; PostgreSQL with pg_dump in .ci/run).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { backupDatabase, postgresTool, restoreDatabase } from "@/lib/backup";
import { databaseProvider, databaseUrl } from "@/lib/config";
import { createDb, db } from "@/lib/db";

const url = databaseUrl();
const postgres = databaseProvider(url) === "postgresql";

describe("database backups", () => {
  it.skipIf(postgres && !postgresTool("pg_dump"))("backs up while the app writes, and a restore brings the data back", async () => {
    const marker = `Backup marker ${randomUUID().slice(0, 8)}`;
    const later = `${marker} (after the backup)`;
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    await db.customer.create({ data: { organizationId: org.id, name: marker, accountNumber: `B-${randomUUID().slice(0, 8)}` } });
    const dir = mkdtempSync(path.join(tmpdir(), "portal-backup-"));
    let restoreUrl = `file:${path.join(dir, "restored.db")}`;
    let admin: pg.Client | null = null;
    try {
      // The app keeps writing while the copy is taken; the copy is a consistent point in time.
      const [file] = await Promise.all([backupDatabase(url, dir), db.auditEvent.create({ data: { organizationId: org.id, action: "backup.test", outcome: "SUCCESS" } })]);
      await db.customer.create({ data: { organizationId: org.id, name: later, accountNumber: `B-${randomUUID().slice(0, 8)}` } });
      if (postgres) {
        admin = new pg.Client({ connectionString: url });
        await admin.connect();
        const name = `restore_${randomUUID().slice(0, 8).replace(/-/g, "")}`;
        await admin.query(`CREATE DATABASE ${name}`);
        const target = new URL(url);
        target.pathname = `/${name}`;
        restoreUrl = target.toString();
      }
      await restoreDatabase(restoreUrl, file);
      const restored = createDb(restoreUrl);
      try {
        expect(await restored.customer.count({ where: { name: marker } })).toBe(1);
        expect(await restored.customer.count({ where: { name: later } })).toBe(0);
        expect(await restored.user.count({ where: { email: "admin@demo.test" } })).toBe(1);
      } finally {
        await restored.$disconnect();
      }
    } finally {
      if (admin) {
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [new URL(restoreUrl).pathname.slice(1)]).catch(() => undefined);
        await admin.query(`DROP DATABASE IF EXISTS ${new URL(restoreUrl).pathname.slice(1)}`).catch(() => undefined);
        await admin.end();
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
