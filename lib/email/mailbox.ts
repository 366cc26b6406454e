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

export async function listDevMailbox(limit = 100) {
  if (!devMailboxEnabled()) return null;
  // Came through a proxy (marked by the front door): from elsewhere, whatever the server listens on.
  if (process.env.DEV_MAILBOX !== "on" && (await headers()).get(RELAYED_HEADER)) return null;
  return db.outboxMessage.findMany({
    // Texts wait here too until an SMS provider is configured; SMTP settings do not carry them.
    where: { OR: [{ organizationId: null }, { organization: { is: { emailSettings: { is: null } } } }, ...(twilioConfig() ? [] : [{ channel: "SMS" as const }])] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, channel: true, to: true, subject: true, html: true, text: true, status: true, createdAt: true, lastError: true },
  });
}
