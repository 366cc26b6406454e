import type { Metadata } from "next";

export const metadata: Metadata = { title: { default: "Customer app", template: "%s · Customer app" } };

export default function CustomerAppLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
        <span className="font-semibold text-blue-600 dark:text-blue-400">Customer app</span>
      </header>
      <main className="mx-auto max-w-3xl p-4 md:p-6">{children}</main>
    </div>
  );
}
