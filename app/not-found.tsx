import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      <p className="text-sm font-semibold text-blue-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">The page does not exist, or you do not have access to it.</p>
      <Link href="/" className="btn-primary mt-6">
        Go to the start page
      </Link>
    </main>
  );
}
