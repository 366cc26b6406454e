"use client";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { useToast } from "./toast";

/** Runs a server action, shows its result as toasts and refreshes the server-rendered page. */
export function useActionRunner() {
  const toast = useToast();
  const router = useRouter();
  return useCallback(
    async <T,>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
      const result = await run();
      if (result.ok) {
        if (result.message) toast("success", result.message);
        if (result.warning) toast("warning", result.warning);
        router.refresh();
      } else {
        toast("error", result.error);
      }
      return result;
    },
    [toast, router],
  );
}

/** Shows the outcome of a form's action (the form shows field errors itself). */
export function useResultToasts() {
  const toast = useToast();
  const router = useRouter();
  return useCallback(
    (result: { message?: string; warning?: string }) => {
      if (result.message) toast("success", result.message);
      if (result.warning) toast("warning", result.warning);
      router.refresh();
    },
    [toast, router],
  );
}
