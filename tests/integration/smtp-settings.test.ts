// Settings → Email is no port scanner: an organization's SMTP host must be public (unless
// SMTP_ALLOW_PRIVATE=1), and a failed test send says only a generic reason.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { removeSmtpSettingsAction, saveSmtpSettingsAction, sendTestEmailAction } from "@/app/(admin)/settings/email/actions";
import { getActor } from "@/lib/auth/current";
import { loadInstallersPage } from "@/lib/installers/queries";
import { isPrivateAddress } from "@/lib/settings/smtp-host";
import { getEmailSettingsView } from "@/lib/settings/queries";
import { actAs, databaseFingerprint } from "../support/session";
import { startTestSmtp } from "../support/smtp-server";

const settings = (host: string, port = 587) => ({ host, port, secure: false, username: "mailer", password: "smtp-secret", fromAddress: "Northwind <alerts@northwind.test>" });

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await db.emailSettings.deleteMany({});
});

describe("SMTP host", () => {
  it("knows loopback, link-local, private and other internal ranges", () => {
    for (const ip of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "224.0.0.1",
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ["8.8.8.8", "172.32.0.1", "203.0.113.10", "2001:db8::1", "::ffff:8.8.8.8"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it("refuses loopback, link-local and private hosts next to the field and saves nothing", async () => {
    await actAs("admin@demo.test");
    for (const host of ["127.0.0.1", "10.0.0.25", "169.254.169.254", "192.168.0.10", "localhost"]) {
      const before = await databaseFingerprint();
      const result = await saveSmtpSettingsAction(settings(host));
      expect(result, host).toMatchObject({ ok: false, fieldErrors: { host: expect.stringMatching(/public SMTP server/) } });
      expect(await databaseFingerprint()).toBe(before);
    }
  });

  it("accepts a public address, and a private one when SMTP_ALLOW_PRIVATE=1", async () => {
    await actAs("admin@demo.test");
    expect(await saveSmtpSettingsAction(settings("203.0.113.10"))).toMatchObject({ ok: true });
    vi.stubEnv("SMTP_ALLOW_PRIVATE", "1");
    expect(await saveSmtpSettingsAction(settings("127.0.0.1"))).toMatchObject({ ok: true });
  });
});

describe("the saved SMTP password", () => {
  it("is kept only for the server and username it was entered for: pointing the settings elsewhere needs it again", async () => {
    await actAs("admin@demo.test");
    expect(await saveSmtpSettingsAction(settings("smtp.northwind.test"))).toMatchObject({ ok: true });
    const stored = (await db.emailSettings.findFirstOrThrow()).passwordEncrypted;
    expect(stored).not.toBe("");
    // The same server (its name in other letters) on another port keeps it.
    expect(await saveSmtpSettingsAction({ ...settings("SMTP.Northwind.test", 465), password: "" })).toMatchObject({ ok: true });
    expect((await db.emailSettings.findFirstOrThrow()).passwordEncrypted).toBe(stored);
    // Another server, or another username, does not: refused next to the field, nothing changed.
    for (const other of [
      { ...settings("203.0.113.20"), password: "" },
      { ...settings("203.0.113.10"), username: "someone-else", password: "" },
    ]) {
      const before = await databaseFingerprint();
      expect(await saveSmtpSettingsAction(other)).toMatchObject({ ok: false, fieldErrors: { password: expect.stringMatching(/saved one is kept only for the server and username/) } });
      expect(await databaseFingerprint()).toBe(before);
    }
    // With the password entered again it saves; a server without authentication saves with none.
    expect(await saveSmtpSettingsAction(settings("203.0.113.20"))).toMatchObject({ ok: true });
    expect(await saveSmtpSettingsAction({ ...settings("203.0.113.30"), username: "", password: "" })).toMatchObject({ ok: true });
    expect(await db.emailSettings.findFirstOrThrow()).toMatchObject({ host: "203.0.113.30", username: "", passwordEncrypted: "" });
  });
});

describe("the pages' notice that email is not configured", () => {
  it("follows the organization's saved settings, read with the session", async () => {
    vi.stubEnv("SMTP_HOST", "");
    vi.stubEnv("RESEND_API_KEY", "");
    await actAs("admin@demo.test");
    const configured = async () => (await loadInstallersPage(await getActor(), {})).emailConfigured;
    expect(await configured()).toBe(false);
    expect(await saveSmtpSettingsAction(settings("203.0.113.10"))).toMatchObject({ ok: true });
    expect(await configured()).toBe(true);
    expect(await removeSmtpSettingsAction()).toMatchObject({ ok: true });
    expect(await configured()).toBe(false);
    // The environment's transport serves every organization.
    vi.stubEnv("SMTP_HOST", "smtp.example.test");
    expect(await configured()).toBe(true);
  });
});

describe("a failed test email", () => {
  it("says 'authentication failed' and keeps the server's answer for the log", async () => {
    const smtp = await startTestSmtp({ rejectAuth: true });
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      vi.stubEnv("SMTP_ALLOW_PRIVATE", "1");
      await actAs("admin@demo.test");
      expect(await saveSmtpSettingsAction(settings("127.0.0.1", smtp.port))).toMatchObject({ ok: true });
      const result = await sendTestEmailAction();
      expect(result).toMatchObject({ ok: false, error: "The test email could not be delivered: authentication failed. It will be retried." });
      expect(JSON.stringify(log.mock.calls)).toMatch(/535|Authentication credentials invalid|Invalid login/);
    } finally {
      await smtp.close();
    }
  });

  it("says 'could not connect' when the host cannot be reached, whatever the network said", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await actAs("admin@demo.test");
    expect(await saveSmtpSettingsAction(settings("smtp.invalid", 2525))).toMatchObject({ ok: true });
    const result = await sendTestEmailAction();
    expect(result).toMatchObject({ ok: false, error: "The test email could not be delivered: could not connect. It will be retried." });
  });

  it("refuses at connection a saved name that resolves to a private address", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await actAs("admin@demo.test");
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    // As if the name had pointed elsewhere when it was saved.
    await db.emailSettings.create({ data: { organizationId: org.id, host: "localhost", port: 25, username: "", passwordEncrypted: "", fromAddress: "a@northwind.test" } });
    const result = await sendTestEmailAction();
    expect(result).toMatchObject({ ok: false, error: "The test email could not be delivered: could not connect. It will be retried." });
    expect(JSON.stringify(log.mock.calls)).toContain("resolves to a private address");
  });
});

describe("Settings → Email's outbox", () => {
  it("counts the organization's queued and failed messages and those sent in the last 30 days, and lists its problems newest first", async () => {
    const admin = await actAs("admin@demo.test");
    const org = admin!.organizationId;
    const other = await db.organization.findFirstOrThrow({ where: { NOT: { id: org } } });
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const before = await getEmailSettingsView(await getActor(), now);
    const tag = `counts-${Date.now()}`;
    const message = (organizationId: string, status: "QUEUED" | "SENT" | "FAILED", createdAt: Date, lastError: string | null = null) => ({
      organizationId,
      status,
      createdAt,
      lastError,
      to: `${tag}@example.test`,
      subject: tag,
      template: "test",
      html: "<p>x</p>",
      text: "x",
    });
    await db.outboxMessage.createMany({
      data: [
        message(org, "SENT", daysAgo(1)),
        message(org, "SENT", daysAgo(29)),
        message(org, "SENT", daysAgo(31)), // older than the count's window
        message(org, "QUEUED", daysAgo(0.1)),
        // The newest problems of all (other tests leave problems of their own).
        message(org, "QUEUED", new Date(now.getTime() + 120_000), "could not connect"),
        message(org, "FAILED", new Date(now.getTime() + 60_000), "authentication failed"),
        message(other.id, "SENT", daysAgo(1)),
        message(other.id, "FAILED", daysAgo(1), "could not connect"),
      ],
    });

    const view = await getEmailSettingsView(await getActor(), now);

    expect(view.outbox).toEqual({ queued: before.outbox.queued + 2, sentRecently: before.outbox.sentRecently + 2, failed: before.outbox.failed + 1 });
    const ours = view.problems.slice(0, 2).filter((p) => p.subject === tag);
    expect(ours.map((p) => [p.status, p.lastError])).toEqual([
      ["QUEUED", "could not connect"],
      ["FAILED", "authentication failed"],
    ]);
    expect(view.problems.every((p, i) => i === 0 || view.problems[i - 1]!.createdAt >= p.createdAt)).toBe(true);
  });
});
