import { redirect } from "next/navigation";

// Auth.js sends its errors here. A failed emailed link belongs to the installer app;
// anything else goes back to the console's sign-in page.
export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { error } = await searchParams;
  if (error === "Verification" || error === "AccessDenied") redirect("/installer/login?error=link");
  redirect("/login");
}
