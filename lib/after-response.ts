import "server-only";
// Work that must not change how long the response takes (equal timing for existing and missing
// accounts): Next runs it after the response is sent. Outside a request (scripts, tests) it runs
// at once, so its effects can still be checked.
export async function afterResponse(work: () => Promise<void>): Promise<void> {
  const run = () => work().catch((e) => console.error("[after-response] failed", e));
  try {
    const { after } = await import("next/server");
    after(run);
  } catch {
    await run();
  }
}
