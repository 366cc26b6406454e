import "server-only";
// The dev mailbox: outgoing messages, newest first, while no transport is configured
// by the environment (see devMailboxEnabled). It holds codes, so it does not exist once real
// email is set up, and an organization that saved SMTP settings has its messages left out.
import { headers } from "next/headers";
import { db } from "../db";
import { RELAYED_HEADER } from "../../scripts/front-door.mjs";
import { devMailboxEnabled } from "./transport";
import { twilioConfig } from "./sms";

export { devMailboxWarning } from "./transport";

/**
 * Whether this request may see the dev mailbox: one a proxy relayed (marked by the front door)
 * came from elsewhere, whatever address the server listens on, unless DEV_MAILBOX=on asks for it.
 */
export async function devMailboxOpen(): Promise<boolean> {
  if (!devMailboxEnabled()) return false;
  return process.env.DEV_MAILBOX === "on" || !(await headers()).get(RELAYED_HEADER);
}

export async function listDevMailbox(limit = 100) {
  if (!(await devMailboxOpen())) return null;
  return db.outboxMessage.findMany({
    // Texts wait here too until an SMS provider is configured; SMTP settings do not carry them.
    where: { OR: [{ organizationId: null }, { organization: { is: { emailSettings: { is: null } } } }, ...(twilioConfig() ? [] : [{ channel: "SMS" as const }])] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, channel: true, to: true, subject: true, html: true, text: true, status: true, createdAt: true, lastError: true },
  });
}
