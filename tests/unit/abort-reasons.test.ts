// The production server formats an abort reason's stack at once (scripts/abort-reasons.mjs), so a
// finished render's cache signal no longer keeps the objects on its stack, and with them other
// requests, alive. Measured in a child process: only there can the test collect garbage itself.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const moduleUrl = new URL(`file://${path.resolve("scripts/abort-reasons.mjs")}`).href;

/** Whether a request-like object that called abort() is still alive once only the signal is kept. */
function receiverRetained(install: boolean): { retained: boolean; reasonKept: boolean; stackNamesCaller: boolean } {
  const script = `
    import { formatAbortReasonStacks } from ${JSON.stringify(moduleUrl)};
    if (${install}) formatAbortReasonStacks();
    const signals = [];
    function render() {
      // As React does when a render completes: abort the cache controller with a new Error,
      // from a method whose receiver holds the request.
      let request = {
        body: new Array(100000).fill("row"),
        finish() {
          const controller = new AbortController();
          controller.abort(new Error("This render completed successfully."));
          signals.push(controller.signal);
        },
      };
      request.finish();
      return new WeakRef(request);
    }
    const ref = render();
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    await tick(); gc(); await tick(); gc();
    const reason = signals[0].reason;
    console.log(JSON.stringify({
      retained: ref.deref() !== undefined,
      reasonKept: reason instanceof Error && reason.message === "This render completed successfully.",
      stackNamesCaller: /finish/.test(reason.stack),
    }));
  `;
  const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
  return JSON.parse(out.trim());
}

describe("abort reasons in the production server", () => {
  it("without the fix, an aborted signal keeps the receivers of its reason's stack alive (the leak it guards against)", () => {
    expect(receiverRetained(false).retained).toBe(true);
  });

  it("with it, the receivers are collected, and the reason and its stack are unchanged", () => {
    expect(receiverRetained(true)).toEqual({ retained: false, reasonKept: true, stackNamesCaller: true });
  });
});
