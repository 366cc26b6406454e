// Response compression of the front door (scripts/server.mjs): gzip at the fastest level, made on
// the server's own thread, one part for each part of the page that Next writes and flushes.
//
// Why not the `compression` package with its zlib stream: each write and each flush of a zlib
// stream is a round trip through libuv's thread pool (the work queued, a worker woken, the event
// loop woken when it is done), and Next flushes after every part it writes (5-30 a page). With
// that package, gzip cost a response 1.2-2.2 ms against none on this 2-core machine (/health, the
// Installers page with 15 and 200 rows, a search: 4.4 → 5.7, 7.5 → 9.0, 8.8 → 11.0, 9.6 → 11.1 ms).
// Made here, two servers on the same data, requests alternating, medians of 300: 5.90 → 5.51,
// 8.80 → 8.37, 11.99 → 11.09, 11.63 → 11.59 ms; under load with gzip, more requests a second.
//
// How: each part is raw deflate of its bytes, ended by a sync flush (a byte boundary, so the
// browser can show it at once), primed with the last WINDOW bytes before it as the dictionary; the
// parts one after another are one deflate stream, wrapped in one gzip header and trailer (CRC-32
// and length). A part cannot refer further back than the window, so the response is 3-8 % larger
// than one gzip of the whole page (the 15-row page: 8.6 against 8.0 kB; 200 rows 23.2 against 22.4).
// Brotli is not offered: its streams cannot be put together from parts this way, and every browser
// takes gzip.
import zlib from "node:zlib";

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 3]); // deflate, no name or time, fastest, Unix
const WINDOW = 8 * 1024; // primed per part: 8 kB costs ~15 µs, 32 kB ~55 µs, for 3-6 % fewer bytes
const PART = 64 * 1024; // writes without a flush are gathered up to this
const THRESHOLD = 1024; // a body known to be smaller goes as it is
const COMPRESSIBLE = /^\s*(text\/|application\/(json|javascript|x-javascript|xml|manifest\+json|ld\+json)\b|image\/svg\+xml\b)/i;

/** Whether an Accept-Encoding header takes gzip (q-values honoured; `*` counts when gzip is not named). */
export function acceptsGzip(header) {
  if (!header) return false;
  let gzip = null;
  let any = null;
  for (const item of String(header).split(",")) {
    const [name = "", ...params] = item.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name === "gzip" || name === "x-gzip") gzip = weight;
    else if (name === "*") any = weight;
  }
  const weight = gzip ?? any ?? 0;
  return Number.isFinite(weight) && weight > 0;
}

/** A gzip response made of parts; each part's bytes can be decoded as soon as they arrive. */
export class GzipParts {
  #level;
  #window = Buffer.alloc(0);
  #crc = 0;
  #size = 0;
  #started = false;

  constructor(level = 1) {
    this.#level = level;
  }

  /** The compressed bytes of `data`; `last` ends the response (the final block and the trailer). */
  part(data, last = false) {
    const options = { level: this.#level, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH };
    if (this.#window.length) options.dictionary = this.#window;
    const pieces = [];
    if (!this.#started) pieces.push(GZIP_HEADER);
    this.#started = true;
    if (data.length || last) pieces.push(zlib.deflateRawSync(data, options));
    // Not for no bytes: zlib.crc32 of an empty buffer answered 0, not the value given, on Node 20.20.
    if (data.length) this.#crc = zlib.crc32(data, this.#crc);
    this.#size = (this.#size + data.length) % 2 ** 32;
    this.#window = data.length >= WINDOW ? Buffer.from(data.subarray(data.length - WINDOW)) : Buffer.concat([this.#window.subarray(Math.max(0, this.#window.length + data.length - WINDOW)), data]);
    if (last) {
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(this.#crc >>> 0, 0);
      trailer.writeUInt32LE(this.#size, 4);
      pieces.push(trailer);
    }
    return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
  }
}

function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (ArrayBuffer.isView(chunk)) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), encoding);
}

function addVary(res) {
  const vary = res.getHeader("vary");
  if (!vary) res.setHeader("Vary", "Accept-Encoding");
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(String(vary))) res.setHeader("Vary", `${vary}, Accept-Encoding`);
}

/**
 * Middleware (req, res, next): compresses the response with gzip when the client takes it and the
 * body is text of at least THRESHOLD bytes (or of unknown length), not a HEAD, 204 or 304, not
 * already encoded, not marked no-transform. Next's `res.flush()` after each write sends that part.
 */
export function compressResponses({ level = 1 } = {}) {
  return function compress(req, res, next) {
    const write = res.write;
    const end = res.end;
    const writeHead = res.writeHead;
    let gzip = null;
    let finished = false;
    let pending = [];
    let pendingBytes = 0;
    let endLength;

    function decide(statusCode) {
      if (!COMPRESSIBLE.test(String(res.getHeader("content-type") ?? ""))) return;
      addVary(res);
      if (req.method === "HEAD" || statusCode < 200 || statusCode === 204 || statusCode === 304) return;
      if (/(^|,)\s*no-transform\s*(,|$)/i.test(String(res.getHeader("cache-control") ?? ""))) return;
      if (String(res.getHeader("content-encoding") ?? "identity").toLowerCase() !== "identity") return;
      const declared = res.getHeader("content-length");
      const length = declared === undefined ? endLength : Number(declared);
      if (length !== undefined && length < THRESHOLD) return;
      if (!acceptsGzip(req.headers["accept-encoding"])) return;
      gzip = new GzipParts(level);
      res.setHeader("Content-Encoding", "gzip");
      res.removeHeader("Content-Length");
    }

    function sendPending(last, callback) {
      const data = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      if (!data.length && !last) {
        if (callback) process.nextTick(callback);
        return !res.writableNeedDrain;
      }
      const bytes = gzip.part(data, last);
      return last ? end.call(res, bytes, callback) : write.call(res, bytes, callback);
    }

    res.writeHead = function (statusCode, ...rest) {
      // Headers given here count for the decision, as if set before.
      const headersAt = typeof rest[0] === "string" ? 1 : 0;
      const headers = rest[headersAt];
      if (headers && typeof headers === "object" && !Array.isArray(headers)) {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
        rest = rest.slice(0, headersAt);
      }
      if (!this.headersSent) decide(statusCode);
      return writeHead.call(this, statusCode, ...rest);
    };

    res.write = function (chunk, encoding, callback) {
      if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
      if (!this.headersSent) this.writeHead(this.statusCode);
      if (!gzip) return write.call(this, chunk, encoding, callback);
      if (finished) return false;
      const data = toBuffer(chunk, encoding);
      pending.push(data);
      pendingBytes += data.length;
      if (pendingBytes >= PART) return sendPending(false, callback);
      if (callback) process.nextTick(callback);
      return !this.writableNeedDrain;
    };

    // Next calls this after each write: the part written so far goes to the client now.
    res.flush = function () {
      if (gzip && !finished && pendingBytes) sendPending(false);
    };

    res.end = function (chunk, encoding, callback) {
      if (typeof chunk === "function") [callback, chunk, encoding] = [chunk, undefined, undefined];
      else if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
      const data = chunk == null ? null : toBuffer(chunk, encoding);
      if (!this.headersSent) {
        if (this.getHeader("content-length") === undefined) endLength = data?.length ?? 0;
        this.writeHead(this.statusCode);
      }
      if (!gzip) return end.call(this, chunk, encoding, callback);
      if (finished) return this;
      finished = true;
      if (data) {
        pending.push(data);
        pendingBytes += data.length;
      }
      sendPending(true, callback);
      return this;
    };

    next();
  };
}
