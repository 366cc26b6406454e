import "server-only";
// Settings → Email must not be a port scanner of the server's own network: an organization's SMTP
// host must be a DNS name or a public address. Names are resolved again at every connection and
// the connection goes to the checked address (so a name cannot be re-pointed inside afterwards).
// SMTP_ALLOW_PRIVATE=1 lifts the rule for a mail relay on a private network.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { RuleError } from "../actions/result";

export const PRIVATE_HOST_MESSAGE = "Use a public SMTP server: loopback, link-local and private network addresses are not allowed.";

export function privateSmtpAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SMTP_ALLOW_PRIVATE === "1" || env.SMTP_ALLOW_PRIVATE === "true";
}

function ipv4Private(ip: string): boolean {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  return (
    a === 0 || // "this" network
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && ip.split(".")[2] === "0") ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast and reserved
  );
}

/** Loopback, link-local, private, unique-local, multicast and unspecified addresses, v4 and v6. */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip);
  if (kind === 4) return ipv4Private(ip);
  if (kind !== 6) return true;
  const v6 = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return ipv4Private(mapped[1]!);
  return v6 === "::" || v6 === "::1" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith("ff");
}

/** At save: an address literal or a name that resolves must be public. A name that does not resolve now is checked at connection. */
export async function assertSmtpHostAllowed(host: string): Promise<void> {
  if (privateSmtpAllowed()) return;
  const refuse = () => new RuleError(PRIVATE_HOST_MESSAGE, { host: PRIVATE_HOST_MESSAGE });
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw refuse();
    return;
  }
  if (host.toLowerCase() === "localhost" || host.toLowerCase().endsWith(".localhost")) throw refuse();
  try {
    const addresses = await lookup(host, { all: true });
    if (addresses.some((a) => isPrivateAddress(a.address))) throw refuse();
  } catch (e) {
    if (e instanceof RuleError) throw e;
  }
}

/** At connection: the address to connect to, or an error when the host resolves to a private one. */
export async function checkedSmtpAddress(host: string): Promise<string> {
  if (privateSmtpAllowed()) return host;
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  if (!addresses.length || addresses.some((a) => isPrivateAddress(a.address))) {
    throw Object.assign(new Error(`SMTP host ${host} resolves to a private address`), { code: "EPRIVATE" });
  }
  return addresses[0]!.address;
}

const SMTP_AUTHENTICATION_FAILED = "authentication failed";
const SMTP_UNREACHABLE = "could not connect";
const SMTP_UNAVAILABLE = "the mail server is not available";
const SMTP_CONNECTION_LOST = "the connection to the mail server was lost";
/**
 * The reasons that say the mail server as a whole failed (unreachable, unavailable, refusing the
 * credentials) rather than refusing one message: a message that failed so goes out as soon as the
 * server is seen working again (lib/email/outbox.ts).
 */
export const SMTP_SERVER_FAILURES = [SMTP_UNREACHABLE, SMTP_UNAVAILABLE, SMTP_CONNECTION_LOST, SMTP_AUTHENTICATION_FAILED];

/** What the admin is told about a failed delivery; the detail goes to the server log only. */
export function deliveryFailureReason(e: unknown): string {
  const code = typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "";
  const responseCode = typeof e === "object" && e !== null ? Number((e as { responseCode?: unknown }).responseCode ?? 0) : 0;
  if (code === "EAUTH" || responseCode === 535 || responseCode === 534) return SMTP_AUTHENTICATION_FAILED;
  if (["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ENOTFOUND", "ECONNREFUSED", "ECONNRESET", "EPRIVATE", "EAI_AGAIN", "ETLS", "EHOSTUNREACH", "ENETUNREACH"].includes(code))
    return SMTP_UNREACHABLE;
  // 421: the server is closing the channel (overloaded, in maintenance), whatever the message.
  if (responseCode === 421) return SMTP_UNAVAILABLE;
  // Nodemailer's pool, when the connection dropped in the middle of a send (its error has no code).
  if (e instanceof Error && /connection was closed/i.test(e.message)) return SMTP_CONNECTION_LOST;
  return "the mail server refused the message";
}
