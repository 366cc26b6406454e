import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/access/actor";
import { requirePagePermission } from "@/lib/access/page";
import { getCustomer } from "@/lib/customers/queries";
import { CustomerAgentForm, CustomerContacts } from "@/components/customers/customer-contacts";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("customers.view");
  const customer = await getCustomer(actor, (await params).id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <div>
        <Link href="/customers" className="link text-sm">
          Customers
        </Link>
        <h1 className="text-2xl font-semibold">{customer.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Account number {customer.accountNumber}</p>
      </div>
      <section className="card space-y-2 p-4" aria-labelledby="customer-details">
        <h2 id="customer-details" className="font-semibold">
          Details
        </h2>
        {customer.permissions.manage ? <CustomerAgentForm customer={customer} /> : <p className="text-sm">Agent: {customer.agent ? `${customer.agent.name}, ${customer.agent.company}` : "None"}</p>}
      </section>
      <section className="card" aria-labelledby="customer-sites">
        <h2 id="customer-sites" className="border-b border-slate-200 px-4 py-3 font-semibold dark:border-slate-800">
          Sites
        </h2>
        {customer.sites.length === 0 ? <p className="p-4 text-sm text-slate-500 dark:text-slate-400">This customer has no sites yet.</p> : null}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {customer.sites.map((s) => (
            <li key={s.id} className="flex items-center justify-between px-4 py-3 text-sm">
              <Link href={`/sites/${s.id}`} className="link">
                {s.name}
              </Link>
              <span className="text-slate-500 dark:text-slate-400">
                {s.status === "ACTIVE" ? "Active" : "Not activated"} · Installer Mode {s.installerMode ? "on" : "off"}
                {s.credentialGroupName ? ` · ${s.credentialGroupName}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <CustomerContacts customer={customer} />
    </div>
  );
}
