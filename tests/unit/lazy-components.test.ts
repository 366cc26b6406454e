// A component loaded with next/dynamic gets a Suspense boundary of its own only with `ssr: false`
// or a `loading` component. Without one, while its code loads it suspends the nearest boundary
// above it, the page's loading state: the first time a form modal opened, the whole screen was
// hidden for a moment and the keyboard focus left the button that opened it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("components loaded on demand", () => {
  const calls = ["app", "components"].flatMap(sourceFiles).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\bdynamic\(([\s\S]*?)\);/g)].map((m) => ({ file, call: m[1]! })));

  it("are found (the check below is not vacuous)", () => {
    expect(calls.length).toBeGreaterThanOrEqual(10);
  });

  it("each have a Suspense boundary of their own", () => {
    const unbounded = calls.filter(({ call }) => !/\bssr:\s*false\b|\bloading:/.test(call)).map(({ file, call }) => `${file}: dynamic(${call.slice(0, 80)}…)`);
    expect(unbounded).toEqual([]);
  });
});
