"use client";
// The Radix part of the user menu (components/shell/user-menu.tsx), loaded when it is first opened.
import { signOutAction, signOutOtherSessionsAction } from "@/app/(admin)/actions";
import * as Dropdown from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useActionRunner } from "@/components/ui/use-action-runner";

const ITEM = "block cursor-pointer rounded px-3 py-2 outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-700";

export function RadixUserMenu({ name, email, role, face, trigger }: { name: string; email: string; role: string | null; face: React.ReactNode; trigger: string }) {
  const run = useActionRunner();
  return (
    <Dropdown.Root defaultOpen modal={false}>
      <Dropdown.Trigger className={trigger}>{face}</Dropdown.Trigger>
      <Dropdown.Portal>
        <Dropdown.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-800">
          <div className="px-3 py-2">
            <p className="font-medium">{name}</p>
            <p className="text-slate-500 dark:text-slate-400">{email}</p>
            {role ? <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{role}</p> : null}
          </div>
          <Dropdown.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
          <Dropdown.Item asChild className={ITEM}>
            <Link href="/account/password">Change password</Link>
          </Dropdown.Item>
          <Dropdown.Item asChild className={ITEM}>
            <Link href="/account/mfa">Two-step verification</Link>
          </Dropdown.Item>
          <Dropdown.Item className={ITEM} onSelect={() => void run(() => signOutOtherSessionsAction())}>
            Sign out of all other sessions
          </Dropdown.Item>
          <Dropdown.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
          <Dropdown.Item className={ITEM} onSelect={() => void signOutAction()}>
            Sign out
          </Dropdown.Item>
        </Dropdown.Content>
      </Dropdown.Portal>
    </Dropdown.Root>
  );
}
