import type { Metadata } from "next";
import { requireInstaller } from "@/lib/access/page";
import { getInstallerHome } from "@/lib/installer-app/home";
import { SignOutButton } from "@/components/installer-app/sign-out-button";

export const metadata: Metadata = { title: "My panels" };

export default async function InstallerHomePage() {
  const actor = await requireInstaller();
  const home = await getInstallerHome(actor);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-2xl font-semibold">Hello, {home.name}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">Installer for {home.organizationName}</p>
        </div>
        <SignOutButton />
      </div>
      <section className="card" aria-labelledby="my-panels">
        <h2 id="my-panels" className="border-b border-slate-200 px-4 py-3 font-semibold dark:border-slate-800">
          My panels
        </h2>
        {home.panels.length === 0 ? <p className="p-4 text-sm text-slate-500 dark:text-slate-400">No panels are assigned to you yet. Ask your dealer to assign panels.</p> : null}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {home.panels.map((p) => (
            <li key={p.id} className={`flex items-center justify-between px-4 py-3 text-sm ${p.installerAppAccess ? "" : "opacity-70"}`} data-testid="installer-panel">
              <div>
                <p className="font-mono">{p.imei}</p>
                <p className="text-slate-500 dark:text-slate-400">
                  Account code <span className="font-mono">{p.accountCode}</span> · {p.group}
                </p>
              </div>
              {p.installerAppAccess ? (
                <span className="text-emerald-700 dark:text-emerald-400">Available</span>
              ) : (
                <span className="text-amber-700 dark:text-amber-400">Disabled: installer app access is off for this panel</span>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
