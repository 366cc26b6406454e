// One SQLite connection serves every request: a statement outside a transaction must never run
// inside another request's open transaction (on PostgreSQL each has its own connection anyway).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

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
