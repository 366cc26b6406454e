import "server-only";
// The SMS channel of the outbox: Twilio's REST API when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and
// TWILIO_FROM are set (TWILIO_API_URL points it at a stand-in in tests); otherwise texts wait,
// like email, and are visible in the dev mailbox. Plain fetch: one POST does not need Twilio's SDK.
import { rateLimited, type Transport } from "./transport";

export type TwilioConfig = { accountSid: string; authToken: string; from: string; apiUrl: string };

export function twilioConfig(env: NodeJS.ProcessEnv = process.env): TwilioConfig | null {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from } = env;
  if (!accountSid || !authToken || !from) return null;
  return { accountSid, authToken, from, apiUrl: (env.TWILIO_API_URL || "https://api.twilio.com").replace(/\/$/, "") };
}

export function smsTransport(config = twilioConfig()): Transport | null {
  if (!config) return null;
  return {
    info: { kind: "twilio", from: config.from },
    async send(m) {
      const response = await fetch(`${config.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`, {
        method: "POST",
        headers: {
          Authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ To: m.to, From: config.from, Body: m.text }),
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) {
        const detail = (await response.json().catch(() => null)) as { code?: number; message?: string } | null;
        const message = `Twilio refused the message (HTTP ${response.status}${detail?.code ? `, error ${detail.code}` : ""}): ${detail?.message ?? response.statusText}`;
        // Too many requests (error 20429): a wait, not a failure (lib/email/outbox.ts).
        if (response.status === 429) throw Object.assign(rateLimited(message, response.headers.get("retry-after")), { status: 429 });
        throw Object.assign(new Error(message), { status: response.status });
      }
    },
  };
}
