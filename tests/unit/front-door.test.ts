// The front door (scripts/server.mjs) decides what of a request to trust before Next sees it.
import { describe, expect, it } from "vitest";
import { bodyRefusal, clientIp, maybeServerAction, relayedByProxy, sameOrigin, trustedHops } from "../../scripts/front-door.mjs";

describe("trusted proxies", () => {
  it("trusts none unless TRUST_PROXY says how many", () => {
    expect([undefined, "", "0", "false"].map((v) => trustedHops(v))).toEqual([0, 0, 0, 0]);
    expect([trustedHops("true"), trustedHops("1"), trustedHops("2"), trustedHops("nonsense")]).toEqual([1, 1, 2, 1]);
  });

  it("takes the socket's address and ignores a forged X-Forwarded-For without a trusted proxy", () => {
    expect(clientIp("6.6.6.6", "127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("behind one trusted proxy, takes the address that proxy appended, not what the client wrote before it", () => {
    expect(clientIp("6.6.6.6, 198.51.100.4", "10.0.0.2", 1)).toBe("198.51.100.4");
    expect(clientIp("6.6.6.6, 198.51.100.4, 10.0.0.9", "10.0.0.2", 2)).toBe("198.51.100.4");
    expect(clientIp(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
  });
});

describe("origin of a server action", () => {
  it("must be the configured origin, whatever the Host or X-Forwarded-Host say", () => {
    expect(sameOrigin("https://portal.example.com", "evil.test", "https://portal.example.com")).toBe(true);
    expect(sameOrigin("https://evil.test", "evil.test", "https://portal.example.com")).toBe(false);
    expect(sameOrigin(undefined, "portal.example.com", "https://portal.example.com")).toBe(false);
    expect(sameOrigin("null", "portal.example.com", null)).toBe(false);
  });

  it("without a configured origin, must be the Host it was sent to", () => {
    expect(sameOrigin("http://localhost:3000", "localhost:3000", null)).toBe(true);
    expect(sameOrigin("http://evil.test", "localhost:3000", null)).toBe(false);
  });
});

describe("what may be a server action", () => {
  it("is a POST with the Next-Action header, or a multipart form posted without JavaScript", () => {
    expect(maybeServerAction("POST", { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" })).toBe(true);
    expect(maybeServerAction("POST", { "content-type": "multipart/form-data; boundary=----x" })).toBe(true);
    expect(maybeServerAction("POST", { "content-type": "Multipart/Form-Data; boundary=----x" })).toBe(true);
  });

  it("is not a sign-in form's urlencoded post, a violation report or a GET", () => {
    expect(maybeServerAction("POST", { "content-type": "application/x-www-form-urlencoded" })).toBe(false);
    expect(maybeServerAction("POST", { "content-type": "application/csp-report" })).toBe(false);
    expect(maybeServerAction("GET", { "content-type": "multipart/form-data" })).toBe(false);
  });
});

describe("request bodies", () => {
  it("refuses one over 1 MB with 413 and one without a length with 411", () => {
    expect(bodyRefusal("POST", String(1024 * 1024 + 1), undefined)).toBe(413);
    expect(bodyRefusal("POST", String(1024 * 1024), undefined)).toBeNull();
    expect(bodyRefusal("POST", undefined, "chunked")).toBe(411);
    expect(bodyRefusal("GET", undefined, "chunked")).toBeNull();
  });
});

describe("requests relayed by a proxy", () => {
  it("are those that name a client or a hop", () => {
    for (const name of ["x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host", "x-forwarded-proto", "via"]) expect(relayedByProxy({ host: "localhost:3000", [name]: "x" }), name).toBe(true);
    expect(relayedByProxy({ host: "localhost:3000", "user-agent": "curl/8" })).toBe(false);
  });
});
