import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/headers";

describe("Content-Security-Policy", () => {
  it("allows scripts only by the request's nonce, never eval in production, and no framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("lets next dev's refresh use eval, and upgrades requests behind HTTPS", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toContain("upgrade-insecure-requests");
  });
});
