// The typed result every server action returns, and the one place that maps errors to it.
import { z } from "zod";
import { ForbiddenError, NotFoundError } from "../access/actor";
import { UnauthenticatedError } from "../access/guard";

export type FieldErrors = Record<string, string>;
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T; warning?: string }
  | { ok: false; error: string; fieldErrors?: FieldErrors };

/** A rule of the domain refused the change; its message is safe to show. */
export class RuleError extends Error {
  constructor(message: string, public readonly fieldErrors?: FieldErrors) {
    super(message);
    this.name = "RuleError";
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new RuleError("Check the highlighted fields.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

export async function toResult<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof RuleError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors };
    if (e instanceof UnauthenticatedError || e instanceof ForbiddenError || e instanceof NotFoundError) return { ok: false, error: e.message };
    if (e instanceof Error && /NEXT_REDIRECT|NEXT_NOT_FOUND/.test(e.message)) throw e;
    console.error("[action] unexpected error", e);
    return { ok: false, error: "Something went wrong and nothing was changed. Try again." };
  }
}
