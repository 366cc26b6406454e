// What Settings → Email shows for a failed delivery, and which reasons say the mail server as a
// whole failed (those messages go out as soon as a send succeeds again; lib/email/outbox.ts).
import { describe, expect, it } from "vitest";
import { rateLimitWaitOf, resendFailure, retryAfterMs } from "@/lib/email/transport";
import { deliveryFailureReason, SMTP_SERVER_FAILURES } from "@/lib/settings/smtp-host";

describe("deliveryFailureReason", () => {
  it.each([
    [{ code: "ECONNREFUSED" }, "could not connect", true],
    [{ code: "ETIMEDOUT" }, "could not connect", true],
    [{ code: "EAUTH", responseCode: 535 }, "authentication failed", true],
    [{ code: "EPROTOCOL", responseCode: 421 }, "the mail server is not available", true],
    [{ message: "Reached maximum number of retries after connection was closed" }, "the connection to the mail server was lost", true],
    [{ code: "EENVELOPE", responseCode: 450 }, "the mail server refused the message", false],
    [{ code: "EMESSAGE", responseCode: 552 }, "the mail server refused the message", false],
  ])("%o → %s (the server as a whole: %s)", (error, reason, serverFailure) => {
    expect(deliveryFailureReason(Object.assign(new Error("x"), error))).toBe(reason);
    expect(SMTP_SERVER_FAILURES.includes(reason)).toBe(serverFailure);
  });
});

describe("a failure of Resend's API", () => {
  it.each([
    [{ name: "application_error", message: "Unable to fetch data. The request could not be resolved.", statusCode: null }, "could not connect"],
    [{ name: "internal_server_error", message: "x", statusCode: 500 }, "the mail server is not available"],
    [{ name: "daily_quota_exceeded", message: "x", statusCode: 429 }, "the mail server is not available"],
    [{ name: "monthly_quota_exceeded", message: "x", statusCode: 429 }, "the mail server is not available"],
    [{ name: "invalid_api_key", message: "x", statusCode: 403 }, "authentication failed"],
    [{ name: "validation_error", message: "Invalid `to` field", statusCode: 422 }, "the mail server refused the message"],
  ])("%o → %s", (error, reason) => {
    expect(deliveryFailureReason(resendFailure(error as Parameters<typeof resendFailure>[0]))).toBe(reason);
  });
});

describe("a provider's rate limit", () => {
  it("is a wait for Retry-After, not a failure; a spent quota is a failure", () => {
    expect(rateLimitWaitOf(resendFailure({ name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 }, { "retry-after": "2" }))).toBe(2000);
    expect(rateLimitWaitOf(resendFailure({ name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 }, null))).toBe(1000);
    expect(rateLimitWaitOf(resendFailure({ name: "daily_quota_exceeded", message: "x", statusCode: 429 }, { "retry-after": "2" }))).toBeNull();
    expect(rateLimitWaitOf(Object.assign(new Error("x"), { responseCode: 421 }))).toBeNull();
  });

  it.each([
    ["1", 1000],
    ["0.5", 500],
    ["0", 100],
    ["3600", 60_000],
    ["", 1000],
    [null, 1000],
    ["soon", 1000],
    ["Sun, 06 Dec 2026 10:00:05 GMT", 5000],
  ])("Retry-After %o → waits %i ms", (header, ms) => {
    expect(retryAfterMs(header, Date.parse("Sun, 06 Dec 2026 10:00:00 GMT"))).toBe(ms);
  });
});
