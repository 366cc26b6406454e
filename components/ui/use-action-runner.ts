"use client";
// One refresh per mutation: a server action that changes data revalidates its paths, and Next
// sends the fresh page back in the action's own response. Nothing here refreshes again.
import { useCallback } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { useToast } from "./toast";

/** Shows the outcome of an action as toasts: its message, its warning, or its error. */
export function useResultToasts() {
  const toast = useToast();
  return useCallback(
    (result: ActionResult<unknown>) => {
      if (!result.ok) return toast("error", result.error);
      if (result.message) toast("success", result.message);
      if (result.warning) toast("warning", result.warning);
    },
    [toast],
  );
}

/** Runs a server action and shows its result as toasts. */
export function useActionRunner() {
  const show = useResultToasts();
  return useCallback(
    async <T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
      const result = await run();
      show(result);
      return result;
    },
    [show],
  );
}
