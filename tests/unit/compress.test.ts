// The front door's compression (scripts/compress.mjs): gzip made part by part on the server's
// thread. What matters: a browser decodes each part as it arrives, the whole is one valid gzip
// response, and only what should be compressed is.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsGzip, compressResponses, GzipParts } from "../../scripts/compress.mjs";

/** Something like a page: markup that repeats across parts, and numbers that do not. */
function pageText(rows: number) {
  let s = "<!DOCTYPE html><html><body><table>";
  for (let i = 0; i < rows; i++) s += `<tr class="row hover:bg-slate-50"><td class="main">Installer ${i * 7919}</td><td>+1 555 ${(i * 104729) % 10000}</td></tr>`;
  return s + "</table></body></html>";
}

describe("GzipParts", () => {
  it("makes one gzip response of its parts, and each part decodes as soon as it arrives", () => {
    const text = Buffer.from(pageText(400));
    const cuts = [0, 9, 5000, 5001, 30_000, text.length];
    const gzip = new GzipParts(1);
    const sent: Buffer[] = [];
    for (let i = 1; i < cuts.length; i++) {
      sent.push(gzip.part(text.subarray(cuts[i - 1], cuts[i]), i === cuts.length - 1));
      // What a browser can show from the bytes so far: everything written so far.
      const shown = zlib.gunzipSync(Buffer.concat(sent), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      expect(shown.equals(text.subarray(0, cuts[i]))).toBe(true);
    }
    expect(zlib.gunzipSync(Buffer.concat(sent)).equals(text)).toBe(true); // checks the CRC-32 and the length
  });

  it("stays within a few per cent of one gzip of the whole, since each part may refer to the bytes before it", () => {
    const text = Buffer.from(pageText(2000));
    const gzip = new GzipParts(1);
    const parts: Buffer[] = [];
    for (let at = 0; at < text.length; at += 4000) parts.push(gzip.part(text.subarray(at, at + 4000)));
    parts.push(gzip.part(Buffer.alloc(0), true));
    const whole = zlib.gzipSync(text, { level: 1 }).length;
    expect(zlib.gunzipSync(Buffer.concat(parts)).equals(text)).toBe(true);
    expect(Buffer.concat(parts).length).toBeLessThan(whole * 1.1);
  });

  it("ends an empty response as a valid empty gzip", () => {
    expect(zlib.gunzipSync(new GzipParts(1).part(Buffer.alloc(0), true)).length).toBe(0);
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding with its weights", () => {
    expect(["gzip", "br, gzip, deflate", "GZIP;q=0.5", "x-gzip", "*", "br;q=1, *;q=0.1"].map(acceptsGzip)).toEqual([true, true, true, true, true, true]);
    expect([undefined, "", "identity", "br", "gzip;q=0", "*;q=0", "gzip;q=0, *"].map(acceptsGzip)).toEqual([false, false, false, false, false, false, false]);
  });
});

describe("compressResponses", () => {
  type Handler = (req: http.IncomingMessage, res: http.ServerResponse & { flush?: () => void }) => void;
  let handler: Handler = () => undefined;
  let server: http.Server;
  let base = "";
  const compress = compressResponses({ level: 1 });
  beforeAll(async () => {
    server = http.createServer((req, res) => compress(req, res, () => handler(req, res)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** The raw answer (no decoding by the client), and when each piece of it arrived. */
  function get(headers: Record<string, string>, method = "GET", onPiece?: (piece: Buffer) => void) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .request(`${base}/`, { method, headers }, (res) => {
          const pieces: Buffer[] = [];
          res.on("data", (piece: Buffer) => {
            pieces.push(piece);
            onPiece?.(Buffer.concat(pieces));
          });
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(pieces) }));
        })
        .on("error", reject)
        .end();
    });
  }

  it("streams a page: the first part reaches the client, decoded, before the page is finished", async () => {
    let release: () => void = () => undefined;
    const rest = new Promise<void>((resolve) => (release = resolve));
    const giveUp = setTimeout(() => release(), 2000); // the rest is sent anyway, so a page held back fails below instead of hanging
    const first = pageText(50);
    handler = (_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(Buffer.from(first));
      res.flush!();
      void rest.then(() => {
        res.write(new TextEncoder().encode("<p>the rest</p>")); // Next writes Uint8Arrays
        res.flush!();
        res.end();
      });
    };
    let shownEarly = "";
    const answer = await get({ "accept-encoding": "br, gzip" }, "GET", (bytes) => {
      if (!shownEarly) {
        shownEarly = zlib.gunzipSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
        if (shownEarly) release();
      }
    });
    clearTimeout(giveUp);
    expect(shownEarly).toBe(first);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["content-length"]).toBeUndefined();
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(answer.body).toString()).toBe(`${first}<p>the rest</p>`);
  });

  it("sends the body as it is to a client that does not take gzip, still saying it varies", async () => {
    const page = pageText(50);
    handler = (_req, res) => {
      res.setHeader("content-type", "text/html");
      res.setHeader("vary", "rsc");
      res.end(page);
    };
    for (const encoding of ["identity", "br", "gzip;q=0"]) {
      const answer = await get({ "accept-encoding": encoding });
      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(answer.headers.vary).toBe("rsc, Accept-Encoding");
      expect(answer.body.toString()).toBe(page);
    }
  });

  it("compresses a body given whole to end(), with headers given to writeHead, and calls the callbacks", async () => {
    const page = pageText(50);
    let called = 0;
    handler = (_req, res) => {
      res.writeHead(201, { "content-type": "application/json", "content-length": String(Buffer.byteLength(page)) });
      res.write(page.slice(0, 100), "utf8", () => called++);
      res.end(page.slice(100), () => called++);
    };
    const answer = await get({ "accept-encoding": "gzip" });
    expect(answer.status).toBe(201);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["content-length"]).toBeUndefined();
    expect(zlib.gunzipSync(answer.body).toString()).toBe(page);
    expect(called).toBe(2);
  });

  it("leaves alone what must not or need not be compressed", async () => {
    const cases: { name: string; method?: string; handle: Handler; vary: boolean }[] = [
      { name: "small body", vary: true, handle: (_q, r) => (r.setHeader("content-type", "text/plain"), r.end("OK")) },
      { name: "image", vary: false, handle: (_q, r) => (r.setHeader("content-type", "image/png"), r.end(Buffer.alloc(5000, 1))) },
      { name: "already encoded", vary: true, handle: (_q, r) => (r.setHeader("content-type", "text/html"), r.setHeader("content-encoding", "br"), r.end(Buffer.alloc(5000, 1))) },
      { name: "no-transform", vary: true, handle: (_q, r) => (r.setHeader("content-type", "text/html"), r.setHeader("cache-control", "private, no-transform"), r.end(pageText(50))) },
      { name: "304", vary: true, handle: (_q, r) => (r.setHeader("content-type", "text/html"), (r.statusCode = 304), r.end()) },
      { name: "HEAD", method: "HEAD", vary: true, handle: (_q, r) => (r.setHeader("content-type", "text/html"), r.write(pageText(50)), r.end()) },
    ];
    for (const c of cases) {
      handler = c.handle;
      const answer = await get({ "accept-encoding": "gzip" }, c.method);
      expect([c.name, answer.headers["content-encoding"]]).toEqual([c.name, c.name === "already encoded" ? "br" : undefined]);
      expect([c.name, /accept-encoding/i.test(String(answer.headers.vary ?? ""))]).toEqual([c.name, c.vary]);
    }
  });
});
