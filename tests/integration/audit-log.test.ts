// The Audit log at a size where counting or sorting all of it would show: just over the count's
// limit of events in a dealer of its own. Every page, filtered or not, in either order and on
// either of the query's two paths (the filter's index, or the time index when a filter matches
// more than the limit), shows exactly the events a plain sort of what was written gives.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/access/actor";
import { AUDIT_COUNT_LIMIT, listAuditEvents } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/mutations";
import { actAs } from "../support/session";

const tag = randomUUID().replaceAll("-", "").slice(0, 10);
const EVENTS = AUDIT_COUNT_LIMIT + 60;
const start = Date.parse("2026-01-01T00:00:00Z");

type Written = { id: string; createdAt: Date; actorEmail: string; action: string };
const written: Written[] = [];
let auditor: Actor;

function event(i: number): Written {
  // Ten events share one second, so the id decides their order.
  const second = i >= 100 && i < 110 ? 100 : i;
  const actorEmail = i % 200 === 0 ? "bob@dealer.test" : i % 2 ? "alice@dealer.test" : "amy@dealer.test";
  const action = i % 7 === 0 ? "installers.accept" : i % 7 === 1 ? "panels.add" : "auth.sign_in";
  return { id: `${tag}${String(i).padStart(6, "0")}`, createdAt: new Date(start + second * 1000), actorEmail, action };
}

beforeAll(async () => {
  await actAs("admin@demo.test");
  const admin = (await getActor())!;
  const organization = await db.organization.create({ data: { name: `Audited dealer ${tag}` } });
  auditor = { ...admin, organizationId: organization.id };
  for (let i = 0; i < EVENTS; i++) written.push(event(i));
  for (let i = 0; i < written.length; i += 2000) {
    await db.auditEvent.createMany({ data: written.slice(i, i + 2000).map((e) => ({ ...e, organizationId: organization.id, outcome: "SUCCESS" })) });
  }
  // The same people in another dealer: never in this one's log.
  const other = await db.organization.create({ data: { name: `Other audited dealer ${tag}` } });
  await db.auditEvent.createMany({
    data: [0, 1, 2].map((i) => ({ organizationId: other.id, actorEmail: "bob@dealer.test", action: "auth.sign_in", outcome: "SUCCESS", createdAt: new Date(start + i) })),
  });
});

/** What the page should show: the written events that pass, sorted, then the page's slice. */
function expected(pass: (e: Written) => boolean, page: number, size: number, dir: "asc" | "desc" = "desc") {
  const sign = dir === "asc" ? 1 : -1;
  const all = written.filter(pass).sort((x, y) => sign * (x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)));
  return { count: all.length, ids: all.slice((page - 1) * size, page * size).map((e) => e.id) };
}

describe("Audit log of a large organization", () => {
  it("counts up to the limit, says there are more, and pages on past it", async () => {
    const first = await listAuditEvents(auditor, { size: "50" });
    expect([first.total, first.more]).toEqual([AUDIT_COUNT_LIMIT, true]);
    expect(first.rows.map((r) => r.id)).toEqual(expected(() => true, 1, 50).ids);

    // A page past the limit: counted as far as it needs, and still more after it.
    const deep = await listAuditEvents(auditor, { size: "50", page: "201" });
    expect([deep.page, deep.total, deep.more]).toEqual([201, 201 * 50, true]);
    expect(deep.rows.map((r) => r.id)).toEqual(expected(() => true, 201, 50).ids);
    // The last page: the exact total, nothing more.
    const last = await listAuditEvents(auditor, { size: "200", page: "51" });
    expect([last.page, last.total, last.more]).toEqual([51, EVENTS, false]);
    expect(last.rows.map((r) => r.id)).toEqual(expected(() => true, 51, 200).ids);

    const oldest = await listAuditEvents(auditor, { size: "15", dir: "asc" });
    expect(oldest.rows.map((r) => r.id)).toEqual(expected(() => true, 1, 15, "asc").ids);
    expect(oldest.rows.map((r) => r.id).slice(0, 12)).toEqual(written.slice(0, 12).map((e) => e.id));
  });

  it("filters by actor and action through the filter's index, exactly counted", async () => {
    const bob = await listAuditEvents(auditor, { actor: "BOB", size: "50" });
    const bobs = expected((e) => e.actorEmail.startsWith("bob"), 1, 50);
    expect([bob.total, bob.more, bob.rows.map((r) => r.id)]).toEqual([bobs.count, false, bobs.ids]);
    expect(bob.rows.every((r) => r.actorEmail === "bob@dealer.test")).toBe(true);

    const panels = await listAuditEvents(auditor, { action: "panels.", actor: "al", size: "100", page: "3" });
    const panelsByAlice = expected((e) => e.action.startsWith("panels.") && e.actorEmail.startsWith("al"), 3, 100);
    expect([panels.total, panels.more, panels.rows.map((r) => r.id)]).toEqual([panelsByAlice.count, false, panelsByAlice.ids]);

    const nobody = await listAuditEvents(auditor, { actor: "nobody@" });
    expect([nobody.total, nobody.more, nobody.rows]).toEqual([0, false, []]);
  });

  it("reads a filter that matches more than the limit along the time index, newest or oldest first", async () => {
    const isA = (e: Written) => e.actorEmail.startsWith("a");
    expect(expected(isA, 1, 1).count).toBeGreaterThan(AUDIT_COUNT_LIMIT);
    for (const [page, dir] of [
      [1, "desc"],
      [7, "desc"],
      [2, "asc"],
    ] as const) {
      const shown = await listAuditEvents(auditor, { actor: "a", size: "50", page: String(page), dir });
      expect([shown.total, shown.more]).toEqual([AUDIT_COUNT_LIMIT, true]);
      expect(shown.rows.map((r) => r.id)).toEqual(expected(isA, page, 50, dir).ids);
      expect(shown.rows[0]!.createdAt).toBeInstanceOf(Date);
    }
    // With a day: the time range and the actor together.
    const day = await listAuditEvents(auditor, { actor: "a", from: "2026-01-01", to: "2026-01-01", size: "200", page: "4" });
    expect(day.rows.map((r) => r.id)).toEqual(expected((e) => isA(e) && e.createdAt.getTime() < start + 86_400_000, 4, 200).ids);
    expect([day.total, day.more]).toEqual([AUDIT_COUNT_LIMIT, true]);
    const dayBefore = await listAuditEvents(auditor, { actor: "a", from: "2025-12-31", to: "2025-12-31" });
    expect([dayBefore.total, dayBefore.rows]).toEqual([0, []]);
  });

  it("records the actor's address in lower case, as the filter compares it", async () => {
    await recordAudit({ organizationId: auditor.organizationId, actorEmail: `Mixed.Case.${tag}@Dealer.Test`, action: "auth.sign_in", outcome: "FAILURE" });
    const found = await listAuditEvents(auditor, { actor: `mixed.case.${tag}` });
    expect(found.rows.map((r) => r.actorEmail)).toEqual([`mixed.case.${tag}@dealer.test`]);
  });
});
