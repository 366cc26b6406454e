import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listDevMailbox } from "@/lib/email/mailbox";

export const metadata: Metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

export default async function DevMailboxPage() {
  const messages = await listDevMailbox();
  if (!messages) notFound();
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-6">
      <div>
        <h1 className="text-2xl font-semibold">Dev mailbox</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No email transport is configured, so outgoing messages wait here, newest first. This page disappears once Resend or SMTP is configured on the server.
        </p>
      </div>
      {messages.length === 0 ? <p className="card p-6 text-center text-slate-500 dark:text-slate-400">No messages yet.</p> : null}
      <ol className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className="card p-4" data-testid="mail-message">
            <details>
              <summary className="cursor-pointer">
                <span className="font-medium">{m.subject}</span> <span className="text-sm text-slate-500 dark:text-slate-400">to</span>{" "}
                <span className="text-sm" data-testid="mail-to">
                  {m.to}
                </span>{" "}
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  · {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC · {m.status.toLowerCase()}
                </span>
              </summary>
              <pre className="mt-3 whitespace-pre-wrap break-words rounded bg-slate-100 p-3 text-sm dark:bg-slate-800" data-testid="mail-body">
                {m.text}
              </pre>
            </details>
          </li>
        ))}
      </ol>
    </main>
  );
}
