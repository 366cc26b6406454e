import "server-only";
// Chooses how mail leaves: RESEND_API_KEY → Resend; SMTP_HOST → SMTP; an organization's
// saved SMTP settings → SMTP; otherwise none: messages wait in the outbox (shown in the dev mailbox).
import { db } from "../db";
import { readPrepared } from "../db-read";
import { decryptSecret } from "../crypto";
import { checkedSmtpAddress } from "../settings/smtp-host";
import type { Actor } from "../access/actor";
import type { Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { connect as connectTcp, type Socket } from "node:net";
import { trustedHops } from "../../scripts/front-door.mjs";

/** messageId: the same for every attempt of one outbox row (lib/email/outbox.ts messageIdFor). */
export type OutgoingMessage = { to: string; subject: string; html: string; text: string; messageId: string };
export type TransportInfo = { kind: "resend"; source: "environment"; from: string } | { kind: "smtp"; source: "environment" | "settings"; from: string; host: string; port: number } | { kind: "none" };

export interface Transport {
  info: TransportInfo | { kind: "twilio"; from: string };
  send(message: OutgoingMessage): Promise<void>;
}

const DEFAULT_FROM = "Dealer Portal <no-reply@localhost>";

/** A transport configured by the environment applies to every organization. */
export function environmentTransportInfo(): TransportInfo {
  if (process.env.RESEND_API_KEY) return { kind: "resend", source: "environment", from: process.env.EMAIL_FROM || DEFAULT_FROM };
  if (process.env.SMTP_HOST) {
    return { kind: "smtp", source: "environment", from: process.env.SMTP_FROM || process.env.EMAIL_FROM || DEFAULT_FROM, host: process.env.SMTP_HOST, port: Number(process.env.SMTP_PORT || 587) };
  }
  return { kind: "none" };
}

/** Whether the server listens on this machine only (scripts/server.mjs sets PORTAL_BIND_HOST). */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Listening on loopback with no proxy in front: only this machine reaches the server. */
function thisMachineOnly(env: NodeJS.ProcessEnv): boolean {
  return isLoopbackHost(env.PORTAL_BIND_HOST) && !trustedHops(env.TRUST_PROXY);
}

/**
 * The dev mailbox shows one-time codes to anyone who can open it, so it exists only while no
 * transport is configured by the environment and the server listens on loopback with no proxy in
 * front (`npm run demo`, the end-to-end tests), or when DEV_MAILBOX=on asks for it on another
 * binding (warned at start). Behind a proxy (TRUST_PROXY) loopback is reached from anywhere; a
 * request relayed by a proxy that is not declared is refused by the page (lib/email/mailbox.ts).
 * An organization that saved SMTP settings has its messages left out.
 */
export function devMailboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.RESEND_API_KEY || env.SMTP_HOST || env.DEV_MAILBOX === "off") return false;
  return env.DEV_MAILBOX === "on" || thisMachineOnly(env);
}

/** Said in the server log at start when the mailbox is open beyond this machine. */
export function devMailboxWarning(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!devMailboxEnabled(env) || thisMachineOnly(env)) return null;
  return `[mail] WARNING: DEV_MAILBOX=on while the server listens on ${env.PORTAL_BIND_HOST ?? "an unknown address"}${trustedHops(env.TRUST_PROXY) ? " behind a proxy" : ""}: anyone who can reach /dev/mailbox can read every code and reset any account. Configure RESEND_API_KEY or SMTP_HOST instead.`;
}

/**
 * Whether mail can leave for the actor's organization, for the notices of console pages: the
 * environment's transport, or the organization's saved settings as the session's query read them
 * (getActor), so no page load asks the database again (the Settings page reads the settings).
 */
export function emailConfiguredFor(actor: Actor): boolean {
  return environmentTransportInfo().kind !== "none" || !!actor.emailSettingsSaved;
}

/**
 * A provider's "too many requests, wait": neither the message's fault nor an outage. The outbox
 * sends the message again once the wait is over without counting an attempt, and its round waits
 * that long before its next send (lib/email/outbox.ts). Resend allows 2-5 requests a second by
 * default, fewer than a backlog asks for.
 */
export function rateLimited(message: string, retryAfter: string | null | undefined): Error {
  return Object.assign(new Error(message), { retryAfterMs: retryAfterMs(retryAfter) });
}

/** How long a rate-limited send waits, or null when the failure was something else. */
export function rateLimitWaitOf(e: unknown): number | null {
  const wait = typeof e === "object" && e !== null ? (e as { retryAfterMs?: unknown }).retryAfterMs : undefined;
  return typeof wait === "number" ? wait : null;
}

const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** Retry-After as seconds or as an HTTP date; 1 s when absent or unreadable, at most a minute. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number {
  const value = header?.trim() ?? "";
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return 1000;
  return Math.min(Math.max(ms, 100), MAX_RATE_LIMIT_WAIT_MS);
}

/**
 * A failure of Resend's API, with the SMTP error code or reply that says the same thing, so the
 * outbox tells Resend being down (unreachable, 5xx, a spent daily or monthly quota, a refused
 * key: every message fails alike) from Resend refusing one message. Its rate limit is a wait.
 */
export function resendFailure(error: { name: string; message: string; statusCode: number | null }, headers?: Record<string, string> | null): Error {
  if (error.name === "rate_limit_exceeded") return rateLimited(`${error.name}: ${error.message}`, headers?.["retry-after"]);
  const failure = new Error(`${error.name}: ${error.message}`);
  const status = error.statusCode;
  if (status === null) return Object.assign(failure, { code: "ECONNECTION" });
  if (status === 401 || status === 403 || ["missing_api_key", "invalid_api_key", "restricted_api_key"].includes(error.name)) return Object.assign(failure, { code: "EAUTH" });
  if (status >= 500 || status === 429) return Object.assign(failure, { responseCode: 421 });
  return failure;
}

export async function transportFor(organizationId: string | null): Promise<Transport | null> {
  const env = environmentTransportInfo();
  if (env.kind === "resend") {
    const { Resend } = await import("resend");
    const resend = new Resend(process.env.RESEND_API_KEY);
    return {
      info: env,
      async send(m) {
        const { error, headers } = await resend.emails.send({ from: env.from, to: m.to, subject: m.subject, html: m.html, text: m.text, headers: { "Message-ID": m.messageId } });
        if (error) throw resendFailure(error, headers);
      },
    };
  }
  if (env.kind === "smtp") {
    return smtpTransport(env, { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD, secure: process.env.SMTP_SECURE === "true" });
  }
  if (!organizationId) return null;
  const saved = await db.emailSettings.findUnique({ where: { organizationId } });
  if (!saved) return null;
  return smtpTransport(
    { kind: "smtp", source: "settings", from: saved.fromAddress, host: saved.host, port: saved.port },
    { user: saved.username || undefined, pass: saved.passwordEncrypted ? decryptSecret(saved.passwordEncrypted) : undefined, secure: saved.secure },
    true,
  );
}

export async function transportInfoFor(organizationId: string): Promise<TransportInfo> {
  const env = environmentTransportInfo();
  if (env.kind !== "none") return env;
  // Plain SQL: pages ask this on every request, and a Prisma query costs ~1 ms more to build.
  const [saved] = await readPrepared<{
    host: string;
    port: number | bigint;
    fromAddress: string;
  }>`SELECT "host", "port", "fromAddress" FROM "EmailSettings" WHERE "organizationId" = ${organizationId}`;
  return saved ? { kind: "smtp", source: "settings", from: saved.fromAddress, host: saved.host, port: Number(saved.port) } : { kind: "none" };
}

/**
 * Open SMTP connections, one pool per configuration (host, port, credentials), reused across
 * messages and rounds: a backlog goes out over one connection instead of a TCP (and TLS) handshake
 * and greeting per message. Closed at shutdown (closeMailConnections).
 */
const pools = globalThis as unknown as { __smtpPools?: Map<string, Transporter<SMTPPool.SentMessageInfo>> };
const MAX_POOLS = 20;
/** Connections of each pool: as many as the outbox sends at once (a few providers, such as Exchange Online, allow no more than 3). */
export const SMTP_CONNECTIONS = 3;

async function pooledTransporter(options: Omit<SMTPPool.Options, "pool">): Promise<Transporter<SMTPPool.SentMessageInfo>> {
  const map = (pools.__smtpPools ??= new Map<string, Transporter<SMTPPool.SentMessageInfo>>());
  const key = JSON.stringify(options);
  const found = map.get(key);
  if (found) return found;
  const nodemailer = await import("nodemailer");
  // Another send asked for the same pool meanwhile (the outbox sends several at once): share it.
  const made = map.get(key);
  if (made) return made;
  // A connection that drops mid-send fails that send (maxRequeues 0): the outbox decides whether to
  // retry, under its lease; the pool retrying by itself could send it after the lease has ended.
  // (maxRequeues is missing from @types/nodemailer.)
  const poolOptions: SMTPPool.Options & { maxRequeues: number } = { ...options, pool: true, maxConnections: SMTP_CONNECTIONS, maxRequeues: 0, getSocket: connectWithoutDelay };
  const transporter = nodemailer.createTransport(poolOptions);
  transporter.on("error", (e: Error) => console.error("[mail] SMTP connection error", e.message));
  if (map.size >= MAX_POOLS) {
    const [oldest, pool] = map.entries().next().value!;
    map.delete(oldest);
    pool.close();
  }
  map.set(key, transporter);
  return transporter;
}

/**
 * Opens each pooled connection with Nagle's algorithm off. Nodemailer leaves it on, so the end of
 * every message's data waited for the server's delayed acknowledgement (40 ms on Linux, up to
 * 200 ms elsewhere) before the server saw it: a backlog went out at about 20 messages a second
 * even to a server on the same machine (300 in 15 s; 1.9 s with this). Nodemailer still upgrades
 * the socket to TLS when `secure` asks for it, and applies its greeting and socket timeouts.
 */
function connectWithoutDelay(options: SMTPPool.Options, callback: (err: Error | null, socketOptions: { connection: Socket }) => void): void {
  // Handed over while still connecting: nodemailer's own handlers then see a refused or timed-out
  // connection as they would on a socket of their own (the pool loses track of a connection whose
  // getSocket fails, so this never does).
  callback(null, { connection: connectTcp({ host: options.host, port: options.port || (options.secure ? 465 : 587), noDelay: true, keepAlive: true }) });
}

/** Graceful shutdown and the command-line scripts: the pooled connections are closed (QUIT). */
export function closeMailConnections(): void {
  for (const pool of pools.__smtpPools?.values() ?? []) pool.close();
  pools.__smtpPools?.clear();
}

/** `publicOnly`: an organization's settings may only reach public addresses (lib/settings/smtp-host.ts); the environment's are the operator's. */
async function smtpTransport(info: Extract<TransportInfo, { kind: "smtp" }>, auth: { user?: string; pass?: string; secure: boolean }, publicOnly = false): Promise<Transport> {
  return {
    info,
    async send(m) {
      const address = publicOnly ? await checkedSmtpAddress(info.host) : info.host;
      const transporter = await pooledTransporter({
        host: address,
        port: info.port,
        secure: auth.secure,
        // The certificate is checked against the name the admin entered, not the address.
        tls: address !== info.host ? { servername: info.host } : undefined,
        auth: auth.user ? { user: auth.user, pass: auth.pass } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
      await transporter.sendMail({ from: info.from, to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: m.messageId });
    },
  };
}
