// Where a sign-in goes next comes from the query string (?next=…): it must stay on this site.
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/schemas";

describe("safeNextPath", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeNextPath("/installers?size=200&q=smith#top", "/")).toBe("/installers?size=200&q=smith#top");
    expect(safeNextPath("/app/sites", "/app")).toBe("/app/sites");
  });

  it("falls back for another site however it is written", () => {
    for (const next of ["https://evil.test/", "//evil.test", "/\\evil.test", "/\t/evil.test", "/\n/evil.test", "/\r\n/evil.test", "\t//evil.test", "javascript:alert(1)", "evil.test"]) {
      expect(safeNextPath(next, "/"), JSON.stringify(next)).toBe("/");
    }
  });

  it("never returns a path that a browser would read as another host", () => {
    for (const next of ["/.//evil.test", "/a/..//evil.test", "/%2e//evil.test"]) {
      const path = safeNextPath(next, "/");
      expect(path.startsWith("//") || path.startsWith("/\\"), `${JSON.stringify(next)} → ${path}`).toBe(false);
      expect(new URL(path, "http://portal.test").host).toBe("portal.test");
    }
  });

  it("falls back when there is none", () => {
    expect(safeNextPath(undefined, "/app")).toBe("/app");
    expect(safeNextPath("", "/app")).toBe("/app");
  });
});
