// The typed result every server action returns (client-safe: forms import its types).
import { z } from "../zod";

export type FieldErrors = Record<string, string>;
export type ActionResult<T = undefined> = { ok: true; message?: string; data?: T; warning?: string } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** A rule of the domain refused the change; its message is safe to show. */
export class RuleError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "RuleError";
  }
}

/**
 * A refusal that is also a denial (escalation, another organization's record): shown like a rule's
 * message, and audited by the action builder once the change has rolled back.
 */
export class DeniedError extends RuleError {
  constructor(
    message: string,
    public readonly auditDetail: string,
    fieldErrors?: FieldErrors,
  ) {
    super(message, fieldErrors);
    this.name = "DeniedError";
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

/** The input of an action that takes none (a button, a sign-out form): whatever is sent is ignored. */
export const noInput = z.unknown().transform(() => undefined);
