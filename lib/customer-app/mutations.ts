import "server-only";
// The customer's side of Installer Mode (seed 001, Site Settings → Installer Mode): a Site Manager
// lets the dealer change an active site for 2, 8 or 24 hours or until they turn it off. It ends by
// itself at the stored end time (lib/sites/rules.ts installerModeOn). Every change is audited and
// emails the site's managers, in the same transaction.
import { db } from "../db";
import type { Actor } from "../access/actor";
import { NotFoundError } from "../access/actor";
import { DeniedError, RuleError } from "../actions/result";
import { recordAudit } from "../audit/mutations";
import { kickDelivery, queueEmail } from "../email/outbox";
import { NoticeEmail } from "../email/templates";
import { formatDateTime } from "../format";
import { requireCustomerActor } from "./queries";
import { assertCustomerMessagesAllowed } from "./invitations";
import { assertStillManaging } from "./team";
import { INSTALLER_MODE_DURATIONS, installerModeEnd, type InstallerModeDuration } from "./rules";

export async function setInstallerMode(actor: Actor | null, input: { siteId: string; on: boolean; duration?: InstallerModeDuration }, now = new Date()) {
  const me = requireCustomerActor(actor);
  const membership = await db.siteContact.findFirst({
    where: { siteId: input.siteId, enabled: true, contact: { userId: me.userId, organizationId: me.organizationId } },
    include: { contact: { select: { name: true } }, site: { include: { contacts: { where: { role: "SITE_MANAGER", enabled: true }, include: { contact: { select: { email: true } } } } } } },
  });
  if (!membership) throw new NotFoundError("The site");
  const { site } = membership;
  if (membership.role !== "SITE_MANAGER") throw new DeniedError("Only a Site Manager can change Installer Mode.", `Installer Mode of ${site.name} by a ${membership.role}`);
  if (site.status !== "ACTIVE") throw new RuleError("This site is not activated yet, so your dealer can already change it. Installer Mode is for active sites.");
  const until = input.on ? installerModeEnd(input.duration ?? "2h", now) : null;
  const end = until ? formatDateTime(until, site.timeZone) : null;
  const how = input.on ? (end ? `on until ${end.time}, ${end.date} (${site.timeZone})` : "on until turned off") : "off";
  // Every change emails the site's managers. Turning it off is never refused: it takes the dealer's
  // access away, and each off follows an on that was counted.
  if (input.on) await assertCustomerMessagesAllowed(me, "Installer Mode", undefined, now);
  await db.$transaction(async (tx) => {
    // A manager demoted or switched off at this moment does not open the site to the dealer.
    await assertStillManaging(tx, me, [site]);
    await tx.site.update({ where: { id: site.id }, data: { installerMode: input.on, installerModeUntil: until } });
    await recordAudit(
      {
        actor: me,
        action: input.on ? "customer.installer_mode.on" : "customer.installer_mode.off",
        target: { type: "Site", id: site.id, label: site.name },
        detail: input.on ? INSTALLER_MODE_DURATIONS[input.duration ?? "2h"].label : undefined,
      },
      tx,
    );
    for (const email of new Set(site.contacts.map((c) => c.contact.email).filter(Boolean))) {
      await queueEmail(tx, {
        organizationId: site.organizationId,
        to: email,
        subject: `Installer Mode is ${input.on ? "on" : "off"} for ${site.name}`,
        template: "installer-mode-changed",
        body: NoticeEmail({
          organization: me.organizationName,
          heading: `Installer Mode is ${input.on ? "on" : "off"}`,
          body: `${membership.contact.name} turned Installer Mode ${how} for ${site.name}. ${input.on ? `${me.organizationName} can change the site meanwhile.` : `${me.organizationName} can no longer change the site.`}`,
        }),
      });
    }
  });
  await kickDelivery();
  return { message: `Installer Mode is ${how} for ${site.name}.` };
}
