import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/ui/field";
import { NotFoundError } from "@/lib/access/actor";
import { requirePagePermission } from "@/lib/access/page";
import { formatDateTime } from "@/lib/format";
import { getLogin } from "@/lib/logins/queries";

export const metadata: Metadata = { title: "Login" };

export default async function LoginPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("logins.view");
  const login = await getLogin(actor, (await params).id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!login) notFound();
  return (
    <div className="space-y-4">
      <div>
        <Link href="/logins" className="link text-sm">
          Logins
        </Link>
        <h1 className="text-2xl font-semibold">{login.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{login.email}</p>
      </div>
      <dl className="card grid gap-x-6 gap-y-2 p-5 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-500 dark:text-slate-400">Usergroup</dt>
        <dd>{login.usergroup ? `${login.usergroup.name} (${login.usergroup.kind === "EXTERNAL" ? "external" : "internal"})` : "None"}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Linked to</dt>
        <dd>
          {login.contact ? (
            <Link href={`/customers/${login.contact.customerId}`} className="link">
              {login.linkedTo}
            </Link>
          ) : (
            login.linkedTo
          )}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Status</dt>
        <dd data-testid="login-status">{login.status}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Last login</dt>
        <dd>{login.lastLoginAt ? `${formatDateTime(login.lastLoginAt)?.date} ${formatDateTime(login.lastLoginAt)?.time}` : "Never"}</dd>
      </dl>
      {login.missingSteps.length ? (
        <Notice>
          <p className="font-medium">A few more steps are required before this login can sign in to the customer portal:</p>
          <ul className="mt-1 list-disc pl-5" data-testid="missing-steps">
            {login.missingSteps.map((s) => (
              <li key={s}>{s.charAt(0).toUpperCase() + s.slice(1)}.</li>
            ))}
          </ul>
          <p className="mt-1">Link it on the customer&apos;s Contacts tab (Link login), choosing All sites or Specific sites.</p>
        </Notice>
      ) : null}
    </div>
  );
}
