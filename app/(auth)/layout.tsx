export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="card w-full max-w-sm p-6">
        <p className="mb-4 text-sm font-semibold tracking-wide text-blue-600 dark:text-blue-400">Dealer Portal</p>
        {children}
      </div>
    </main>
  );
}
