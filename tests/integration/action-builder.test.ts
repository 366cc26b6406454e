// The one action builder: parses, resolves the caller, maps the domain's refusals to the typed
// result, revalidates once on success only, and lets Next's own control flow through.
import { revalidatePath } from "next/cache";
import { forbidden, notFound, redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ForbiddenError, NotFoundError } from "@/lib/access/actor";
import { UnauthenticatedError } from "@/lib/access/guard";
import { action, publicAction } from "@/lib/actions/action";
import { noInput, RuleError } from "@/lib/actions/result";
import { actAs } from "../support/session";

const schema = z.object({ name: z.string().min(1, "Enter a name.") });

describe("action builder", () => {
  beforeEach(() => {
    vi.mocked(revalidatePath).mockClear();
  });

  it("passes the caller and the parsed input, revalidates each stale path once, and returns only message, warning and data", async () => {
    await actAs("admin@demo.test");
    const run = vi.fn(async (actor: { email: string } | null, input: { name: string }) => ({ message: `Saved ${input.name} as ${actor?.email}`, secretId: "internal" }));
    const save = action(schema, run, { revalidate: ["/installers", { layout: "/customers" }] });
    const result = await save({ name: "  Ava" });
    expect(result).toEqual({ ok: true, message: "Saved   Ava as admin@demo.test", warning: undefined, data: undefined });
    expect(run).toHaveBeenCalledTimes(1);
    expect(vi.mocked(revalidatePath).mock.calls).toEqual([["/installers"], ["/customers", "layout"]]);
  });

  it("refuses bad input with field errors, without calling the domain function or revalidating", async () => {
    const run = vi.fn(async () => ({ message: "never" }));
    const result = await action(schema, run, { revalidate: "/x" })({ name: "" } as never);
    expect(result).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { name: "Enter a name." } });
    expect(run).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("maps the domain's refusals to their messages and never revalidates after one", async () => {
    const refusals: Array<[Error, string]> = [
      [new RuleError("Only a customer without sites can be deleted.", { id: "has sites" }), "Only a customer without sites can be deleted."],
      [new ForbiddenError("installers.view"), "You do not have permission to do this."],
      [new NotFoundError("The installer"), "The installer was not found."],
      [new UnauthenticatedError(), "Your session has ended. Sign in again."],
    ];
    for (const [error, message] of refusals) {
      const result = await action(noInput, async () => Promise.reject(error), { revalidate: "/x" })();
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.error).toBe(message);
    }
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("hides an unexpected error behind a generic message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await action(noInput, async () => Promise.reject(new Error("database password is hunter2")))();
    expect(result).toEqual({ ok: false, error: "Something went wrong and nothing was changed. Try again." });
    log.mockRestore();
  });

  it("lets Next's redirect and notFound through, from signed-in and public actions alike", async () => {
    await expect(action(noInput, async () => redirect("/login"))()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    await expect(publicAction(noInput, async () => notFound())()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true"; // as next.config's authInterrupts sets it
    await expect(action(noInput, async () => forbidden())()).rejects.toMatchObject({ digest: expect.stringContaining("403") });
  });

  it("gives public actions the request's IP instead of an actor", async () => {
    const run = vi.fn(async (_input: undefined, request: { ip: string | null }) => ({ message: request.ip ?? "none" }));
    expect(await publicAction(noInput, run)()).toMatchObject({ ok: true, message: "203.0.113.7" });
  });

  it("ignores whatever is sent to an action that takes no input (a form posts FormData)", async () => {
    const run = vi.fn(async (_actor: unknown, input: undefined) => ({ message: String(input) }));
    expect(await action(noInput, run)(new FormData() as never)).toMatchObject({ ok: true, message: "undefined" });
  });
});
