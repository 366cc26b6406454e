// Mail that recovers (issue 13): the provider is down while 300 installers are registered; every
// change commits and every message waits. When the provider is back, one delivery round sends all
// 300, each exactly once, though backoff held them for minutes; a message in another deliverer's
// hands is never released; a failed probe costs no attempt; an expired code is never delivered.
// The provider killed in the middle of a drain loses nothing and sends nothing twice; the app
// killed in the middle of a drain loses nothing and sends at most the message in flight twice,
// with the same Message-ID, once its lease has ended.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { registerInstaller } from "@/lib/installers/mutations";
import { deliverDue, messageIdFor, NOT_CONFIGURED } from "@/lib/email/outbox";
import { SMTP_SERVER_FAILURES } from "@/lib/settings/smtp-host";
import { SMTP_CONNECTIONS } from "@/lib/email/transport";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";
import { actAs } from "../support/session";

async function freePort(): Promise<number> {
  const probe = await startTestSmtp();
  await probe.close();
  return probe.port;
}

function messageIds(messages: string[]): string[] {
  return messages.map((m) => /^Message-ID:\s*(\S+)/im.exec(m)?.[1] ?? "").filter(Boolean);
}

afterEach(() => {
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
});

describe("the outbox after a provider outage", () => {
  it("300 registrations while SMTP is down: all committed and queued; once it is back, one round delivers all 300 exactly once", async () => {
    await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "SENT" } });
    const port = await freePort();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(port);
    await actAs("admin@demo.test");
    const admin = await getActor();
    const tag = randomUUID().slice(0, 6);
    for (let i = 0; i < 300; i++) await registerInstaller(admin, { name: `Outage Installer ${i}`, email: `outage.${tag}.${i}@installers.test`, phone: "+1 555 0100" });
    expect(await db.installer.count({ where: { email: { startsWith: `outage.${tag}.` } } })).toBe(300);
    const ours = { to: { startsWith: `outage.${tag}.` } };
    expect(await db.outboxMessage.count({ where: { ...ours, status: "QUEUED" } })).toBe(300);
    // The provider is down: rounds fail them and back off (1 minute, then 2, ...).
    await deliverDue(100);
    const held = await db.outboxMessage.findMany({ where: { ...ours, attempts: { gt: 0 } }, select: { nextAttemptAt: true } });
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((m) => m.nextAttemptAt.getTime() > Date.now())).toBe(true);

    const smtp = await startTestSmtp({ port });
    try {
      // Back-to-back rounds (the worker starts the next at its next tick; a round stops after 20 s).
      const started = Date.now();
      let sent = 0;
      for (let round = 0; round < 10 && sent < 300; round++) sent += (await deliverDue(100)).sent;
      console.log(`[outbox-recovery] 300 messages delivered in ${Date.now() - started} ms after the provider came back`);
      expect(sent).toBe(300);
      expect(await db.outboxMessage.count({ where: { ...ours, status: "SENT" } })).toBe(300);
      const ids = messageIds(smtp.messages);
      expect(ids).toHaveLength(300);
      expect(new Set(ids).size).toBe(300);
      // Nothing is sent twice by later rounds.
      await deliverDue(100);
      expect(smtp.messages).toHaveLength(300);
    } finally {
      await smtp.close();
      // Other tests count the demo's installers: these go again.
      const users = await db.user.findMany({ where: { email: { startsWith: `outage.${tag}.` } }, select: { id: true } });
      await db.installer.deleteMany({ where: { userId: { in: users.map((u) => u.id) } } });
      await db.user.deleteMany({ where: { id: { in: users.map((u) => u.id) } } });
      await db.organization.update({ where: { id: admin!.organizationId }, data: { installerCount: await db.installer.count({ where: { organizationId: admin!.organizationId } }) } });
    }
  }, 180_000);

  it("a probe finds the provider back although every message waits in backoff; a failed probe costs no attempt; a leased or expired message is left alone", async () => {
    await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "SENT" } });
    const port = await freePort();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(port);
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    const base = { subject: "Held", template: "test", html: "<p>x</p>", text: "x", status: "QUEUED" as const, transport: "smtp", lastError: "could not connect" };
    const heldBack = await Promise.all([1, 2, 3].map((i) => db.outboxMessage.create({ data: { ...base, to: `held${i}@example.test`, attempts: 3, nextAttemptAt: later } })));
    const leased = await db.outboxMessage.create({
      data: { ...base, to: "leased@example.test", attempts: 2, nextAttemptAt: new Date(Date.now() + 50_000), leasedUntil: new Date(Date.now() + 50_000) },
    });

    // Still down: the probe fails and the message goes back where it was, attempts unchanged.
    await deliverDue();
    const probed = await db.outboxMessage.findMany({ where: { id: { in: heldBack.map((m) => m.id) } } });
    expect(probed.map((m) => m.attempts)).toEqual([3, 3, 3]);
    expect(probed.every((m) => m.status === "QUEUED" && m.nextAttemptAt.getTime() === later.getTime())).toBe(true);
    // Held back the least, so the first a probe would take, but expired: it must not be the probe
    // (it would be failed, not sent, and the provider's return would go unnoticed for a round).
    const expired = await db.outboxMessage.create({
      data: { ...base, to: "expired@example.test", attempts: 1, nextAttemptAt: new Date(later.getTime() - 60_000), expiresAt: new Date(Date.now() - 1000) },
    });

    const smtp = await startTestSmtp({ port });
    try {
      const report = await deliverDue();
      expect(report.sent).toBe(3);
      expect((await db.outboxMessage.findMany({ where: { id: { in: heldBack.map((m) => m.id) } } })).every((m) => m.status === "SENT")).toBe(true);
      expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: leased.id } })).toMatchObject({ status: "QUEUED", attempts: 2 });
      expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: expired.id } })).status).not.toBe("SENT");
      expect(smtp.messages.some((m) => m.includes("expired@example.test"))).toBe(false);
    } finally {
      await smtp.close();
    }
  });

  it("a message refused for its own recipient keeps its backoff while the others go out, and is never the probe that stands for the provider", async () => {
    await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "SENT" } });
    const smtp = await startTestSmtp({ greylist: ["greylisted@example.test"] });
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(smtp.port);
    const base = { subject: "Refused", template: "test", html: "<p>x</p>", text: "x" };
    try {
      // The refused message is the oldest due, then 45 others: five batches of 10 in one round.
      const refused = await db.outboxMessage.create({ data: { ...base, to: "greylisted@example.test", nextAttemptAt: new Date(Date.now() - 60_000) } });
      for (let i = 0; i < 45; i++) await db.outboxMessage.create({ data: { ...base, to: `fine${i}@example.test` } });
      const report = await deliverDue(10);
      expect(report.sent).toBe(45);
      // Each success says the provider is up, but this one was refused for its recipient: it waits
      // its minute (a greylisting server wants the retry later), not a retry after every batch.
      const after = await db.outboxMessage.findUniqueOrThrow({ where: { id: refused.id } });
      expect(after).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "the mail server refused the message" });
      expect(after.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
      expect(smtp.messages).toHaveLength(45);

      // The provider was down meanwhile for three others; the refused one is held back the least.
      const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
      await db.outboxMessage.update({ where: { id: refused.id }, data: { nextAttemptAt: new Date(Date.now() + 60_000) } });
      const outage = await Promise.all(
        [1, 2, 3].map((i) => db.outboxMessage.create({ data: { ...base, to: `outage${i}@example.test`, transport: "smtp", attempts: 3, lastError: "could not connect", nextAttemptAt: later } })),
      );
      // The probe must be one of those: the refused one would fail again and hide that the provider is back.
      expect((await deliverDue(10)).sent).toBe(3);
      expect((await db.outboxMessage.findMany({ where: { id: { in: outage.map((m) => m.id) } } })).every((m) => m.status === "SENT")).toBe(true);
      expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ status: "QUEUED", attempts: 1 });
    } finally {
      await smtp.close();
    }
  });

  async function queueTagged(count: number): Promise<{ tag: string; ids: string[] }> {
    await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "SENT" } });
    const tag = randomUUID().slice(0, 6);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const row = await db.outboxMessage.create({ data: { to: `drain.${tag}.${i}@example.test`, subject: `Drain ${tag}`, template: "test", html: "<p>x</p>", text: "x" } });
      ids.push(row.id);
    }
    return { tag, ids };
  }

  it("the provider killed in the middle of a drain: nothing is lost and nothing is sent twice once it is back", async () => {
    const { tag, ids } = await queueTagged(40);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const port = await freePort();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(port);
    let first: TestSmtp | null = null;
    let seen = 0;
    first = await startTestSmtp({
      port,
      // The 15th message is in the middle of its data when the provider dies: never accepted.
      beforeAccept: () => {
        if (++seen < 15) return;
        void first!.kill();
        return new Promise<void>(() => undefined);
      },
    });
    const during = await deliverDue(100);
    expect(during.sent).toBe(14);
    expect(await db.outboxMessage.count({ where: { subject: `Drain ${tag}`, status: "SENT" } })).toBe(14);
    expect(await db.outboxMessage.count({ where: { subject: `Drain ${tag}`, status: "QUEUED" } })).toBe(26);
    // The ones tried failed for the provider (the ones cut mid-send too), so each is released once a
    // send succeeds; once it had failed, the round tried no more of them: those are due, untouched.
    const left = await db.outboxMessage.findMany({ where: { subject: `Drain ${tag}`, status: "QUEUED" }, select: { lastError: true, attempts: true, nextAttemptAt: true } });
    const tried = left.filter((m) => m.attempts > 0);
    expect(tried.length).toBeGreaterThanOrEqual(1);
    expect(tried.length).toBeLessThanOrEqual(SMTP_CONNECTIONS);
    expect(tried.every((m) => m.attempts === 1 && SMTP_SERVER_FAILURES.includes(m.lastError ?? ""))).toBe(true);
    expect(left.filter((m) => m.attempts === 0).every((m) => m.lastError === null && m.nextAttemptAt.getTime() <= Date.now())).toBe(true);

    const second = await startTestSmtp({ port });
    try {
      for (let round = 0; round < 5 && (await db.outboxMessage.count({ where: { subject: `Drain ${tag}`, status: "QUEUED" } })) > 0; round++) await deliverDue(100);
      expect(await db.outboxMessage.count({ where: { subject: `Drain ${tag}`, status: "SENT" } })).toBe(40);
      const delivered = messageIds([...first.messages, ...second.messages]);
      expect(delivered).toHaveLength(40);
      expect(new Set(delivered)).toEqual(new Set(ids.map(messageIdFor)));
    } finally {
      errors.mockRestore();
      await second.close();
    }
  }, 120_000);

  it("once an organization's own SMTP server fails as a whole, the round tries no more of its messages and goes on with the others", async () => {
    await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "SENT" } });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // Each organization's saved settings (loopback allowed here), no transport from the environment.
    process.env.SMTP_ALLOW_PRIVATE = "1";
    const working = await startTestSmtp();
    const [northwind, other] = await Promise.all([
      db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } }),
      db.organization.findFirstOrThrow({ where: { NOT: { name: "Northwind Security" } } }),
    ]);
    const settings = { username: "", passwordEncrypted: "", fromAddress: "portal@example.test", secure: false, host: "127.0.0.1" };
    await db.emailSettings.deleteMany({});
    await db.emailSettings.create({ data: { ...settings, organizationId: northwind.id, port: await freePort() } });
    await db.emailSettings.create({ data: { ...settings, organizationId: other.id, port: working.port } });
    try {
      const tag = randomUUID().slice(0, 6);
      const queue = (organizationId: string | null, i: number) =>
        db.outboxMessage.create({ data: { organizationId, to: `isolated.${tag}.${i}@example.test`, subject: `Isolated ${tag}`, template: "test", html: "<p>x</p>", text: "x" } });
      // The failing organization's messages come first, so the others are read behind them.
      const down: string[] = [];
      for (let i = 0; i < 8; i++) down.push((await queue(northwind.id, i)).id);
      const up: string[] = [];
      for (let i = 8; i < 12; i++) up.push((await queue(other.id, i)).id);
      const noOrganization = (await queue(null, 12)).id;

      const report = await deliverDue(20);

      expect(report.sent).toBe(4);
      expect(await db.outboxMessage.count({ where: { id: { in: up }, status: "SENT" } })).toBe(4);
      expect(working.messages).toHaveLength(4);
      const downRows = await db.outboxMessage.findMany({ where: { id: { in: down } } });
      const tried = downRows.filter((m) => m.attempts > 0);
      expect(tried.length).toBeGreaterThanOrEqual(1);
      expect(tried.length).toBeLessThanOrEqual(SMTP_CONNECTIONS);
      expect(tried.every((m) => m.lastError === "could not connect")).toBe(true);
      const untouched = downRows.filter((m) => m.attempts === 0);
      expect(untouched.length).toBe(8 - tried.length);
      expect(untouched.every((m) => m.status === "QUEUED" && m.lastError === null && m.leasedUntil === null && m.nextAttemptAt.getTime() <= Date.now())).toBe(true);
      // A message of no organization is no message of the failing one: it was read and waits for a transport.
      expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: noOrganization } })).lastError).toBe(NOT_CONFIGURED);
    } finally {
      errors.mockRestore();
      delete process.env.SMTP_ALLOW_PRIVATE;
      await db.emailSettings.deleteMany({});
      await working.close();
    }
  });

  it("the app killed in the middle of a drain: nothing is lost; only the messages in flight (at most 3) may go again, with the same Message-ID, after their lease", async () => {
    const { tag, ids } = await queueTagged(40);
    let deliverer: ReturnType<typeof spawn> | null = null;
    let seen = 0;
    // The worst moment: the provider has the 15th message whole, the app dies before it hears "250".
    const smtp = await startTestSmtp({
      beforeAccept: async () => {
        if (++seen !== 15) return;
        deliverer!.kill("SIGKILL");
        await new Promise((r) => deliverer!.once("exit", r));
      },
    });
    try {
      // node itself (not npx, whose child would outlive the kill) runs `npm run mail:deliver`.
      deliverer = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/deliver-mail.ts"], {
        env: { ...process.env, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_SECURE: "false" },
        stdio: "ignore",
      });
      const exit = await new Promise<string | null>((r) => deliverer!.once("exit", (_code, signal) => r(signal)));
      expect(exit).toBe("SIGKILL");
      const rows = await db.outboxMessage.findMany({ where: { subject: `Drain ${tag}` }, select: { id: true, status: true, leasedUntil: true } });
      const sent = rows.filter((r) => r.status === "SENT");
      const leased = rows.filter((r) => r.status === "QUEUED" && r.leasedUntil && r.leasedUntil.getTime() > Date.now());
      // In flight when it died: the 15th message and at most one of each other sender's.
      expect(leased.length).toBeGreaterThanOrEqual(1);
      expect(leased.length).toBeLessThanOrEqual(SMTP_CONNECTIONS);
      // Every message the provider took is marked sent or still under the dead deliverer's lease
      // (another sender's message may have reached it whole just before the kill).
      const received = new Set(messageIds(smtp.messages));
      expect(received.size).toBeGreaterThanOrEqual(15);
      expect(received.size).toBeLessThanOrEqual(14 + SMTP_CONNECTIONS);
      const sentOrLeased = new Set([...sent, ...leased].map((r) => messageIdFor(r.id)));
      for (const id of received) expect(sentOrLeased.has(id)).toBe(true);
      expect(sent.length).toBeLessThanOrEqual(14);

      // Another deliverer takes everything but the messages still under the dead one's lease.
      process.env.SMTP_HOST = "127.0.0.1";
      process.env.SMTP_PORT = String(smtp.port);
      await deliverDue(100);
      expect(await db.outboxMessage.count({ where: { subject: `Drain ${tag}`, status: "SENT" } })).toBe(40 - leased.length);
      expect(await db.outboxMessage.count({ where: { id: { in: leased.map((r) => r.id) }, status: "QUEUED" } })).toBe(leased.length);

      // The lease (60 s) ends: they go again, each as the same message to the provider.
      const leasedAndReceived = leased.map((r) => messageIdFor(r.id)).filter((id) => messageIds(smtp.messages).includes(id));
      await db.outboxMessage.updateMany({ where: { id: { in: leased.map((r) => r.id) } }, data: { leasedUntil: new Date(Date.now() - 1), nextAttemptAt: new Date(Date.now() - 1) } });
      await deliverDue(100);
      expect(await db.outboxMessage.count({ where: { subject: `Drain ${tag}`, status: "SENT" } })).toBe(40);
      const delivered = messageIds(smtp.messages);
      expect(new Set(delivered)).toEqual(new Set(ids.map(messageIdFor)));
      // Twice: only a message the provider had whole when the app died, and it was still in flight.
      const twice = [...new Set(delivered.filter((id, i) => delivered.indexOf(id) !== i))].sort();
      expect(twice).toEqual(leasedAndReceived.sort());
      expect(twice.length).toBeGreaterThanOrEqual(1);
      expect(delivered).toHaveLength(40 + twice.length);
    } finally {
      deliverer?.kill("SIGKILL");
      await smtp.close();
    }
  }, 120_000);
});
