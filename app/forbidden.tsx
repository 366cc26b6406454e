import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      <p className="text-sm font-semibold text-red-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Access denied</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Your role does not include the permission this page needs. Ask an Organization Manager if you need access.</p>
      <Link href="/" className="btn-primary mt-6">
        Go to the start page
      </Link>
    </main>
  );
}
