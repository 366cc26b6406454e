"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Tells the server the viewer's time zone once, so dates render in it. */
export function TimeZoneCookie({ current }: { current: string | undefined }) {
  const router = useRouter();
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && tz !== current) {
      document.cookie = `tz=${encodeURIComponent(tz)}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    }
  }, [current, router]);
  return null;
}
