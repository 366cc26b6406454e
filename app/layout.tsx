import type { Metadata } from "next";
import { cookies } from "next/headers";
import { HydrationMarker } from "@/components/ui/hydration-marker";
import { ToastProvider } from "@/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dealer Portal", template: "%s · Dealer Portal" },
  description: "Installers, employees, panels, customers and sites of a security dealer.",
  icons: { icon: "/icon.svg" },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = (await cookies()).get("theme")?.value === "dark" ? "dark" : "light";
  return (
    <html lang="en" className={theme === "dark" ? "dark" : ""} data-theme={theme}>
      <body className="min-h-screen font-sans">
        <ToastProvider>{children}</ToastProvider>
        <HydrationMarker />
      </body>
    </html>
  );
}
