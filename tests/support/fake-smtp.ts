// A minimal SMTP server on loopback that accepts every message and keeps what it received.
import { createServer, type Server } from "node:net";

export type FakeSmtp = { port: number; messages: string[]; close: () => Promise<void> };

/**
 * `rejectAuth`: every AUTH gets 535, as from a server refusing the credentials. `rejectFirst`: the
 * first n messages get a temporary 451 after their data. `beforeAccept`: runs (and is awaited)
 * before a message is accepted, e.g. to be slow or to look at the database meanwhile.
 */
export async function startFakeSmtp(options: { rejectAuth?: boolean; rejectFirst?: number; beforeAccept?: (data: string) => Promise<void> | void; port?: number } = {}): Promise<FakeSmtp> {
  const messages: string[] = [];
  let rejected = 0;
  const server: Server = createServer((socket) => {
    let inData = false;
    let data = "";
    let buffer = "";
    socket.write("220 fake.smtp ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let i: number;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            const received = data;
            data = "";
            if (rejected < (options.rejectFirst ?? 0)) {
              rejected++;
              messages.push(`REJECTED ${received}`);
              socket.write("451 4.3.0 Try again later\r\n");
              continue;
            }
            void Promise.resolve(options.beforeAccept?.(received)).then(() => {
              messages.push(received);
              socket.write("250 OK queued\r\n");
            });
          } else data += `${line}\r\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-fake.smtp\r\n250 AUTH PLAIN LOGIN\r\n");
        else if (verb === "HELO") socket.write("250 fake.smtp\r\n");
        else if (verb === "AUTH") socket.write(options.rejectAuth ? "535 5.7.8 Authentication credentials invalid\r\n" : "235 2.7.0 Authentication successful\r\n");
        else if (verb === "DATA") {
          inData = true;
          socket.write("354 End data with <CR><LF>.<CR><LF>\r\n");
        } else if (verb === "QUIT") socket.end("221 Bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
  });
  await new Promise<void>((r) => server.listen(options.port ?? 0, "127.0.0.1", () => r()));
  return { port: (server.address() as { port: number }).port, messages, close: () => new Promise((r) => server.close(() => r())) };
}
