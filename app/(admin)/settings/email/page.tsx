import type { Metadata } from "next";
import Link from "next/link";
import { EmailSettingsForm } from "@/components/settings/email-settings-form";
import { Notice } from "@/components/ui/field";
import { RetryMessageButton } from "@/components/settings/retry-message-button";
import { requirePagePermission } from "@/lib/access/page";
import { getEmailSettingsView, SENT_COUNT_DAYS } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Email settings" };

export default async function EmailSettingsPage() {
  const actor = await requirePagePermission("settings.view");
  const view = await getEmailSettingsView(actor);
  const t = view.transport;
  const canManage = view.permissions.manage;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Settings · Email</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Registration codes, password reset codes and sign-in links leave through this transport.</p>
      </div>
      <section className="card space-y-3 p-5" aria-labelledby="transport-heading">
        <h2 id="transport-heading" className="font-semibold">
          Active transport
        </h2>
        {t.kind === "none" ? (
          <Notice>
            <strong>Email delivery is not configured.</strong> Messages are queued in the outbox and will go out once email is configured.
            {view.devMailbox ? (
              <>
                {" "}
                Until then you can read them in the{" "}
                <Link href="/dev/mailbox" className="link">
                  dev mailbox
                </Link>
                .
              </>
            ) : null}
          </Notice>
        ) : (
          <p data-testid="active-transport">
            {t.kind === "resend" ? "Resend" : `SMTP (${t.host}:${t.port})`} · configured by {t.source === "environment" ? "the server environment" : "the saved settings below"} · from {t.from}
          </p>
        )}
        <dl className="grid grid-cols-3 gap-3 text-sm">
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Queued</dt>
            <dd className="text-lg font-semibold">{view.outbox.queued}</dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Sent in the last {SENT_COUNT_DAYS} days</dt>
            <dd className="text-lg font-semibold">{view.outbox.sentRecently}</dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Failed</dt>
            <dd className="text-lg font-semibold">{view.outbox.failed}</dd>
          </div>
        </dl>
        {view.problems.length ? (
          <div>
            <h3 className="text-sm font-medium">Recent delivery problems</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {view.problems.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-2" data-testid="delivery-problem">
                  <span>
                    {p.to} · {p.subject} · {p.status.toLowerCase()} after {p.attempts} attempt(s): {p.lastError}
                  </span>
                  {p.status === "FAILED" && canManage ? <RetryMessageButton id={p.id} to={p.to} /> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <EmailSettingsForm saved={view.saved} canManage={canManage} environmentOverrides={t.kind !== "none" && t.source === "environment"} />
    </div>
  );
}
