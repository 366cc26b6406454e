"use client";
import dynamic from "next/dynamic";
import { DateTime } from "@/components/ui/date-time";
import {
  activateSiteAction,
  addToExistingGroupAction,
  addToNewGroupAction,
  moveToExistingGroupAction,
  regenerateCredentialsAction,
  removeFromGroupAction,
  requestInstallerModeAction,
} from "@/app/(admin)/sites/actions";
import Link from "next/link";
import { useState } from "react";
import { Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError, Notice } from "@/components/ui/field";
import { Menu } from "@/components/ui/menu";
import { Modal } from "@/components/ui/modal";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { CREDENTIAL_TYPE_LABEL, SITE_ROLE_LABEL } from "@/lib/customer-app/rules";
import { CREDENTIAL_MENU_LABEL, WARNINGS, type CredentialMenuItem } from "@/lib/sites/rules";
import type { SiteDetails } from "@/lib/sites/queries";
import { SiteContacts } from "./site-contacts";
import { InstallerModeBadge, SiteStatusBadge } from "./site-status";

// Opened on demand: its form (and react-hook-form) loads with it, not with the page; `ssr: false`
// gives it a Suspense boundary of its own, so the page does not show its loading state meanwhile.
const SiteFormModal = dynamic(() => import("./site-form-modal").then((m) => m.SiteFormModal), { ssr: false });

/** "1 h 59 min": what is left of the customer's Installer Mode. */
function timeLeft(until: Date): string {
  const minutes = Math.max(0, Math.round((new Date(until).getTime() - Date.now()) / 60_000));
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

export function SitePage({ site }: { site: SiteDetails }) {
  const run = useActionRunner();
  const [editing, setEditing] = useState(false);
  const [lightbox, setLightbox] = useState<{ item: CredentialMenuItem; refusal: string | null } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(key: string, fn: () => ReturnType<typeof activateSiteAction>) {
    setBusy(key);
    await run(fn);
    setBusy(null);
  }

  return (
    <div className="space-y-4">
      <div>
        <Link href="/sites" className="link text-sm">
          Sites
        </Link>
        <h1 className="text-2xl font-semibold" data-testid="site-title">
          {site.name}
          {site.credentialGroup ? <span className="text-slate-500 dark:text-slate-400"> · {site.credentialGroup.name}</span> : null}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/customers/${site.customer.id}`} className="link">
            {site.customer.name}
          </Link>{" "}
          · {site.address} · {site.timeZone}
        </p>
      </div>

      <div className="card flex flex-wrap items-center gap-x-6 gap-y-3 p-4 text-sm">
        <span>
          Status <SiteStatusBadge status={site.status} />
        </span>
        <span>
          Installer Mode <InstallerModeBadge on={site.installerMode} />
          {site.installerMode ? (
            <span className="ml-1 text-slate-600 dark:text-slate-400" data-testid="installer-mode-until" suppressHydrationWarning>
              {site.installerModeUntil ? (
                <>
                  until <DateTime value={site.installerModeUntil} timeZone={site.timeZone} /> ({timeLeft(site.installerModeUntil)} left)
                </>
              ) : (
                "until the customer turns it off"
              )}
            </span>
          ) : null}
        </span>
        <span data-testid="config-version">Configuration version {site.configVersion}</span>
        <span>Key account holder: {site.keyAccountHolder ? `${site.keyAccountHolder.name} (${site.keyAccountHolder.email})` : "none"}</span>
        <span className="ml-auto flex flex-wrap gap-2">
          {site.permissions.manage ? (
            <button type="button" className="btn-secondary" onClick={() => setEditing(true)}>
              Edit site
            </button>
          ) : null}
          {site.permissions.activate && site.status === "NOT_ACTIVATED" ? (
            <button type="button" className="btn-primary" disabled={!!busy} aria-busy={busy === "activate"} onClick={() => act("activate", () => activateSiteAction({ siteId: site.id }))}>
              {busy === "activate" ? <Spinner /> : null}
              Activate site
            </button>
          ) : null}
          {site.permissions.requestInstallerMode && site.status === "ACTIVE" && !site.installerMode ? (
            <button type="button" className="btn-secondary" disabled={!!busy} aria-busy={busy === "request"} onClick={() => act("request", () => requestInstallerModeAction({ siteId: site.id }))}>
              {busy === "request" ? <Spinner /> : null}
              Request Installer Mode
            </button>
          ) : null}
          <Menu
            label="Credentials ▾"
            trigger="Credentials ▾"
            triggerClassName="btn-secondary"
            items={site.menu.map((m) => ({ label: CREDENTIAL_MENU_LABEL[m.item], onSelect: () => setLightbox(m) }))}
          />
        </span>
      </div>

      {site.status === "ACTIVE" && !site.installerMode ? <Notice>This site is active and read-only in the console until the customer turns Installer Mode on.</Notice> : null}

      {site.credentialGroup ? (
        <p className="text-sm">
          In the credential group{" "}
          <Link href={`/sites/credential-groups/${site.credentialGroup.id}`} className="link">
            {site.credentialGroup.name}
          </Link>{" "}
          with {site.credentialGroup.sites.length} site(s); {site.credentialGroup.sites.filter((s) => s.installerMode).length} in Installer Mode.
        </p>
      ) : (
        <p className="text-sm">Standalone site (not in a credential group).</p>
      )}

      <section className="card" aria-labelledby="people-heading">
        <h2 id="people-heading" className="border-b border-slate-200 px-4 py-3 font-semibold dark:border-slate-800">
          People with access
        </h2>
        {site.people.length === 0 ? <p className="p-4 text-sm text-slate-500 dark:text-slate-400">Nobody has access to this site yet.</p> : null}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {site.people.map((p) => (
            <li key={p.id} className="px-4 py-3 text-sm" data-testid="site-person">
              <p className="font-medium">
                {p.name}{" "}
                <span className="font-normal text-slate-500 dark:text-slate-400">
                  · {SITE_ROLE_LABEL[p.role]} · {p.email}
                </span>
              </p>
              <ul className="mt-1 space-y-0.5" aria-label={`Credentials of ${p.name}`}>
                {p.credentials.length === 0 ? <li className="text-slate-500 dark:text-slate-400">No credentials</li> : null}
                {p.credentials.map((c) => (
                  <li key={c.id} data-testid="credential" className={c.status === "ACTIVE" ? "" : "text-slate-500 dark:text-slate-400 line-through decoration-slate-400"}>
                    {CREDENTIAL_TYPE_LABEL[c.type]} · {c.scope} · {c.status === "ACTIVE" ? "Active" : "Deactivated"}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      {site.permissions.manageContacts ? <SiteContacts site={site} /> : null}

      <section className="card" aria-labelledby="site-panels">
        <h2 id="site-panels" className="border-b border-slate-200 px-4 py-3 font-semibold dark:border-slate-800">
          Panels
        </h2>
        {site.panels.length === 0 ? <p className="p-4 text-sm text-slate-500 dark:text-slate-400">No panels you can see are installed at this site.</p> : null}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {site.panels.map((p) => (
            <li key={p.id} className="px-4 py-2 font-mono text-sm">
              {p.imei} · {p.accountCode} <span className="font-sans text-slate-500 dark:text-slate-400">· {p.group}</span>
            </li>
          ))}
        </ul>
      </section>

      {editing ? (
        <SiteFormModal
          site={{
            id: site.id,
            customerId: site.customer.id,
            name: site.name,
            address: site.address,
            country: site.country,
            timeZone: site.timeZone,
            keyAccountHolderId: site.keyAccountHolderId ?? "",
          }}
          customer={site.customer}
          contacts={site.customerContacts}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {lightbox ? <CredentialsLightbox site={site} item={lightbox.item} refusal={lightbox.refusal} onClose={() => setLightbox(null)} /> : null}
    </div>
  );
}

/** Choose or name the group, NEXT, then the warning with OK / CANCEL. */
function CredentialsLightbox({ site, item, refusal, onClose }: { site: SiteDetails; item: CredentialMenuItem; refusal: string | null; onClose: () => void }) {
  const run = useActionRunner();
  const [step, setStep] = useState<1 | 2>(1);
  const [name, setName] = useState("");
  const [groupId, setGroupId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const needsName = item === "addToNewGroup";
  const needsGroup = item === "addToExistingGroup" || item === "moveToExistingGroup";

  function next() {
    if (needsName && !name.trim()) return setError("Enter a name for the group.");
    if (needsGroup && !groupId) return setError("Select a credential group.");
    setError(null);
    setStep(2);
  }

  async function ok() {
    setPending(true);
    const call = {
      addToNewGroup: () => addToNewGroupAction({ siteId: site.id, name }),
      addToExistingGroup: () => addToExistingGroupAction({ siteId: site.id, groupId }),
      moveToExistingGroup: () => moveToExistingGroupAction({ siteId: site.id, groupId }),
      removeFromGroup: () => removeFromGroupAction({ siteId: site.id }),
      regenerate: () => regenerateCredentialsAction({ siteId: site.id }),
    }[item];
    const r = await run(call);
    setPending(false);
    if (r.ok) onClose();
    else setError(r.error);
  }

  return (
    <Modal
      open
      onOpenChange={(o) => !o && !pending && onClose()}
      title={CREDENTIAL_MENU_LABEL[item]}
      footer={
        <>
          <button type="button" className="btn-secondary" onClick={onClose} disabled={pending}>
            CANCEL
          </button>
          {step === 1 ? (
            <button type="button" className="btn-primary" onClick={next} disabled={!!refusal}>
              NEXT
            </button>
          ) : (
            <button type="button" className="btn-primary" onClick={ok} disabled={pending} aria-busy={pending}>
              {pending ? <Spinner /> : null}
              OK
            </button>
          )}
        </>
      }
    >
      <div className="space-y-4">
        {refusal ? <FormError message={refusal} /> : <FormError message={error} />}
        {step === 1 ? (
          <>
            {needsName ? <Field label="Group name">{(p) => <input {...p} className="input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}</Field> : null}
            {needsGroup ? (
              <Field label="Credential group" hint="A group can be changed only while at least one of its sites is in Installer Mode (or not yet activated).">
                {(p) => (
                  <select {...p} className="input" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
                    <option value="">Select a credential group</option>
                    {site.otherGroups.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.name} ({g.sites} sites, {g.inInstallerMode} in Installer Mode)
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            {!needsName && !needsGroup ? (
              <p className="text-sm">{item === "removeFromGroup" ? `Remove ${site.name} from ${site.credentialGroup?.name}.` : `Issue new credentials for everyone with access to ${site.name}.`}</p>
            ) : null}
          </>
        ) : (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            <strong>WARNING:</strong> {WARNINGS[item]}
          </div>
        )}
      </div>
    </Modal>
  );
}
