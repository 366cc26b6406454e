// One SQLite connection serves Prisma: a statement outside a transaction must never run inside
// another request's open transaction (on PostgreSQL each has its own connection anyway). Pages
// read through lib/db-read.ts, on a connection of its own, with the values Prisma would give.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/config";
import { connectionLost, POSTGRES_READER_NAME, readPrepared, readRaw, sqliteText } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/sqlite/client";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("statements and transactions on one connection", () => {
  it("a plain read waits for an open transaction and never sees its uncommitted rows; a plain write is not undone by its rollback", async () => {
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    const transaction = db
      .$transaction(async (tx) => {
        await tx.panelGroup.create({ data: { organizationId: org.id, name: "Uncommitted group" } });
        await held;
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    await pause(100); // the transaction has inserted its row and is still open
    // Prisma's queries start when awaited: .then() starts them now, while the transaction is open.
    const read = db.panelGroup.count({ where: { name: "Uncommitted group" } }).then((n) => n);
    const write = db.panelGroup.create({ data: { organizationId: org.id, name: "Written meanwhile" } }).then((g) => g);
    await pause(100);
    finish();
    expect(await transaction).toBe("roll back");
    expect(await read).toBe(0);
    await write;
    expect(await db.panelGroup.count({ where: { name: "Written meanwhile" } })).toBe(1);
    expect(await db.panelGroup.count({ where: { name: "Uncommitted group" } })).toBe(0);
    await db.panelGroup.deleteMany({ where: { name: "Written meanwhile" } });
  });
});

// Pages read through lib/db-read.ts: on SQLite a second, read-only connection; on PostgreSQL the pool.
describe("reads straight through the driver (readRaw)", () => {
  it("answers while a transaction is open, and sees only committed rows", async () => {
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    let inserted!: () => void;
    const insertedRow = new Promise<void>((r) => (inserted = r));
    const transaction = db.$transaction(async (tx) => {
      await tx.panelGroup.create({ data: { organizationId: org.id, name: "Read meanwhile" } });
      inserted();
      await held;
    });
    await insertedRow;
    // Not waiting for the transaction: it is still open while this read runs and returns.
    const during = await readRaw<{ n: number | bigint }>`SELECT COUNT(*) AS "n" FROM "PanelGroup" WHERE "name" = ${"Read meanwhile"}`;
    expect(Number(during[0]!.n)).toBe(0);
    finish();
    await transaction;
    const after = await readRaw<{ n: number | bigint }>`SELECT COUNT(*) AS "n" FROM "PanelGroup" WHERE "name" = ${"Read meanwhile"}`;
    expect(Number(after[0]!.n)).toBe(1);
    await db.panelGroup.deleteMany({ where: { name: "Read meanwhile" } });
  });

  it("gives the values Prisma's raw queries give, parameters included", async () => {
    const since = new Date("2000-01-01T00:00:00.000Z");
    const query = (run: typeof readRaw) => run<Record<string, unknown>>`
      SELECT o."id", o."name", o."requireMfa", o."installerCount", o."createdAt", COUNT(u."id") AS "users", MAX(u."disabledAt") AS "lastDisabled"
      FROM "Organization" o LEFT JOIN "User" u ON u."organizationId" = o."id" AND u."createdAt" > ${since} AND u."kind" IN (${Prisma.join(["EMPLOYEE", "INSTALLER"])})
      WHERE o."name" = ${"Northwind Security"} AND o."requireMfa" = ${false}
      GROUP BY o."id", o."name", o."requireMfa", o."installerCount", o."createdAt"`;
    const rows = (run: typeof readRaw) => run<Record<string, unknown>>`
      SELECT "id", "name", "email", "panelCount", "status", "createdAt", "lastLoginAt", MAX("name") OVER () AS "lastName", CAST(1.5 AS REAL) AS "half"
      FROM "Installer" ORDER BY "createdAt" DESC, "id" DESC LIMIT ${6}`;
    const prisma = ((strings: TemplateStringsArray, ...values: unknown[]) => db.$queryRaw(strings, ...values)) as typeof readRaw;
    const direct = await query(readRaw);
    expect(direct).toHaveLength(1);
    expect(Number(direct[0]!.users)).toBeGreaterThan(0);
    expect(direct).toEqual(await query(prisma));
    // The newest signed in, the next never did: both forms of a nullable DATETIME.
    const [newest, second] = await db.installer.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 2 });
    await db.installer.update({ where: { id: newest!.id }, data: { lastLoginAt: new Date("2026-11-30T08:15:00.123Z") } });
    await db.installer.update({ where: { id: second!.id }, data: { lastLoginAt: null } });
    try {
      const directRows = await rows(readRaw);
      expect(directRows).toHaveLength(6);
      expect(directRows[0]!.lastLoginAt).toEqual(new Date("2026-11-30T08:15:00.123Z"));
      expect(directRows[1]!.lastLoginAt).toBeNull();
      expect(directRows).toEqual(await rows(prisma));
    } finally {
      await db.installer.update({ where: { id: newest!.id }, data: { lastLoginAt: newest!.lastLoginAt } });
      await db.installer.update({ where: { id: second!.id }, data: { lastLoginAt: second!.lastLoginAt } });
    }
  });

  // SQLite: text arguments are bound behind CAST(? AS TEXT), and integers given to LIMIT and OFFSET
  // behind CAST(? AS INTEGER) (lib/db-read.ts sqliteText), so an analyzed database does not compile
  // the statement again on every run. The comparisons and the pages must not change.
  it.runIf(databaseProvider() === "sqlite")("compares text arguments as before with INTEGER, DATETIME and text columns", async () => {
    expect(sqliteText(["A = ", " AND B = ", " LIMIT ", " OFFSET ", ""], ["x", null, 15, 0n])).toBe("A = CAST(? AS TEXT) AND B = ? LIMIT CAST(? AS INTEGER) OFFSET CAST(? AS INTEGER)");
    // Only there: a number compared with a column keeps its own type, and LIMIT is not read into a word ("UNLIMITED = ?").
    expect(sqliteText(["A > ", " AND UNLIMITED = ", " LIMIT (", ")"], [15, 2, 1.5])).toBe("A > ? AND UNLIMITED = ? LIMIT (?)");
    const prisma = ((strings: TemplateStringsArray, ...values: unknown[]) => db.$queryRaw(strings, ...values)) as typeof readRaw;
    const cases = (run: typeof readRaw) => [
      // An INTEGER column's affinity turns the text into a number: "2" = 2, "10" > 9 (a text comparison would say "10" < "9").
      run<Record<string, unknown>>`SELECT "id" FROM "Installer" WHERE "panelCount" >= ${"1"} AND "panelCount" < ${"10"} ORDER BY "id"`,
      run<Record<string, unknown>>`SELECT COUNT(*) AS "n" FROM "Installer" WHERE "panelCount" = ${"0"}`,
      // A DATETIME column against an instant written as text, and a text range as the search uses.
      run<Record<string, unknown>>`SELECT "id" FROM "Installer" WHERE "createdAt" < ${new Date()} AND "createdAt" >= ${"2000-01-01T00:00:00.000+00:00"} ORDER BY "id"`,
      run<Record<string, unknown>>`SELECT "token" FROM "InstallerSearchToken" WHERE "token" >= ${"a"} AND "token" < ${"m\uffff"} ORDER BY "token", "installerId" LIMIT ${20}`,
      // A page after the first, its size and offset bound (bigint as well as number).
      run<Record<string, unknown>>`SELECT "id" FROM "Installer" ORDER BY "createdAt" DESC, "id" DESC LIMIT ${5} OFFSET ${3n}`,
    ];
    const [direct, viaPrisma] = [await Promise.all(cases(readRaw)), await Promise.all(cases(prisma))];
    expect(direct[0]!.length).toBeGreaterThan(0);
    expect(Number(direct[1]![0]!.n)).toBeGreaterThan(0);
    expect(direct[2]!.length).toBeGreaterThan(0);
    expect(direct[3]!.length).toBeGreaterThan(0);
    expect(direct[4]!.length).toBe(5);
    expect(direct).toEqual(viaPrisma);
  });

  // readPrepared: on PostgreSQL a prepared statement per connection (named by its text), run again
  // with other values, past the five runs after which PostgreSQL may keep a generic plan.
  it("a prepared lookup gives readRaw's rows for every value, run after run", async () => {
    const organizations = await db.organization.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const ids = [...organizations.map((o) => o.id), "no-such-organization"];
    expect(organizations.length).toBeGreaterThan(1);
    for (let run = 0; run < 8; run++) {
      for (const id of ids) {
        const lookup = await readPrepared<Record<string, unknown>>`SELECT "id", "name", "installerCount", "createdAt" FROM "Organization" WHERE "id" = ${id}`;
        expect(lookup).toEqual(await readRaw<Record<string, unknown>>`SELECT "id", "name", "installerCount", "createdAt" FROM "Organization" WHERE "id" = ${id}`);
        expect(lookup).toHaveLength(id === "no-such-organization" ? 0 : 1);
      }
      // Another statement on the same connections: its own name, its own rows.
      const users = await readPrepared<{ n: number | bigint }>`SELECT COUNT(*) AS "n" FROM "User" WHERE "organizationId" = ${ids[run % ids.length]!}`;
      expect(Number(users[0]!.n)).toBe(await db.user.count({ where: { organizationId: ids[run % ids.length]! } }));
    }
    await expect(readPrepared`UPDATE "Organization" SET "name" = 'Renamed' WHERE "id" = ${ids[0]!}`).rejects.toThrow();
  });

  it("refuses a statement that writes", async () => {
    await expect(readRaw`UPDATE "Organization" SET "name" = 'Renamed' WHERE "name" = ${"Northwind Security"}`).rejects.toThrow();
    expect(await db.organization.count({ where: { name: "Northwind Security" } })).toBe(1);
  });
});

// PostgreSQL ends connections on a restart, a failover or an administrator's word. The readers'
// pool must drop such a connection quietly and a read cut off by it must still answer.
describe.runIf(databaseProvider() === "postgresql")("read connections the database ends", () => {
  const endReadConnections = async () => {
    const [ended] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) AS "n" FROM pg_stat_activity
      WHERE application_name = ${POSTGRES_READER_NAME} AND datname = current_database() AND pid <> pg_backend_pid()`;
    return Number(ended!.n);
  };

  it("an idle one is dropped without an uncaught error, and the next read connects again", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => void uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(await readRaw<{ one: number }>`SELECT 1 AS "one"`).toEqual([{ one: 1 }]);
      expect(await endReadConnections()).toBeGreaterThan(0);
      // The pool hears of it when the server's word arrives on the idle socket.
      await vi.waitFor(() => expect(warn.mock.calls.length + uncaught.length).toBeGreaterThan(0));
      expect(uncaught).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("PostgreSQL ended an idle read connection"));
      expect(await readRaw<{ one: number }>`SELECT 1 AS "one"`).toEqual([{ one: 1 }]);
    } finally {
      process.off("uncaughtException", onUncaught);
      warn.mockRestore();
    }
  });

  it("a read whose connection is ended while it runs is run again and answers", async () => {
    const read = readRaw<{ one: number }>`SELECT 1 AS "one" FROM pg_sleep(0.4)`;
    await vi.waitFor(async () => {
      const [running] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT COUNT(*) AS "n" FROM pg_stat_activity WHERE application_name = ${POSTGRES_READER_NAME} AND state = 'active' AND query LIKE '%pg_sleep%'`;
      expect(Number(running!.n)).toBe(1);
    });
    expect(await endReadConnections()).toBeGreaterThan(0);
    expect(await read).toEqual([{ one: 1 }]);
  });

  it("tells a lost connection from a failed statement", () => {
    expect(connectionLost({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(connectionLost({ code: "08006" })).toBe(true);
    expect(connectionLost(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(connectionLost({ code: "ECONNRESET" })).toBe(true);
    expect(connectionLost({ code: "23505", message: "duplicate key value violates unique constraint" })).toBe(false);
    expect(connectionLost({ code: "25006", message: "cannot execute UPDATE in a read-only transaction" })).toBe(false);
    expect(connectionLost(null)).toBe(false);
  });
});
