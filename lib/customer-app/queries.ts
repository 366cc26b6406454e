import "server-only";
// The customer web app's home: the signed-in customer's sites, with their role at each.
import { db } from "../db";
import type { Actor } from "../access/actor";
import { ForbiddenError } from "../access/actor";
import { requireActor } from "../access/guard";

/** The caller as a customer: only customers have a customer home; the contact is found by the login, never by a parameter. */
function requireCustomerActor(actor: Actor | null): Actor {
  const me = requireActor(actor);
  if (me.kind !== "CUSTOMER") throw new ForbiddenError();
  return me;
}

export async function getCustomerHome(actor: Actor | null) {
  const me = requireCustomerActor(actor);
  const contact = await db.contact.findFirst({
    where: { userId: me.userId, organizationId: me.organizationId },
    include: {
      customer: { select: { name: true } },
      sites: {
        include: { site: { select: { id: true, name: true, address: true, status: true, credentialGroup: { select: { name: true } } } } },
        orderBy: { site: { name: "asc" } },
      },
    },
  });
  return {
    name: contact?.name ?? me.name,
    customerName: contact?.customer.name ?? null,
    organizationName: me.organizationName,
    sites: (contact?.sites ?? []).map((sc) => ({
      id: sc.site.id,
      name: sc.site.name,
      address: sc.site.address,
      status: sc.site.status,
      credentialGroup: sc.site.credentialGroup?.name ?? null,
      role: sc.role,
    })),
  };
}
export type CustomerHome = Awaited<ReturnType<typeof getCustomerHome>>;
