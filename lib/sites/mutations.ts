import "server-only";
// Sites: the COLUMNS choice, create/edit (refused on an active site without Installer Mode),
// activation and the Request Installer Mode email.
import type { z } from "zod";
import { appUrl } from "../config";
import { db } from "../db";
import { assertCan } from "../access/guard";
import { NotFoundError, type Actor } from "../access/actor";
import { recordAudit } from "../audit/mutations";
import { RuleError } from "../actions/result";
import { kickDelivery, queueEmail } from "../email/outbox";
import { NoticeEmail } from "../email/templates";
import { allowRequest } from "../auth/rate-limit";
import { lockCustomer } from "../organization-lock";
import { INSTALLER_MODE_REQUESTS, INSTALLER_MODE_REQUIRED, installerModeOn, installerModeOnWhere } from "./rules";
import { SITE_COLUMNS, SITE_EDIT_FIELDS, type SiteColumn, type siteSchema } from "./schemas";
import { changedFields } from "../edits";

/** The COLUMNS choice is kept per user, across sessions. */
export async function saveSiteColumns(actor: Actor | null, columns: SiteColumn[]) {
  const a = await assertCan(actor, "sites.view");
  const user = await db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { preferences: true } });
  let prefs: Record<string, unknown> = {};
  try {
    prefs = JSON.parse(user.preferences ?? "{}");
  } catch {}
  await db.user.update({ where: { id: a.userId }, data: { preferences: JSON.stringify({ ...prefs, siteColumns: SITE_COLUMNS.filter((c) => columns.includes(c)) }) } });
  return { message: "Columns saved." };
}

const SITE_CUSTOMER_FIXED = "A site stays with its customer. Create the site again under the other customer.";

export async function saveSite(actor: Actor | null, input: z.output<typeof siteSchema>) {
  const a = await assertCan(actor, "sites.manage");
  const customer = await db.customer.findFirst({ where: { id: input.customerId, organizationId: a.organizationId } });
  if (!customer) throw new RuleError("Select a customer from the list.", { customerId: "Select a customer from the list." });
  const id = await db.$transaction(async (tx) => {
    // Under the customer's row: a customer deleted meanwhile (its contacts with it) is refused next
    // to the field, where the site's row would fail its reference to it.
    if (!(await lockCustomer(tx, customer.id))) throw new RuleError("Select a customer from the list.", { customerId: "Select a customer from the list." });
    // An edit writes only what its form changed: a change another admin saved meanwhile stays (lib/edits.ts).
    const changed = input.id ? changedFields(input, input.shown, SITE_EDIT_FIELDS) : input;
    if (changed.keyAccountHolderId) {
      const holder = await tx.contact.findFirst({ where: { id: changed.keyAccountHolderId, customerId: customer.id }, select: { id: true } });
      if (!holder) throw new RuleError("Choose the key account holder among the customer's contacts.", { keyAccountHolderId: "Choose the key account holder among the customer's contacts." });
    }
    const data = {
      name: changed.name,
      address: changed.address,
      country: changed.country,
      timeZone: changed.timeZone,
      keyAccountHolderId: changed.keyAccountHolderId === undefined ? undefined : changed.keyAccountHolderId || null,
    };
    let siteId = input.id;
    if (siteId) {
      const site = await tx.site.findFirst({ where: { id: siteId, organizationId: a.organizationId } });
      if (!site) throw new NotFoundError("The site");
      // The form does not offer it: the site's contacts, credentials and key account holder are the customer's.
      if (site.customerId !== customer.id) throw new RuleError(SITE_CUSTOMER_FIXED, { customerId: SITE_CUSTOMER_FIXED });
      // Conditional: refused if the site became active without Installer Mode meanwhile.
      const changeable = { id: siteId, OR: [{ status: "NOT_ACTIVATED" as const }, installerModeOnWhere()] };
      const found = Object.values(data).some((v) => v !== undefined) ? (await tx.site.updateMany({ where: changeable, data })).count : await tx.site.count({ where: changeable });
      if (found !== 1) throw new RuleError(INSTALLER_MODE_REQUIRED);
    } else {
      siteId = (
        await tx.site.create({
          data: { organizationId: a.organizationId, customerId: customer.id, ...data, name: input.name, address: input.address, country: input.country, timeZone: input.timeZone },
        })
      ).id;
    }
    await recordAudit({ actor: a, action: input.id ? "sites.edit" : "sites.create", target: { type: "Site", id: siteId, label: input.name } }, tx);
    return siteId;
  });
  return { siteId: id, message: `${input.name} is saved.` };
}

/** Activate site: the site becomes operational and its key account holder gets the account-activation email. */
export async function activateSite(actor: Actor | null, siteId: string) {
  const a = await assertCan(actor, "sites.activate");
  const site = await db.site.findFirst({ where: { id: siteId, organizationId: a.organizationId }, include: { keyAccountHolder: true } });
  if (!site) throw new NotFoundError("The site");
  if (site.status === "ACTIVE") throw new RuleError(`${site.name} is already active.`);
  if (!site.keyAccountHolder?.email) throw new RuleError("Choose a key account holder with an email address first: they receive the account-activation email.");
  await db.$transaction(async (tx) => {
    const updated = await tx.site.updateMany({ where: { id: siteId, status: "NOT_ACTIVATED" }, data: { status: "ACTIVE", activatedAt: new Date(), installerMode: false, installerModeUntil: null } });
    if (updated.count !== 1) throw new RuleError(`${site.name} is already active.`);
    await queueEmail(tx, {
      organizationId: a.organizationId,
      to: site.keyAccountHolder!.email,
      subject: `Your site ${site.name} is active`,
      template: "site-activation",
      body: NoticeEmail({
        organization: a.organizationName,
        heading: `${site.name} is active`,
        body: `${a.organizationName} activated your site ${site.name}. Sign in to the customer app to manage your team and credentials. To let us change the site later, turn Installer Mode on.`,
      }),
    });
    await recordAudit({ actor: a, action: "sites.activate", target: { type: "Site", id: siteId, label: site.name } }, tx);
  });
  await kickDelivery();
  return { message: `${site.name} is active. The account-activation email was sent to ${site.keyAccountHolder.email}.` };
}

/** Installer Mode is the customer's to switch; the console asks the site's managers by email. */
export async function requestInstallerMode(actor: Actor | null, siteId: string) {
  const a = await assertCan(actor, "sites.installerMode");
  const site = await db.site.findFirst({
    where: { id: siteId, organizationId: a.organizationId },
    include: { contacts: { where: { role: "SITE_MANAGER", enabled: true }, include: { contact: true } } },
  });
  if (!site) throw new NotFoundError("The site");
  if (installerModeOn(site)) throw new RuleError("Installer Mode is already on for this site.");
  const managers = site.contacts.map((c) => c.contact).filter((c) => c.email);
  if (!managers.length) throw new RuleError("This site has no Site Manager with an email address to ask.");
  // The customer's inbox, whoever in the console asks.
  if (!(await allowRequest(`installer-mode-request:${site.id}`, INSTALLER_MODE_REQUESTS)).allowed)
    throw new RuleError(`Installer Mode was already requested ${INSTALLER_MODE_REQUESTS.max} times for ${site.name} in the last 15 minutes. Give the Site Manager time to answer, or call them.`);
  await db.$transaction(async (tx) => {
    for (const m of managers) {
      await queueEmail(tx, {
        organizationId: a.organizationId,
        to: m.email,
        subject: `Please turn Installer Mode on for ${site.name}`,
        template: "request-installer-mode",
        body: NoticeEmail({
          organization: a.organizationName,
          heading: "Installer Mode request",
          body: `${a.name} of ${a.organizationName} asks you to turn Installer Mode on for ${site.name} in the customer app, so that they can change the site.`,
          // Straight to the switch: Site Settings → Installer Mode on the customer's site page.
          link: `${appUrl()}/app/sites/${site.id}#site-settings`,
          linkLabel: "Open Site Settings",
        }),
      });
    }
    await recordAudit({ actor: a, action: "sites.request_installer_mode", target: { type: "Site", id: siteId, label: site.name }, detail: `${managers.length} site manager(s)` }, tx);
  });
  await kickDelivery();
  return { message: `Installer Mode was requested from ${managers.map((m) => m.name).join(", ")}.` };
}
