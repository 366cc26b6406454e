// Why the server formats the stack of an abort reason at once.
//
// V8 keeps an Error's stack unformatted until `.stack` is first read, and the unformatted frames
// hold the receiver of each call. React ends every server render by aborting its cacheController
// with a new Error, made inside a setImmediate callback: that Error's frames hold the Immediate,
// which Node leaves linked to the other Immediates of its batch, each holding the async context of
// the request that scheduled it (Next's request store, with the request, the response and the
// session). One long-lived object made during a request (Prisma's last closed transactions, a pool's
// socket) then keeps a chain of past requests alive, and the chain grows with the load: under the
// "smith" search on PostgreSQL, what survives a full collection climbed from 60 to 135 MB in two
// minutes (1,254 requests retained). Formatting the stack drops the frames and so the chain.
//
// Whoever reads the reason later gets the same stack; formatting it costs a few microseconds, once
// per render.

let installed = false;

/** Makes AbortController#abort format an Error reason's stack before the signal keeps it. */
export function formatAbortReasonStacks() {
  if (installed) return;
  installed = true;
  const abort = AbortController.prototype.abort;
  Object.defineProperty(AbortController.prototype, "abort", {
    ...Object.getOwnPropertyDescriptor(AbortController.prototype, "abort"),
    value: function abortWithFormattedReason(reason) {
      if (reason instanceof Error) void reason.stack;
      return abort.call(this, reason);
    },
  });
}
