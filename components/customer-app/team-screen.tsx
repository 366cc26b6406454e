"use client";
// My Team (seed 001): a card per person with the downward-arrow menu (Invite, Privileges, Edit,
// Delete) and + ADD USER. The server refuses all of it to anyone but the sites' Site Manager.
import Link from "next/link";
import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { addTeamMemberAction, deleteTeamMemberAction, editTeamMemberAction, inviteTeamMemberAction, teamPrivilegesAction } from "@/app/app/team/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { Field, FormError, Notice } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { Menu } from "@/components/ui/menu";
import { Modal } from "@/components/ui/modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { useActionRunner, useResultToasts } from "@/components/ui/use-action-runner";
import type { MyTeam, TeamPerson } from "@/lib/customer-app/queries";
import { signInDetailsLockedReason, SITE_ROLE_LABEL, splitName, type SiteRoleName } from "@/lib/customer-app/rules";

type Dialog = { kind: "add" } | { kind: "invite" | "privileges" | "edit" | "delete"; person: TeamPerson } | null;

const ROLES: SiteRoleName[] = ["SITE_MANAGER", "SITE_ADMIN", "SITE_MEMBER"];

export function TeamScreen({ team, timeZone }: { team: MyTeam; timeZone: string }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">My Team</h1>
        <button type="button" className="btn-primary" onClick={() => setDialog({ kind: "add" })}>
          + ADD USER
        </button>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">The people of the sites you manage: {team.managedSites.map((s) => s.name).join(", ")}.</p>
      <form role="search" className="flex gap-2" action="/app/team">
        <input type="search" name="q" defaultValue={team.q} aria-label="Search my team" placeholder="Search by name, email or phone" className="input max-w-sm" />
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </form>
      {team.people.length === 0 ? <p className="card p-6 text-center text-sm text-slate-500 dark:text-slate-400">{team.q ? `Nobody matches “${team.q}”.` : "Nobody is on your team yet."}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {team.people.map((p) => (
          <li key={p.id} className="card space-y-2 p-4 text-sm" data-testid="team-card">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-medium">
                  {p.name}
                  {p.isMe ? <span className="text-slate-500 dark:text-slate-400"> (you)</span> : null}
                </p>
                {p.email ? <p className="truncate text-slate-500 dark:text-slate-400">{p.email}</p> : null}
                {p.phoneDisplay ? <p className="text-slate-500 dark:text-slate-400">{p.phoneDisplay}</p> : null}
              </div>
              <Menu
                label={`More options for ${p.name}`}
                trigger="▾"
                items={[
                  { label: "Invite", onSelect: () => setDialog({ kind: "invite", person: p }) },
                  { label: "Privileges", onSelect: () => setDialog({ kind: "privileges", person: p }), disabled: p.isMe },
                  { label: "Edit", onSelect: () => setDialog({ kind: "edit", person: p }) },
                  { label: "Delete", onSelect: () => setDialog({ kind: "delete", person: p }), danger: true, disabled: p.isMe },
                ]}
              />
            </div>
            <p data-testid="invitation-state">
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">{p.state.label}</span>
              {p.state.expiresAt ? (
                <span className="ml-2 inline-flex items-baseline gap-1 text-xs text-slate-500 dark:text-slate-400">
                  {p.state.label === "Expired" ? "expired" : "expires"} <DateTime value={p.state.expiresAt} timeZone={timeZone} />
                </span>
              ) : null}
            </p>
            <ul className="text-slate-600 dark:text-slate-400">
              {p.roles.map((r) => (
                <li key={r.siteId}>
                  {r.site}: {SITE_ROLE_LABEL[r.role]}
                  {r.enabled ? "" : " (access off)"}
                </li>
              ))}
            </ul>
            <Link href={`/app/team/${p.id}`} className="link text-xs">
              Credentials
            </Link>
          </li>
        ))}
      </ul>
      <AddUserModal open={dialog?.kind === "add"} onClose={close} sites={team.managedSites} />
      {dialog && dialog.kind === "invite" ? <InvitationModal person={dialog.person} onClose={close} /> : null}
      {dialog && dialog.kind === "privileges" ? <PrivilegesModal person={dialog.person} sites={team.managedSites} onClose={close} /> : null}
      {dialog && dialog.kind === "edit" ? <EditUserModal person={dialog.person} onClose={close} /> : null}
      {dialog && dialog.kind === "delete" ? <DeleteUserDialog person={dialog.person} onClose={close} /> : null}
    </>
  );
}

function AddUserModal({ open, onClose, sites }: { open: boolean; onClose: () => void; sites: MyTeam["managedSites"] }) {
  const show = useResultToasts();
  const defaults = { firstName: "", lastName: "", email: "", phone: "", mobileAppUser: true, sites: sites.map((s) => ({ siteId: s.id, role: "NONE" as const })) };
  const { form, submit, formError, pending, setFormError } = useActionForm(() => import("@/lib/customer-app/schemas").then((m) => m.addTeamMemberSchema), addTeamMemberAction, {
    defaultValues: defaults,
    onSuccess: (r) => {
      show(r);
      form.reset(defaults);
      onClose();
    },
  });
  const { errors } = form.formState;
  const cancel = () => {
    form.reset(defaults);
    setFormError(null);
    onClose();
  };
  return (
    <FormModal open={open} title="Add user" formId="add-team-member" onSubmit={submit} onClose={cancel} pending={pending}>
      <FormError message={formError} />
      <PersonFields form={form} />
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("mobileAppUser")} />
          Mobile App User
        </label>
        {errors.mobileAppUser?.message ? <p className="text-sm text-red-600 dark:text-red-400">{errors.mobileAppUser.message}</p> : null}
        <p className="text-xs text-slate-500 dark:text-slate-400">A mobile app user gets a mobile invitation, with a code texted to their phone. A Site Manager must be one.</p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Site role</legend>
        {sites.map((s, i) => (
          <label key={s.id} className="flex items-center justify-between gap-3 text-sm">
            <span>{s.name}</span>
            <input type="hidden" {...form.register(`sites.${i}.siteId`)} />
            <select className="input max-w-44" aria-label={`Site role at ${s.name}`} {...form.register(`sites.${i}.role`)}>
              <option value="NONE">No access</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {SITE_ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          </label>
        ))}
        {errors.sites?.message ? <p className="text-sm text-red-600 dark:text-red-400">{errors.sites.message}</p> : null}
      </fieldset>
    </FormModal>
  );
}

function InvitationModal({ person, onClose }: { person: TeamPerson; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/customer-app/schemas").then((m) => m.inviteTeamMemberSchema), inviteTeamMemberAction, {
    defaultValues: { contactId: person.id, method: "mobile", requireSms: true },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const method = form.watch("method");
  return (
    <FormModal title="Invitation" formId="invite-team-member" onSubmit={submit} onClose={onClose} pending={pending} submitLabel="SEND">
      <FormError message={formError} />
      <p className="text-sm">
        Invite {person.name} ({person.email || "no email yet"}). A new invitation replaces the previous one of the same kind.
      </p>
      <fieldset className="space-y-3">
        <legend className="sr-only">How {person.name} joins</legend>
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="mobile" {...form.register("method")} />
            Use a mobile device
          </label>
          {method === "mobile" ? (
            <label className="ml-6 flex items-center gap-2 text-sm">
              <input type="checkbox" {...form.register("requireSms")} />
              Require SMS verification
            </label>
          ) : null}
        </div>
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="web" disabled={!person.webInvitationAllowed} {...form.register("method")} />
            Use a web browser
          </label>
          {!person.webInvitationAllowed ? (
            <p className="ml-6 text-xs text-slate-500 dark:text-slate-400">Offered once {person.name} has received a mobile invitation: the first invitation is always a mobile invitation.</p>
          ) : null}
        </div>
      </fieldset>
    </FormModal>
  );
}

function PrivilegesModal({ person, sites, onClose }: { person: TeamPerson; sites: MyTeam["managedSites"]; onClose: () => void }) {
  const show = useResultToasts();
  // Every site the manager manages: the person's role where they are, "No access" elsewhere (to add them there).
  const rows = sites.map((s) => {
    const r = person.roles.find((x) => x.siteId === s.id);
    return { siteId: s.id, site: s.name, role: r?.role ?? ("NONE" as const), enabled: r?.enabled ?? true, member: !!r };
  });
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/customer-app/schemas").then((m) => m.teamPrivilegesSchema), teamPrivilegesAction, {
    defaultValues: { contactId: person.id, sites: rows.map((r) => ({ siteId: r.siteId, role: r.role, enabled: r.enabled })) },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  return (
    <FormModal title="Privileges" formId="team-privileges" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      <p className="text-sm">{person.name}&apos;s role at each of your sites. Access off: no access at that site, and their credentials there are deactivated.</p>
      {rows.map((r, i) => (
        <div key={r.siteId} className="flex flex-wrap items-center justify-between gap-3 text-sm" data-testid="privileges-site">
          <span className="font-medium">{r.site}</span>
          <div className="flex items-center gap-3">
            <input type="hidden" {...form.register(`sites.${i}.siteId`)} />
            <select className="input max-w-44" aria-label={`Site role at ${r.site}`} {...form.register(`sites.${i}.role`)}>
              {r.member ? null : <option value="NONE">No access</option>}
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {SITE_ROLE_LABEL[role]}
                </option>
              ))}
            </select>
            <label className="flex items-center gap-1">
              <input type="checkbox" role="switch" {...form.register(`sites.${i}.enabled`)} aria-label={`Access at ${r.site}`} />
              Access
            </label>
          </div>
        </div>
      ))}
    </FormModal>
  );
}

function EditUserModal({ person, onClose }: { person: TeamPerson; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/customer-app/schemas").then((m) => m.editTeamMemberSchema), editTeamMemberAction, {
    defaultValues: {
      contactId: person.id,
      ...splitName(person.name),
      email: person.email,
      phone: person.phone,
    },
    edit: true,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  return (
    <FormModal title="Edit user" formId="edit-team-member" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      {person.signInDetailsLocked && <Notice tone="info">{signInDetailsLockedReason(person.name)}</Notice>}
      <PersonFields form={form} signInDetailsLocked={person.signInDetailsLocked} />
    </FormModal>
  );
}

function DeleteUserDialog({ person, onClose }: { person: TeamPerson; onClose: () => void }) {
  const run = useActionRunner();
  const sites = person.roles.map((r) => r.site);
  if (person.keyAccountHolderOf.length) {
    return (
      <Modal
        open
        onOpenChange={(o) => !o && onClose()}
        title="Delete User"
        size="sm"
        footer={
          <button type="button" className="btn-primary" onClick={onClose}>
            OK
          </button>
        }
      >
        <Notice>
          {person.name} is the key account holder of {person.keyAccountHolderOf.join(", ")}. The key account holder cannot be deleted, only edited. Your dealer can name another key account holder.
        </Notice>
      </Modal>
    );
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Delete User"
      danger
      confirmLabel="Delete"
      message={
        <>
          {person.name} loses access to {sites.join(", ")}, and their credentials there are deactivated. Their access to other sites stays. History keeps their name.
        </>
      }
      onConfirm={async () => (await run(() => deleteTeamMemberAction({ contactId: person.id }))).ok}
    />
  );
}

type PersonValues = { firstName: string; lastName: string; email: string; phone: string };

/** The person's own fields, the same in + ADD USER and Edit. */
/** With `signInDetailsLocked`, email and phone are shown but not editable (maySetSignInDetails in lib/customer-app/rules.ts). */
function PersonFields<T extends PersonValues>({ form: typed, signInDetailsLocked = false }: { form: UseFormReturn<T>; signInDetailsLocked?: boolean }) {
  // Both forms hold these four fields; one view of them keeps the markup in one place.
  const form = typed as unknown as UseFormReturn<PersonValues>;
  const { errors } = form.formState;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" error={errors.firstName?.message}>
          {(p) => <input {...p} className="input" autoComplete="off" {...form.register("firstName")} />}
        </Field>
        <Field label="Last name" error={errors.lastName?.message}>
          {(p) => <input {...p} className="input" autoComplete="off" {...form.register("lastName")} />}
        </Field>
      </div>
      <Field label="Email" error={errors.email?.message} hint="The person's username.">
        {(p) => <input {...p} type="email" className="input" autoComplete="off" readOnly={signInDetailsLocked} {...form.register("email")} />}
      </Field>
      <Field label="Mobile phone" error={errors.phone?.message} hint="With the country code if it is not of your site's country.">
        {(p) => <input {...p} type="tel" className="input" autoComplete="off" readOnly={signInDetailsLocked} {...form.register("phone")} />}
      </Field>
    </>
  );
}
