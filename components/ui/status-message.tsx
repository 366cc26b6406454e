import Link from "next/link";

const STATUS = {
  notFound: { code: "404", tone: "text-blue-600 dark:text-blue-400", title: "Page not found", text: "The page does not exist, or you do not have access to it." },
  forbidden: {
    code: "403",
    tone: "text-red-600 dark:text-red-400",
    title: "Access denied",
    text: "Your role does not include the permission this page needs. Ask an Organization Manager if you need access.",
  },
} as const;

/**
 * The 404 and 403 pages. At the root they are the page's main landmark; inside an area's layout
 * (console, installer app, customer app), which has its own <main>, they are a section of it, and
 * lead back to that area's start page.
 */
export function StatusMessage({ kind, home = "/", homeLabel = "Go to the start page", standalone = false }: { kind: keyof typeof STATUS; home?: string; homeLabel?: string; standalone?: boolean }) {
  const s = STATUS[kind];
  const Tag = standalone ? "main" : "section";
  return (
    <Tag className="mx-auto max-w-lg p-10 text-center" aria-labelledby={`status-${s.code}`}>
      <p className={`text-sm font-semibold ${s.tone}`}>{s.code}</p>
      <h1 id={`status-${s.code}`} className="mt-2 text-2xl font-semibold">
        {s.title}
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{s.text}</p>
      <Link href={home} className="btn-primary mt-6">
        {homeLabel}
      </Link>
    </Tag>
  );
}
