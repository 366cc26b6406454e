import "server-only";
// The one way to write a server action: the input's zod schema, the domain function, and what the
// change makes stale. The builder resolves the caller, parses the input (field errors for the
// form), runs the domain function (which checks permission, organization and scope itself),
// revalidates once, and maps the domain's refusals to the typed result. Next's own control flow
// (redirect, notFound, forbidden, unauthorized) passes through untouched.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { ForbiddenError, NotFoundError, type Actor } from "../access/actor";
import { UnauthenticatedError } from "../access/guard";
import { getActor } from "../auth/current";
import { requestIp } from "../auth/session";
import { recordAnonymousDenial, recordAudit } from "../audit/mutations";
import { DeniedError, parseInput, RuleError, type ActionResult } from "./result";

/** What a domain function reports back: a message for the toast, a warning, or data for the caller. */
export type Outcome<T = undefined> = { message?: string; warning?: string; data?: T } | void;

/** A path whose page is stale after the change; `{ layout }` makes everything under it stale. */
export type Stale = string | { layout: string };

type Options = { revalidate?: Stale | Stale[] };

function revalidate(stale: Options["revalidate"]) {
  for (const target of ([] as Stale[]).concat(stale ?? [])) {
    if (typeof target === "string") revalidatePath(target);
    else revalidatePath(target.layout, "layout");
  }
}

/** The id Next gave the action (the Next-Action header), to tell in the audit log which one was called. */
async function actionId(): Promise<string> {
  try {
    return (await headers()).get("next-action")?.slice(0, 64) ?? "(unknown)";
  } catch {
    return "(outside a request)";
  }
}

/** Every denial is audited with the caller's address (permission denials by assertCan, before anything is read). */
async function auditDenial(e: unknown, actor: Actor | null, ip: string | null) {
  try {
    if (e instanceof DeniedError) await recordAudit({ actor, ip, action: "access.denied", outcome: "DENIED", detail: e.auditDetail });
    else if (e instanceof UnauthenticatedError)
      await recordAnonymousDenial({ ip, action: "access.unauthenticated", outcome: "DENIED", detail: `server action ${await actionId()} called without a session` });
    // A record that is not the caller's: missing, or another organization's (which looks missing on purpose).
    else if (e instanceof NotFoundError && actor) await recordAudit({ actor, ip, action: "access.not_found", outcome: "DENIED", detail: `${e.message} (server action ${await actionId()})` });
  } catch (failure) {
    console.error("[action] could not audit a denial", failure);
  }
}

function refusal(e: unknown): ActionResult<never> {
  unstable_rethrow(e);
  if (e instanceof RuleError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors };
  if (e instanceof UnauthenticatedError || e instanceof ForbiddenError || e instanceof NotFoundError) return { ok: false, error: e.message };
  console.error("[action] unexpected error", e);
  return { ok: false, error: "Something went wrong and nothing was changed. Try again." };
}

/** Only what the browser should see: domain functions may return more (ids, counts) for their own callers. */
function toResult<T>(outcome: Outcome<T>): ActionResult<T> {
  if (!outcome) return { ok: true };
  const { message, warning, data } = outcome;
  return { ok: true, message, warning, data };
}

/**
 * A server action of a signed-in area. The actor may be null (signed out, cut off): the domain
 * function refuses it, as it refuses a caller without the permission.
 */
export function action<S extends z.ZodType, T = undefined>(schema: S, run: (actor: Actor | null, input: z.output<S>) => Promise<Outcome<T>>, options: Options = {}) {
  return async (input?: z.input<S>): Promise<ActionResult<T>> => {
    let actor: Actor | null = null;
    try {
      actor = await getActor();
      const parsed = parseInput(schema, input);
      const outcome = await run(actor, parsed);
      revalidate(options.revalidate);
      return toResult(outcome);
    } catch (e) {
      await auditDenial(e, actor, actor?.ip ?? (await requestIp()));
      return refusal(e);
    }
  };
}

/** A server action that works signed out (sign-in, codes, password reset): it gets the request's IP instead of an actor. */
export function publicAction<S extends z.ZodType, T = undefined>(schema: S, run: (input: z.output<S>, request: { ip: string | null }) => Promise<Outcome<T>>, options: Options = {}) {
  return async (input?: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const parsed = parseInput(schema, input);
      const outcome = await run(parsed, { ip: await requestIp() });
      revalidate(options.revalidate);
      return toResult(outcome);
    } catch (e) {
      return refusal(e);
    }
  };
}
