export function AuthCard({ title, intro, children }: { title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="card mx-auto mt-6 max-w-sm p-6">
      <h1 className="mb-1 text-xl font-semibold">{title}</h1>
      {intro ? <div className="mb-5 text-sm text-slate-600 dark:text-slate-400">{intro}</div> : null}
      {children}
    </div>
  );
}
