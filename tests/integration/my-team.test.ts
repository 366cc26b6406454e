// My Team's management and the customers' invitations (issue 11, seed 001), on a team of its own
// so that the demo customers other tests read stay as they are.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db, type Tx } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { getMyTeam, getTeamMemberCredentials } from "@/lib/customer-app/queries";
import { addTeamMember, deleteTeamMember, deleteTeamUserCode, editTeamMember, generateTeamUserCode, inviteTeamMember, setTeamPrivileges } from "@/lib/customer-app/team";
import {
  canSetPasswordFromLink,
  completeActivation,
  getActivation,
  requestCustomerPasswordReset,
  sendActivationCode,
  sendMyselfMobileInvitation,
  setPasswordFromLink,
} from "@/lib/customer-app/invitations";
import { readCustomerLink } from "@/lib/auth/customer-links";
import { removeContactFromSite, saveLogin } from "@/lib/logins/mutations";
import { startUserSession } from "@/lib/auth/user-sessions";
import { verifyPassword } from "@/lib/auth/passwords";
import { deliverDue } from "@/lib/email/outbox";
import { addTeamMemberAction, deleteTeamMemberAction, editTeamMemberAction, inviteTeamMemberAction, teamPrivilegesAction } from "@/app/app/team/actions";
import { deleteUserCodeAction, generateUserCodeAction } from "@/app/app/team/[id]/actions";
import { setInstallerModeAction } from "@/app/app/sites/[id]/actions";
import { setInstallerMode } from "@/lib/customer-app/mutations";
import { actAs, databaseFingerprint, session } from "../support/session";
import { whileCustomerHeld } from "../support/hold-row";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;

/** A customer with sites North (standalone) and South (in a credential group): Max manages both, Nina manages South only. */
async function makeTeam() {
  const tag = randomUUID().slice(0, 8);
  const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
  const customer = await db.customer.create({ data: { organizationId: org.id, name: `Team Co ${tag}`, accountNumber: `T-${tag}` } });
  const portal = await db.usergroup.findFirstOrThrow({ where: { organizationId: org.id, builtIn: "CUSTOMER_PORTAL" } });
  // Every test adds a team of portal logins; the licence limit has its own test (portal-access.test.ts).
  await db.organization.update({ where: { id: org.id }, data: { portalLicences: 100_000 } });
  const group = await db.credentialGroup.create({ data: { organizationId: org.id, name: `Team group ${tag}` } });
  const site = (name: string, credentialGroupId: string | null) =>
    db.site.create({ data: { organizationId: org.id, customerId: customer.id, name: `${name} ${tag}`, address: "1 Test Rd", country: "US", timeZone: "UTC", status: "ACTIVE", credentialGroupId } });
  const north = await site("North", null);
  const south = await site("South", group.id);
  const person = async (key: string, roles: [string, "SITE_MANAGER" | "SITE_ADMIN" | "SITE_MEMBER"][]) => {
    const email = `${key}.${tag}@team.test`;
    const user = await db.user.create({ data: { organizationId: org.id, email, kind: "CUSTOMER", usergroupId: portal.id } });
    const contact = await db.contact.create({
      data: { organizationId: org.id, customerId: customer.id, name: `${key[0]!.toUpperCase()}${key.slice(1)} Test`, email, phone: "+14155550150", userId: user.id },
    });
    for (const [siteId, role] of roles) await db.siteContact.create({ data: { siteId, contactId: contact.id, role } });
    return { email, contact, user };
  };
  const max = await person("max", [
    [north.id, "SITE_MANAGER"],
    [south.id, "SITE_MANAGER"],
  ]);
  const nina = await person("nina", [[south.id, "SITE_MANAGER"]]);
  const adam = await person("adam", [
    [north.id, "SITE_ADMIN"],
    [south.id, "SITE_ADMIN"],
  ]);
  const mia = await person("mia", [
    [north.id, "SITE_MEMBER"],
    [south.id, "SITE_MEMBER"],
  ]);
  await db.site.update({ where: { id: north.id }, data: { keyAccountHolderId: max.contact.id } });
  await db.credential.create({ data: { organizationId: org.id, contactId: mia.contact.id, type: "CARD", siteId: north.id } });
  await db.credential.create({ data: { organizationId: org.id, contactId: mia.contact.id, type: "KEY_TAG", credentialGroupId: group.id } });
  return { tag, org, customer, group, north, south, max, nina, adam, mia };
}

beforeEach(async () => {
  team = await makeTeam();
});

async function newMember(overrides: Partial<Parameters<typeof addTeamMember>[1]> = {}) {
  await actAs(team.max.email);
  const email = `new.${randomUUID().slice(0, 6)}@team.test`;
  const result = await addTeamMember(await getActor(), {
    firstName: "Nora",
    lastName: "New",
    email,
    phone: "(415) 555-0162",
    mobileAppUser: true,
    sites: [
      { siteId: team.north.id, role: "SITE_MEMBER" },
      { siteId: team.south.id, role: "SITE_ADMIN" },
    ],
    ...overrides,
  });
  return { email, id: result.data!.id };
}

function activationTokenFrom(text: string): string {
  const match = text.match(/\/app\/activate\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no activation link in: ${text}`);
  return match[1]!;
}

async function lastMessage(to: string, template: string) {
  return db.outboxMessage.findFirstOrThrow({ where: { to, template }, orderBy: { createdAt: "desc" } });
}

describe("+ ADD USER and the mobile invitation", () => {
  it("creates the contact with E.164 phone and roles, and sends a mobile invitation with SMS verification in the same transaction", async () => {
    const { email, id } = await newMember();
    const contact = await db.contact.findUniqueOrThrow({ where: { id }, include: { sites: true, invitations: true, user: true } });
    expect(contact).toMatchObject({ name: "Nora New", phone: "+14155550162", customerId: team.customer.id });
    expect(contact.user).toMatchObject({ kind: "CUSTOMER", email, passwordHash: null });
    expect(contact.sites.map((s) => s.role).sort()).toEqual(["SITE_ADMIN", "SITE_MEMBER"]);
    expect(contact.invitations).toEqual([expect.objectContaining({ kind: "MOBILE", requireSms: true, acceptedAt: null })]);
    expect(contact.invitations[0]!.expiresAt.getTime() - contact.invitations[0]!.sentAt.getTime()).toBe(72 * 3600 * 1000);
    const mail = await lastMessage(email, "customer-mobile-invitation");
    expect(mail.text).toContain("/app/activate/");
    const card = (await getMyTeam(await getActor())).people.find((p) => p.id === id)!;
    expect(card.state.label).toBe("Invited (mobile)");
    expect(card.webInvitationAllowed).toBe(true);
  });

  it("one person per email on a team: adding them again is refused, also when two managers add them at once", async () => {
    await actAs(team.max.email);
    const max = await getActor();
    await actAs(team.nina.email);
    const nina = await getActor();
    // Not app users: no login, so nothing but this rule keeps a second contact with the email out.
    const person = (email: string) => ({ firstName: "Dora", lastName: "Double", email, phone: "", mobileAppUser: false, sites: [{ siteId: team.south.id, role: "SITE_MEMBER" as const }] });
    const once = `once.${team.tag}@team.test`;
    await addTeamMember(max, person(once));
    await expect(addTeamMember(nina, person(once))).rejects.toThrow("This person is already on your team.");
    // PostgreSQL runs the two at once; each checked before the other wrote.
    for (let round = 0; round < 5; round++) {
      const email = `twice.${round}.${team.tag}@team.test`;
      const results = await Promise.allSettled([addTeamMember(max, person(email)), addTeamMember(nina, person(email))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.contact.count({ where: { customerId: team.customer.id, email } })).toBe(1);
    }
    // Edit to an email of the team, at once from both managers: one of the two keeps it.
    const { data: first } = await addTeamMember(max, person(""));
    const { data: second } = await addTeamMember(max, person(""));
    const shared = `shared.${team.tag}@team.test`;
    const edit = (who: typeof max, contactId: string) => editTeamMember(who, { contactId, firstName: "Dora", lastName: "Double", email: shared, phone: "" });
    const edits = await Promise.allSettled([edit(max, first!.id), edit(nina, second!.id)]);
    expect(edits.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.contact.count({ where: { customerId: team.customer.id, email: shared } })).toBe(1);
  });

  it("an email taken by another account at the same moment is refused next to the field, neutrally; a site given twice is refused", async () => {
    await actAs("admin@demo.test");
    const admin = await getActor();
    // The managers of two customers add one new app user at once; so do two logins made in the console.
    const other = await makeTeam();
    await actAs(other.max.email);
    const otherMax = await getActor();
    await actAs(team.max.email);
    const max = await getActor();
    const staff = await db.usergroup.findFirstOrThrow({ where: { organizationId: team.org.id, builtIn: "STAFF" } });
    const appUser = (email: string, siteId: string) => ({ firstName: "Rae", lastName: "Raced", email, phone: "+14155550163", mobileAppUser: true, sites: [{ siteId, role: "SITE_MEMBER" as const }] });
    for (let round = 0; round < 3; round++) {
      for (const [kind, race] of [
        ["team", (email: string) => [addTeamMember(max, appUser(email, team.north.id)), addTeamMember(otherMax, appUser(email, other.north.id))]],
        ["login", (email: string) => [0, 1].map(() => saveLogin(admin, { name: "Rae Raced", email, usergroupId: staff.id }))],
      ] as const) {
        const email = `raced.${kind}.${round}.${team.tag}@team.test`;
        const results = await Promise.allSettled<unknown>(race(email));
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        // Not "Something went wrong": the unique index's failure is told as the email's.
        expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ fieldErrors: { email: expect.any(String) } });
        expect(await db.user.count({ where: { email } })).toBe(1);
      }
    }
    const twice = [
      { siteId: team.north.id, role: "SITE_MEMBER" },
      { siteId: team.north.id, role: "SITE_ADMIN" },
    ] as const;
    expect(await addTeamMemberAction({ firstName: "Tw", lastName: "Ice", email: "", phone: "", mobileAppUser: false, sites: [...twice] })).toMatchObject({
      ok: false,
      fieldErrors: { sites: "Give each site one role." },
    });
    expect(await teamPrivilegesAction({ contactId: team.mia.contact.id, sites: twice.map((s) => ({ ...s, enabled: true })) })).toMatchObject({ ok: false });
    expect((await db.siteContact.findFirstOrThrow({ where: { siteId: team.north.id, contactId: team.mia.contact.id } })).role).toBe("SITE_MEMBER");
  });

  it("gives field errors: invalid phone, Site Manager not a mobile app user, app user without email", async () => {
    await actAs(team.max.email);
    const act = addTeamMemberAction;
    const bad = await act({ firstName: "A", lastName: "B", email: "ab@team.test", phone: "12", mobileAppUser: true, sites: [{ siteId: team.north.id, role: "SITE_MEMBER" }] });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { phone: expect.stringMatching(/valid mobile phone/) } });
    const notApp = await act({ firstName: "A", lastName: "B", email: "", phone: "", mobileAppUser: false, sites: [{ siteId: team.north.id, role: "SITE_MANAGER" }] });
    expect(notApp).toMatchObject({ ok: false, fieldErrors: { mobileAppUser: "A Site Manager must be a mobile app user." } });
    const noEmail = await act({ firstName: "A", lastName: "B", email: "", phone: "+14155550170", mobileAppUser: true, sites: [{ siteId: team.north.id, role: "SITE_MEMBER" }] });
    expect(noEmail).toMatchObject({ ok: false, fieldErrors: { email: expect.any(String) } });
    const taken = await act({ firstName: "A", lastName: "B", email: "admin@demo.test", phone: "+14155550170", mobileAppUser: true, sites: [{ siteId: team.north.id, role: "SITE_MEMBER" }] });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { email: expect.stringMatching(/cannot be used/) } });
  });

  it("activation: code texted (resend after 60 s, 3 per 15 min), wrong code refused, right code issues the Mobile credential per site or credential group", async () => {
    const { email, id } = await newMember();
    const token = activationTokenFrom((await lastMessage(email, "customer-mobile-invitation")).text);
    expect(await getActivation(token)).toMatchObject({ state: "open", requireSms: true, codeSentAt: null });
    const t0 = new Date();
    await sendActivationCode(token, null, t0);
    const sms = await lastMessage("+14155550162", "customer-activation-code");
    expect(sms.channel).toBe("SMS");
    const code = sms.text.match(/\b(\d{6})\b/)![1]!;
    await expect(sendActivationCode(token, null, new Date(t0.getTime() + 30_000))).rejects.toThrow(/new one in 30 seconds/);
    await expect(completeActivation({ token, code: code === "000000" ? "111111" : "000000" }, null)).rejects.toThrow(/invalid or has expired/);
    await completeActivation({ token, code }, null);
    expect(await getActivation(token)).toMatchObject({ state: "accepted" });
    const mobile = await db.credential.findMany({ where: { contactId: id, type: "MOBILE", status: "ACTIVE" } });
    expect(mobile.map((c) => c.siteId ?? c.credentialGroupId).sort()).toEqual([team.north.id, team.group.id].sort());
    await expect(completeActivation({ token, code }, null)).rejects.toThrow(/no longer valid/);
    await actAs(team.max.email);
    expect((await getMyTeam(await getActor())).people.find((p) => p.id === id)!.state.label).toBe("Active");
  });

  it("at most 3 codes per invitation in 15 minutes", async () => {
    const { email } = await newMember();
    const token = activationTokenFrom((await lastMessage(email, "customer-mobile-invitation")).text);
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) await sendActivationCode(token, null, new Date(t0 + i * 61_000));
    await expect(sendActivationCode(token, null, new Date(t0 + 4 * 61_000))).rejects.toThrow(/3 times in the last 15 minutes/);
  });

  it("an expired invitation shows Expired; a new one replaces the old link", async () => {
    const { email, id } = await newMember();
    const oldToken = activationTokenFrom((await lastMessage(email, "customer-mobile-invitation")).text);
    await db.invitation.updateMany({ where: { contactId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await getMyTeam(await getActor())).people.find((p) => p.id === id)!.state.label).toBe("Expired");
    expect(await getActivation(oldToken)).toMatchObject({ state: "expired" });
    await inviteTeamMember(await getActor(), { contactId: id, method: "mobile", requireSms: false });
    const newToken = activationTokenFrom((await lastMessage(email, "customer-mobile-invitation")).text);
    expect(newToken).not.toBe(oldToken);
    expect(await getActivation(oldToken)).toMatchObject({ state: "invalid" });
    expect(await getActivation(newToken)).toMatchObject({ state: "open", requireSms: false });
    await completeActivation({ token: newToken }, null);
    expect(await db.credential.count({ where: { contactId: id, type: "MOBILE", status: "ACTIVE" } })).toBe(2);
  });
});

describe("credentials and access changed at the same moment", () => {
  const offAtNorth = (contactId: string) => async (tx: Tx) => {
    await tx.siteContact.update({ where: { siteId_contactId: { siteId: team.north.id, contactId } }, data: { enabled: false } });
    await tx.credential.updateMany({ where: { contactId, siteId: team.north.id, status: "ACTIVE" }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });
  };
  const activeAtNorth = (contactId: string, type: "USER_CODE" | "MOBILE") => db.credential.count({ where: { contactId, siteId: team.north.id, type, status: "ACTIVE" } });

  it("a user code generated while the person's access there is switched off is refused, not left active", async () => {
    await actAs(team.max.email);
    const max = await getActor();
    const outcome = await whileCustomerHeld(team.customer.id, offAtNorth(team.mia.contact.id), () =>
      generateTeamUserCode(max, { contactId: team.mia.contact.id, siteId: team.north.id, delivery: "view" }),
    );
    expect(outcome).toMatch(/access to North .* is off/);
    expect(await activeAtNorth(team.mia.contact.id, "USER_CODE")).toBe(0);
  });

  it("a user code generated while the console puts the site in a credential group is the group's, not the site's", async () => {
    await actAs(team.max.email);
    const max = await getActor();
    const joinsGroup = (tx: Tx) => tx.site.update({ where: { id: team.north.id }, data: { credentialGroupId: team.group.id } });
    expect(await whileCustomerHeld(team.customer.id, joinsGroup, () => generateTeamUserCode(max, { contactId: team.mia.contact.id, siteId: team.north.id, delivery: "view" }))).toBe("done");
    expect(await activeAtNorth(team.mia.contact.id, "USER_CODE")).toBe(0);
    expect(await db.credential.count({ where: { contactId: team.mia.contact.id, type: "USER_CODE", status: "ACTIVE", credentialGroupId: team.group.id } })).toBe(1);
  });

  it("the console's Remove from site deactivates a user code issued at that moment", async () => {
    await actAs("admin@demo.test");
    const admin = await getActor();
    const issued = (tx: Tx) => tx.credential.create({ data: { organizationId: team.org.id, contactId: team.mia.contact.id, type: "USER_CODE", siteId: team.north.id } });
    expect(await whileCustomerHeld(team.customer.id, issued, () => removeContactFromSite(admin, { siteId: team.north.id, contactId: team.mia.contact.id }))).toBe("done");
    expect(await activeAtNorth(team.mia.contact.id, "USER_CODE")).toBe(0);
  });

  it("a mobile app activated while the person's access at a site is switched off gets no credential there", async () => {
    const { email, id } = await newMember();
    await inviteTeamMember(await getActor(), { contactId: id, method: "mobile", requireSms: false });
    const token = activationTokenFrom((await lastMessage(email, "customer-mobile-invitation")).text);
    expect(await whileCustomerHeld(team.customer.id, offAtNorth(id), () => completeActivation({ token }, null))).toBe("done");
    expect(await activeAtNorth(id, "MOBILE")).toBe(0);
    // South, where access stayed on, has its credential (the credential group's).
    expect(await db.credential.count({ where: { contactId: id, type: "MOBILE", status: "ACTIVE", credentialGroupId: team.group.id } })).toBe(1);
  });
});

describe("a Site Manager demoted at the moment they act", () => {
  it("makes no user code, user, invitation, edit or Installer Mode change at the sites they no longer manage", async () => {
    await actAs(team.max.email);
    const max = await getActor();
    const mia = team.mia.contact.id;
    // The console's Logins or another manager's Privileges make Max a Site Member of his sites, in the row's transaction.
    const demoted = (tx: Tx) => tx.siteContact.updateMany({ where: { contactId: team.max.contact.id }, data: { role: "SITE_MEMBER" } });
    const restore = () => db.siteContact.updateMany({ where: { contactId: team.max.contact.id }, data: { role: "SITE_MANAGER" } });
    const newEmail = `second.${team.tag}@team.test`;
    const renamed = `renamed.${team.tag}@team.test`;
    const attempts: [string, () => Promise<unknown>, () => Promise<number>][] = [
      ["a user code", () => generateTeamUserCode(max, { contactId: mia, siteId: team.north.id, delivery: "view" }), () => db.credential.count({ where: { contactId: mia, type: "USER_CODE" } })],
      [
        "a new Site Manager",
        () => addTeamMember(max, { firstName: "Second", lastName: "Max", email: newEmail, phone: "+14155550163", mobileAppUser: true, sites: [{ siteId: team.north.id, role: "SITE_MANAGER" }] }),
        () => db.contact.count({ where: { email: newEmail } }),
      ],
      ["an invitation", () => inviteTeamMember(max, { contactId: mia, method: "mobile", requireSms: false }), () => db.outboxMessage.count({ where: { to: team.mia.email } })],
      [
        "an edit of the username",
        () => editTeamMember(max, { contactId: mia, firstName: "Mia", lastName: "Test", email: renamed, phone: "+14155550150" }),
        () => db.user.count({ where: { email: renamed } }),
      ],
      ["Installer Mode", () => setInstallerMode(max, { siteId: team.north.id, on: true, duration: "2h" }), () => db.site.count({ where: { id: team.north.id, installerMode: true } })],
    ];
    for (const [what, act, made] of attempts) {
      // Refused either way: on SQLite the action's first reads wait for the change and find no manager;
      // on PostgreSQL they see Max as manager, and the check in the transaction refuses.
      expect.soft(await whileCustomerHeld(team.customer.id, demoted, act), what).toMatch(/privileges changed just now|Only a Site Manager/);
      expect.soft(await made(), what).toBe(0);
      await restore();
    }
    // Still their manager: each goes through.
    for (const [what, act, made] of attempts) {
      await act();
      expect(await made(), what).toBeGreaterThan(0);
    }
  });

  it("the key account holder made so at the moment of a removal stays: neither the console's Remove from site nor Delete removes them", async () => {
    await actAs("admin@demo.test");
    const admin = await getActor();
    await actAs(team.nina.email);
    const nina = await getActor();
    const mia = team.mia.contact.id;
    const holderOf = (siteId: string) => (tx: Tx) => tx.site.update({ where: { id: siteId }, data: { keyAccountHolderId: mia } });
    expect(await whileCustomerHeld(team.customer.id, holderOf(team.north.id), () => removeContactFromSite(admin, { siteId: team.north.id, contactId: mia }))).toMatch(/key account holder of North/);
    expect(await whileCustomerHeld(team.customer.id, holderOf(team.south.id), () => deleteTeamMember(nina, { contactId: mia }))).toMatch(/key account holder cannot be deleted/);
    expect(await db.siteContact.count({ where: { contactId: mia } })).toBe(2);
    expect(await db.credential.count({ where: { contactId: mia, status: "ACTIVE" } })).toBe(2);
  });
});

describe("an activation link and the invitation replacing it", () => {
  it("the old link does not accept a new invitation sent while it was being opened", async () => {
    const { email, id } = await newMember();
    const manager = await getActor();
    await inviteTeamMember(manager, { contactId: id, method: "mobile", requireSms: false });
    const oldToken = activationTokenFrom((await lastMessage(email, "customer-mobile-invitation")).text);
    // The manager sends a new invitation just after the old link's invitation is read.
    const read = db.invitation.findUnique.bind(db.invitation);
    const spy = vi.spyOn(db.invitation, "findUnique").mockImplementationOnce((async (args: Parameters<typeof read>[0]) => {
      const found = await read(args);
      await inviteTeamMember(manager, { contactId: id, method: "mobile", requireSms: false });
      return found;
    }) as unknown as typeof db.invitation.findUnique);
    await expect(completeActivation({ token: oldToken }, null)).rejects.toThrow(/no longer valid/);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    const newToken = activationTokenFrom((await lastMessage(email, "customer-mobile-invitation")).text);
    expect(await getActivation(newToken)).toMatchObject({ state: "open" });
    expect(await db.credential.count({ where: { contactId: id, type: "MOBILE" } })).toBe(0);
  });
});

describe("web invitation and passwords", () => {
  it("is offered only after a mobile invitation, is an Auth.js link token (72 h), and setting the password accepts it", async () => {
    await actAs(team.max.email);
    // Mia was added by the dealer and never got a mobile invitation.
    await expect(inviteTeamMember(await getActor(), { contactId: team.mia.contact.id, method: "web", requireSms: false })).rejects.toThrow(/first invitation is always a mobile invitation/);
    await inviteTeamMember(await getActor(), { contactId: team.mia.contact.id, method: "mobile", requireSms: true });
    await inviteTeamMember(await getActor(), { contactId: team.mia.contact.id, method: "web", requireSms: false });
    const first = (await lastMessage(team.mia.email, "customer-web-invitation")).text.match(/(http\S+\/app\/link\?link=\S+)/)![1]!;
    await inviteTeamMember(await getActor(), { contactId: team.mia.contact.id, method: "web", requireSms: false });
    const second = (await lastMessage(team.mia.email, "customer-web-invitation")).text.match(/(http\S+\/app\/link\?link=\S+)/)![1]!;
    const read = async (url: string) => readCustomerLink(new URL(url).searchParams.get("link") ?? undefined);
    expect(await read(first)).toMatchObject({ provider: "customer-invite", valid: false });
    expect(await read(second)).toMatchObject({ provider: "customer-invite", valid: true, email: team.mia.email });
    const tokens = await db.verificationToken.findMany({ where: { identifier: team.mia.email } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.expires.getTime() - Date.now()).toBeGreaterThan(71 * 3600 * 1000);
    // The stored token is a hash, not the one in the link.
    expect(second).not.toContain(tokens[0]!.token);
    expect((await getMyTeam(await getActor())).people.find((p) => p.id === team.mia.contact.id)!.state.label).toBe("Invited (web)");

    // Following the link signs Mia in with a link session; only such a session sets a password without the current one.
    await actAs(team.mia.email);
    await expect(setPasswordFromLink(await getActor(), { password: "a fresh passphrase 42" })).rejects.toThrow(/open the link in your email again/);
    const sid = await startUserSession(team.mia.user.id, null, { viaLink: true });
    session.current = { userId: team.mia.user.id, sessionId: sid, sessionVersion: team.mia.user.sessionVersion };
    expect(await canSetPasswordFromLink(await getActor())).toBe(true);
    await setPasswordFromLink(await getActor(), { password: "a fresh passphrase 42" });
    const user = await db.user.findUniqueOrThrow({ where: { id: team.mia.user.id } });
    expect(await verifyPassword(user.passwordHash, "a fresh passphrase 42")).toBe(true);
    expect(await db.invitation.findUniqueOrThrow({ where: { contactId_kind: { contactId: team.mia.contact.id, kind: "WEB" } } })).toMatchObject({ acceptedAt: expect.any(Date) });
    expect(await canSetPasswordFromLink(await getActor())).toBe(false);
  });

  it("Forgot your password emails a 10-minute link to customers only, the same answer for everyone", async () => {
    await requestCustomerPasswordReset(team.adam.email, null);
    await requestCustomerPasswordReset("nobody@team.test", null);
    await requestCustomerPasswordReset("admin@demo.test", null);
    const mail = await lastMessage(team.adam.email, "customer-password-reset");
    const link = new URL(mail.text.match(/(http\S+\/app\/link\?link=\S+)/)![1]!).searchParams.get("link")!;
    expect(await readCustomerLink(link)).toMatchObject({ provider: "customer-reset", valid: true });
    const token = await db.verificationToken.findFirstOrThrow({ where: { identifier: team.adam.email, purpose: "customer-reset" } });
    expect(token.expires.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000);
    expect(await db.outboxMessage.count({ where: { template: "customer-password-reset", to: { in: ["nobody@team.test", "admin@demo.test"] } } })).toBe(0);
  });

  it("a customer sends themselves a new mobile invitation", async () => {
    await actAs(team.adam.email);
    await sendMyselfMobileInvitation(await getActor());
    expect((await lastMessage(team.adam.email, "customer-mobile-invitation")).text).toContain("/app/activate/");
    expect(await db.invitation.findUniqueOrThrow({ where: { contactId_kind: { contactId: team.adam.contact.id, kind: "MOBILE" } } })).toMatchObject({ requireSms: true });
  });
});

describe("Privileges, Edit, Delete", () => {
  it("access off at a site deactivates the person's credentials there only; nobody changes their own privileges", async () => {
    await actAs(team.max.email);
    await setTeamPrivileges(await getActor(), {
      contactId: team.mia.contact.id,
      sites: [
        { siteId: team.north.id, role: "SITE_MEMBER", enabled: false },
        { siteId: team.south.id, role: "SITE_ADMIN", enabled: true },
      ],
    });
    const creds = await db.credential.findMany({ where: { contactId: team.mia.contact.id } });
    expect(creds.find((c) => c.siteId === team.north.id)!.status).toBe("DEACTIVATED");
    expect(creds.find((c) => c.credentialGroupId === team.group.id)!.status).toBe("ACTIVE");
    await expect(setTeamPrivileges(await getActor(), { contactId: team.max.contact.id, sites: [{ siteId: team.north.id, role: "SITE_MEMBER", enabled: true }] })).rejects.toThrow(/own privileges/);
    // Privileges also gives a role at another of the manager's sites; "No access" does not remove anyone (that is Delete).
    await setTeamPrivileges(await getActor(), {
      contactId: team.nina.contact.id,
      sites: [
        { siteId: team.north.id, role: "SITE_ADMIN", enabled: true },
        { siteId: team.south.id, role: "SITE_MANAGER", enabled: true },
      ],
    });
    expect((await db.siteContact.findMany({ where: { contactId: team.nina.contact.id } })).map((m) => m.role).sort()).toEqual(["SITE_ADMIN", "SITE_MANAGER"]);
    await expect(setTeamPrivileges(await getActor(), { contactId: team.nina.contact.id, sites: [{ siteId: team.north.id, role: "NONE", enabled: true }] })).rejects.toThrow(
      /switch Access off or use Delete/,
    );
    await db.siteContact.delete({ where: { siteId_contactId: { siteId: team.north.id, contactId: team.nina.contact.id } } });
    // Another manager of South may make Max a Site Member there; then South's people are no longer Max's to manage.
    await actAs(team.nina.email);
    await setTeamPrivileges(await getActor(), { contactId: team.max.contact.id, sites: [{ siteId: team.south.id, role: "SITE_MEMBER", enabled: true }] });
    await actAs(team.max.email);
    await expect(setTeamPrivileges(await getActor(), { contactId: team.nina.contact.id, sites: [{ siteId: team.south.id, role: "SITE_ADMIN", enabled: true }] })).rejects.toThrow(/not found/);
  });

  it("two Site Managers demoting, switching off or deleting each other at once: the site keeps one", async () => {
    await actAs(team.max.email);
    const max = await getActor();
    await actAs(team.nina.email);
    const nina = await getActor();
    const managersOfSouth = () => db.siteContact.count({ where: { siteId: team.south.id, role: "SITE_MANAGER", enabled: true } });
    const restore = () =>
      db.siteContact.updateMany({ where: { siteId: team.south.id, contactId: { in: [team.max.contact.id, team.nina.contact.id] } }, data: { role: "SITE_MANAGER", enabled: true } });
    // PostgreSQL runs the two at once; each saw itself remain a Site Manager of South.
    for (let round = 0; round < 3; round++) {
      for (const change of [
        { role: "SITE_MEMBER", enabled: true },
        { role: "SITE_MANAGER", enabled: false },
      ] as const) {
        const results = await Promise.allSettled([
          setTeamPrivileges(max, { contactId: team.nina.contact.id, sites: [{ siteId: team.south.id, ...change }] }),
          setTeamPrivileges(nina, { contactId: team.max.contact.id, sites: [{ siteId: team.south.id, ...change }] }),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        expect(await managersOfSouth()).toBe(1);
        await restore();
      }
      const deleted = await Promise.allSettled([deleteTeamMember(max, { contactId: team.nina.contact.id }), deleteTeamMember(nina, { contactId: team.max.contact.id })]);
      expect(deleted.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await managersOfSouth()).toBe(1);
      for (const contactId of [team.max.contact.id, team.nina.contact.id])
        await db.siteContact.upsert({ where: { siteId_contactId: { siteId: team.south.id, contactId } }, create: { siteId: team.south.id, contactId, role: "SITE_MANAGER" }, update: {} });
      await restore();
    }
  });

  it("a person made Site Manager while another manager removes their mobile phone: never a Site Manager without one", async () => {
    await actAs(team.max.email);
    const max = await getActor();
    await actAs(team.nina.email);
    const nina = await getActor();
    const mia = team.mia.contact;
    // PostgreSQL runs the two at once; each checked the person as it was before the other wrote.
    for (let round = 0; round < 5; round++) {
      await Promise.allSettled([
        editTeamMember(max, { contactId: mia.id, firstName: "Mia", lastName: "Test", email: team.mia.email, phone: "" }),
        setTeamPrivileges(nina, { contactId: mia.id, sites: [{ siteId: team.south.id, role: "SITE_MANAGER", enabled: true }] }),
      ]);
      const after = await db.contact.findUniqueOrThrow({ where: { id: mia.id }, include: { sites: true } });
      if (after.sites.some((m) => m.role === "SITE_MANAGER")) expect(after.phone).not.toBe("");
      await db.contact.update({ where: { id: mia.id }, data: { phone: "+14155550150" } });
      await db.siteContact.updateMany({ where: { contactId: mia.id }, data: { role: "SITE_MEMBER" } });
    }
  });

  it("Delete removes access only at the sites the deleting manager manages; the key account holder cannot be deleted", async () => {
    await actAs(team.nina.email);
    await deleteTeamMember(await getActor(), { contactId: team.mia.contact.id });
    const mia = await db.contact.findUniqueOrThrow({ where: { id: team.mia.contact.id }, include: { sites: true, credentials: true } });
    expect(mia.sites.map((s) => s.siteId)).toEqual([team.north.id]);
    // South is in the credential group: the group's key tag goes with it; the North card stays.
    expect(mia.credentials.find((c) => c.type === "KEY_TAG")!.status).toBe("DEACTIVATED");
    expect(mia.credentials.find((c) => c.type === "CARD")!.status).toBe("ACTIVE");
    expect(await db.auditEvent.count({ where: { action: "customer.team.delete", targetLabel: "Mia Test" } })).toBe(1);
    await actAs(team.nina.email);
    await db.siteContact.create({ data: { siteId: team.north.id, contactId: team.nina.contact.id, role: "SITE_MANAGER" } });
    await expect(deleteTeamMember(await getActor(), { contactId: team.max.contact.id })).rejects.toThrow(/key account holder cannot be deleted, only edited/);
  });

  it("two Site Managers editing one person from the same view: one changes the phone, the other the name; both stay", async () => {
    await actAs(team.max.email);
    const max = await getActor();
    await actAs(team.nina.email);
    const nina = await getActor();
    const mia = team.mia.contact;
    const shown = { firstName: "Mia", lastName: "Test", email: team.mia.email, phone: mia.phone };
    await editTeamMember(max, { contactId: mia.id, ...shown, phone: "(415) 555-0177", shown });
    await editTeamMember(nina, { contactId: mia.id, ...shown, lastName: "Tested", shown });
    await editTeamMember(max, { contactId: mia.id, ...shown, shown });
    expect(await db.contact.findUniqueOrThrow({ where: { id: mia.id } })).toMatchObject({ name: "Mia Tested", phone: "+14155550177", email: team.mia.email });
  });

  it("Edit changes the name, the E.164 phone and the email, which is the username", async () => {
    await actAs(team.max.email);
    const email = `adam.renamed.${team.tag}@team.test`;
    await editTeamMember(await getActor(), { contactId: team.adam.contact.id, firstName: "Adam", lastName: "Renamed", email, phone: "+1 415 555 0177" });
    expect(await db.contact.findUniqueOrThrow({ where: { id: team.adam.contact.id } })).toMatchObject({ name: "Adam Renamed", email, phone: "+14155550177" });
    expect(await db.user.findUniqueOrThrow({ where: { id: team.adam.user.id } })).toMatchObject({ email, sessionVersion: team.adam.user.sessionVersion + 1 });
  });
});

describe("Edit keeps the sign-in details of people who reach beyond the caller's sites", () => {
  it("refuses a South-only manager the email or phone of people who also have North, changing nothing; their name it changes", async () => {
    await actAs(team.nina.email);
    const before = await databaseFingerprint();
    // Max manages North and South and is North's key account holder; Adam is a Site Admin at both.
    const takeover = await editTeamMemberAction({ contactId: team.max.contact.id, firstName: "Max", lastName: "Test", email: `nina.owns.${team.tag}@team.test`, phone: "+14155550150" });
    expect(takeover).toMatchObject({ ok: false, fieldErrors: { email: "You cannot change this person's email." } });
    expect(takeover.ok || takeover.error).toMatch(/Max Test also has access at sites you do not manage/);
    const phone = await editTeamMemberAction({ contactId: team.adam.contact.id, firstName: "Adam", lastName: "Test", email: team.adam.email, phone: "+1 415 555 0199" });
    expect(phone).toMatchObject({ ok: false, fieldErrors: { phone: "You cannot change this person's mobile phone." } });
    expect(await databaseFingerprint()).toBe(before);
    // The name is not how anyone signs in.
    expect(await editTeamMemberAction({ contactId: team.adam.contact.id, firstName: "Adam", lastName: "Renamed", email: team.adam.email, phone: "(415) 555-0150" })).toMatchObject({ ok: true });
    expect(await db.contact.findUniqueOrThrow({ where: { id: team.adam.contact.id } })).toMatchObject({ name: "Adam Renamed", email: team.adam.email, phone: "+14155550150" });
    const card = (await getMyTeam(await getActor())).people;
    expect(Object.fromEntries(card.map((p) => [p.name, p.signInDetailsLocked]))).toEqual({ "Adam Renamed": true, "Max Test": true, "Mia Test": true, "Nina Test": false });
  });

  it("counts All sites portal access: a South-only person with it reaches North", async () => {
    await db.siteContact.deleteMany({ where: { contactId: team.mia.contact.id, siteId: team.north.id } });
    await actAs(team.nina.email);
    expect((await getMyTeam(await getActor())).people.find((p) => p.id === team.mia.contact.id)!.signInDetailsLocked).toBe(false);
    const email = `mia.moved.${team.tag}@team.test`;
    await db.contact.update({ where: { id: team.mia.contact.id }, data: { portalScope: "ALL_SITES" } });
    expect(await editTeamMemberAction({ contactId: team.mia.contact.id, firstName: "Mia", lastName: "Test", email, phone: "+14155550150" })).toMatchObject({ ok: false });
    await db.contact.update({ where: { id: team.mia.contact.id }, data: { portalScope: "SPECIFIC_SITES" } });
    expect(await editTeamMemberAction({ contactId: team.mia.contact.id, firstName: "Mia", lastName: "Test", email, phone: "+14155550150" })).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: team.mia.user.id } })).toMatchObject({ email });
  });
});

describe("console changes reach the web app at once", () => {
  it("Regenerate credentials in the console: the people see their new credential and the new configuration version", async () => {
    const { getCustomerSite } = await import("@/lib/customer-app/queries");
    const { regenerateSiteCredentials } = await import("@/lib/credential-groups/mutations");
    await db.site.update({ where: { id: team.north.id }, data: { installerMode: true, installerModeUntil: null } });
    await actAs(team.mia.email);
    const before = await getCustomerSite(await getActor(), team.north.id);
    await actAs("admin@demo.test");
    await regenerateSiteCredentials(await getActor(), team.north.id);
    await actAs(team.mia.email);
    const after = await getCustomerSite(await getActor(), team.north.id);
    expect(after.configVersion).toBe(before.configVersion + 1);
    const active = after.myCredentials.filter((c) => c.status === "ACTIVE" && c.scope === "This site");
    expect(active).toHaveLength(1);
    expect(before.myCredentials.map((c) => c.id)).not.toContain(active[0]!.id);
  });
});

describe("user codes", () => {
  it("To View returns the code once; To Send texts it and returns nothing; deleting revokes it", async () => {
    await actAs(team.max.email);
    const viewed = await generateTeamUserCode(await getActor(), { contactId: team.mia.contact.id, siteId: team.north.id, delivery: "view" });
    expect(viewed.data?.code).toMatch(/^\d{6}$/);
    const sent = await generateTeamUserCode(await getActor(), { contactId: team.mia.contact.id, siteId: team.south.id, delivery: "send" });
    expect(sent).not.toHaveProperty("data");
    const sms = await lastMessage("+14155550150", "customer-user-code");
    expect(sms.text).toMatch(/user code for South .* is \d{6}/);
    const person = await getTeamMemberCredentials(await getActor(), team.mia.contact.id);
    const codes = person.sites.flatMap((s) => s.credentials.filter((c) => c.type === "USER_CODE"));
    expect(codes).toHaveLength(2);
    await deleteTeamUserCode(await getActor(), { credentialId: codes[0]!.id });
    expect(await db.credential.findUniqueOrThrow({ where: { id: codes[0]!.id } })).toMatchObject({ status: "DEACTIVATED" });
  });
});

describe("messages sent in the dealer's name", () => {
  const userCodeTexts = () => db.outboxMessage.count({ where: { template: "customer-user-code", to: "+14155550150" } });

  it("at most 3 invitations to one address in 15 minutes, whoever sends them; the 4th sends nothing", async () => {
    const invite = () => inviteTeamMemberAction({ contactId: team.mia.contact.id, method: "mobile", requireSms: false });
    await actAs(team.max.email);
    for (let i = 0; i < 3; i++) expect(await invite()).toMatchObject({ ok: true });
    const mails = await db.outboxMessage.count({ where: { to: team.mia.email } });
    expect(await invite()).toMatchObject({ ok: false, error: expect.stringMatching(/^Mia Test was sent 3 invitations in the last 15 minutes/) });
    await actAs(team.nina.email);
    expect(await invite()).toMatchObject({ ok: false });
    expect(await db.outboxMessage.count({ where: { to: team.mia.email } })).toBe(mails);
    expect(await db.auditEvent.count({ where: { action: "customer.messages", outcome: "DENIED", actorEmail: team.max.email } })).toBe(1);
  });

  it("at most 20 a manager in 15 minutes, texted codes and invitations together; To View sends nothing and stays", async () => {
    await actAs(team.max.email);
    const toSend = () => generateUserCodeAction({ contactId: team.mia.contact.id, siteId: team.north.id, delivery: "send" });
    for (let i = 0; i < 20; i++) expect(await toSend()).toMatchObject({ ok: true });
    const texts = await userCodeTexts();
    expect(await toSend()).toMatchObject({ ok: false, error: expect.stringMatching(/^You sent 20 invitations, codes and notices in the last 15 minutes/) });
    expect(await inviteTeamMemberAction({ contactId: team.adam.contact.id, method: "mobile", requireSms: false })).toMatchObject({ ok: false });
    expect(await userCodeTexts()).toBe(texts);
    expect(await db.outboxMessage.count({ where: { to: team.adam.email } })).toBe(0);
    expect(await generateUserCodeAction({ contactId: team.mia.contact.id, siteId: team.north.id, delivery: "view" })).toMatchObject({ ok: true, data: { code: expect.any(String) } });
    // Installer Mode cannot be turned on meanwhile; turning it off, which takes the dealer's access away, never waits.
    expect(await setInstallerModeAction({ siteId: team.north.id, on: true, duration: "2h" })).toMatchObject({ ok: false });
    await db.site.update({ where: { id: team.north.id }, data: { installerMode: true, installerModeUntil: null } });
    expect(await setInstallerModeAction({ siteId: team.north.id, on: false })).toMatchObject({ ok: true });
    expect(await db.site.findUniqueOrThrow({ where: { id: team.north.id } })).toMatchObject({ installerMode: false });
  });
});

describe("My Team's actions are refused to everyone but the sites' Site Manager", () => {
  it("refuses Site Admin, Site Member, a manager of another site, another organization's customer, an employee and anonymous, changing nothing", async () => {
    const other = await db.organization.findFirstOrThrow({ where: { name: "Other Alarms Ltd" } });
    const otherEmail = `other.customer.${team.tag}@other.test`;
    const otherPortal = await db.usergroup.findFirstOrThrow({ where: { organizationId: other.id, builtIn: "CUSTOMER_PORTAL" } });
    const otherUser = await db.user.create({ data: { organizationId: other.id, email: otherEmail, kind: "CUSTOMER", usergroupId: otherPortal.id } });
    const otherCustomer = await db.customer.create({ data: { organizationId: other.id, name: "Other Co", accountNumber: `O-${team.tag}` } });
    const otherSite = await db.site.create({ data: { organizationId: other.id, customerId: otherCustomer.id, name: "Other site", address: "x", country: "GB", timeZone: "UTC", status: "ACTIVE" } });
    const otherContact = await db.contact.create({ data: { organizationId: other.id, customerId: otherCustomer.id, name: "Olga Other", email: otherEmail, userId: otherUser.id } });
    await db.siteContact.create({ data: { siteId: otherSite.id, contactId: otherContact.id, role: "SITE_MANAGER" } });
    const code = await db.credential.create({ data: { organizationId: team.org.id, contactId: team.mia.contact.id, type: "USER_CODE", siteId: team.north.id } });
    const target = team.mia.contact.id;
    const calls: [string, () => Promise<{ ok: boolean }>][] = [
      [
        "add",
        () =>
          addTeamMemberAction({ firstName: "X", lastName: "Y", email: `x.${team.tag}@team.test`, phone: "+14155550180", mobileAppUser: true, sites: [{ siteId: team.north.id, role: "SITE_MEMBER" }] }),
      ],
      ["invite", () => inviteTeamMemberAction({ contactId: target, method: "mobile", requireSms: true })],
      ["privileges", () => teamPrivilegesAction({ contactId: target, sites: [{ siteId: team.north.id, role: "SITE_MANAGER", enabled: true }] })],
      ["edit", () => editTeamMemberAction({ contactId: target, firstName: "Hijacked", lastName: "Name", email: team.mia.email, phone: "" })],
      ["delete", () => deleteTeamMemberAction({ contactId: target })],
      ["user code", () => generateUserCodeAction({ contactId: target, siteId: team.north.id, delivery: "view" })],
      ["delete code", () => deleteUserCodeAction({ credentialId: code.id })],
    ];
    // Nina manages South only: North's people are not hers (Mia is at both, so North's actions are the test).
    const northOnly = await db.contact.create({ data: { organizationId: team.org.id, customerId: team.customer.id, name: "North Only", email: "" } });
    await db.siteContact.create({ data: { siteId: team.north.id, contactId: northOnly.id, role: "SITE_MEMBER" } });
    const ninaCalls: [string, () => Promise<{ ok: boolean }>][] = [
      ["add at North", calls[0]![1]],
      ["privileges at North", () => teamPrivilegesAction({ contactId: target, sites: [{ siteId: team.north.id, role: "SITE_ADMIN", enabled: false }] })],
      ["edit a North-only person", () => editTeamMemberAction({ contactId: northOnly.id, firstName: "Hijacked", lastName: "Name", email: "", phone: "" })],
      ["delete a North-only person", () => deleteTeamMemberAction({ contactId: northOnly.id })],
      ["user code at North", calls[5]![1]],
      ["delete a North code", calls[6]![1]],
    ];
    const callers: [string, string | null, typeof calls][] = [
      ["Site Admin", team.adam.email, calls],
      ["Site Member", team.mia.email, calls],
      ["manager of another site", team.nina.email, ninaCalls],
      ["another organization's customer", otherEmail, calls],
      ["employee", "admin@demo.test", calls],
      ["anonymous", null, calls],
    ];
    for (const [who, email, list] of callers) {
      for (const [what, call] of list) {
        await actAs(email);
        const before = await databaseFingerprint();
        const result = await call();
        expect(result.ok, `${what} by ${who}`).toBe(false);
        expect(await databaseFingerprint(), `${what} by ${who} changed data`).toBe(before);
      }
    }
    expect(await db.auditEvent.count({ where: { action: { in: ["access.denied", "access.not_found"] }, actorEmail: team.adam.email } })).toBeGreaterThan(0);
  });
});

describe("SMS through Twilio's REST API", () => {
  it("delivers to a local stand-in of the API, retrying after a failure: at once when the API is back, after its backoff when it refused the number", async () => {
    const requests: { auth: string | undefined; body: URLSearchParams; url: string }[] = [];
    const server = createServer(async (req: IncomingMessage, res) => {
      let raw = "";
      for await (const chunk of req) raw += chunk;
      requests.push({ auth: req.headers.authorization, body: new URLSearchParams(raw), url: req.url ?? "" });
      if (requests.length === 1) {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ code: 20500, message: "Internal error" }));
      } else if (new URLSearchParams(raw).get("To") === "+14155550199") {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ code: 21211, message: "Invalid 'To' Phone Number" }));
      } else res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ sid: "SM123", status: "queued" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const env = { TWILIO_ACCOUNT_SID: "AC123", TWILIO_AUTH_TOKEN: "secret-token", TWILIO_FROM: "+14155550100", TWILIO_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    Object.assign(process.env, env);
    try {
      await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "FAILED" } });
      const { queueSms } = await import("@/lib/email/outbox");
      const id = await db.$transaction((tx) => queueSms(tx, { organizationId: team.org.id, to: "+14155550162", template: "test-sms", text: "Hello from the outbox" }));
      const first = await deliverDue();
      expect(first.failed).toBe(1);
      expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "the SMS provider is not available" });
      // The API answers again: a refused number keeps its backoff; the message held back by the outage is due at once.
      const refused = await db.$transaction((tx) => queueSms(tx, { organizationId: team.org.id, to: "+14155550199", template: "test-sms", text: "To a bad number" }));
      const fine = await db.$transaction((tx) => queueSms(tx, { organizationId: team.org.id, to: "+14155550163", template: "test-sms", text: "Another" }));
      expect(await deliverDue()).toMatchObject({ sent: 1, failed: 1 });
      expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: fine } })).toMatchObject({ status: "SENT" });
      const refusedRow = await db.outboxMessage.findUniqueOrThrow({ where: { id: refused } });
      expect(refusedRow).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "the SMS provider refused the message" });
      expect(refusedRow.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
      expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect((await deliverDue()).sent).toBe(1);
      expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", transport: "twilio" });
      const retried = requests.at(-1)!;
      expect(retried.url).toBe("/2010-04-01/Accounts/AC123/Messages.json");
      expect(retried.auth).toBe(`Basic ${Buffer.from("AC123:secret-token").toString("base64")}`);
      expect(Object.fromEntries(retried.body)).toEqual({ To: "+14155550162", From: "+14155550100", Body: "Hello from the outbox" });
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
