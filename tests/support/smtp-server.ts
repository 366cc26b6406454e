// An SMTP server on loopback for the tests: the `smtp-server` package (a real implementation, the
// one Nodemailer's authors ship) that accepts every message and keeps what it received.
import { SMTPServer } from "smtp-server";
import type { Socket } from "node:net";

export type TestSmtp = {
  port: number;
  /** Every message received whole, as its raw RFC 5322 text (rejected ones prefixed "REJECTED "). */
  messages: string[];
  /** How many of those arrived over TLS (from the start or after STARTTLS). */
  overTls: () => number;
  /** How many connections the server has taken. */
  connections: () => number;
  /** Stops taking connections and waits for open ones to finish. */
  close: () => Promise<void>;
  /** As if the provider's process died: every open connection is cut at once, mid-message or not. */
  kill: () => Promise<void>;
};

/**
 * `tls`: TLS from the connection's start, or offered by STARTTLS (the package's self-signed
 * certificate). `rejectAuth`: every AUTH gets 535, as from a server refusing the credentials. `rejectFirst`: the
 * first n messages get a temporary 451 after their data. `beforeAccept`: runs (and is awaited)
 * before a message is accepted, e.g. to be slow or to look at the database meanwhile.
 * `greylist`: these recipients get a temporary 450 at RCPT TO, as from a server greylisting them.
 */
export async function startTestSmtp(
  options: { rejectAuth?: boolean; rejectFirst?: number; beforeAccept?: (data: string) => Promise<void> | void; greylist?: string[]; port?: number; tls?: "implicit" | "starttls" } = {},
): Promise<TestSmtp> {
  const messages: string[] = [];
  let rejected = 0;
  const sockets = new Set<Socket>();
  let overTls = 0;
  let connections = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    // Plain loopback unless `tls` asks for TLS from the start (SMTP_SECURE=true, port 465) or for
    // STARTTLS, with the package's own self-signed certificate.
    secure: options.tls === "implicit",
    disabledCommands: options.tls ? [] : ["STARTTLS"],
    closeTimeout: 300,
    disableReverseLookup: true,
    onConnect(session, callback) {
      callback();
    },
    onAuth(_auth, _session, callback) {
      if (options.rejectAuth) return callback(Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 }));
      callback(null, { user: "test" });
    },
    onRcptTo(address, _session, callback) {
      if (options.greylist?.includes(address.address)) return callback(Object.assign(new Error("4.2.0 Greylisted, try again later"), { responseCode: 450 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const received = Buffer.concat(chunks).toString("utf8");
        if (rejected < (options.rejectFirst ?? 0)) {
          rejected++;
          messages.push(`REJECTED ${received}`);
          return callback(Object.assign(new Error("4.3.0 Try again later"), { responseCode: 451 }));
        }
        void Promise.resolve(options.beforeAccept?.(received)).then(() => {
          messages.push(received);
          if (session.secure) overTls++;
          callback(null, "OK queued");
        }, callback);
      });
    },
  });
  // The package's own server socket: kept to cut connections as a crash would.
  server.server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    connections++;
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    messages,
    overTls: () => overTls,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    kill: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
