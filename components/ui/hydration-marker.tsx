"use client";
import { useEffect } from "react";

/** Marks the page as interactive (used by the end-to-end tests to avoid typing before hydration). */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
