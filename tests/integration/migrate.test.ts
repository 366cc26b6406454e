// The migration runner refuses a database whose applied migrations were edited or removed since.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { checkAppliedMigrations, migrate } from "../../scripts/migrate";

const m = (name: string, checksum: string) => ({ name, sql: "", checksum });

describe("migration checksums", () => {
  it("accepts recorded migrations that match, and says which are applied", () => {
    expect(checkAppliedMigrations([{ migration_name: "a", checksum: "1" }], [m("a", "1"), m("b", "2")])).toEqual(new Set(["a"]));
  });

  it("refuses an edited or a removed migration", () => {
    expect(() => checkAppliedMigrations([{ migration_name: "a", checksum: "1" }], [m("a", "9")])).toThrow(/edited after it was applied/);
    expect(() => checkAppliedMigrations([{ migration_name: "gone", checksum: "1" }], [m("a", "1")])).toThrow(/no longer in prisma\/migrations/);
  });

  it("stops a real run on SQLite before applying anything", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "migrate-")), "db.sqlite");
    await migrate(`file:${file}`);
    const sqlite = new Database(file);
    sqlite.prepare(`UPDATE _prisma_migrations SET checksum = 'tampered'`).run();
    sqlite.close();
    await expect(migrate(`file:${file}`)).rejects.toThrow(/edited after it was applied/);
  });
});
