// Waiting until a moment of the wall clock. A timer alone can end before Date.now() reaches that
// moment: Node counts timers on its own monotonic clock in whole milliseconds, and the two clocks'
// milliseconds do not turn over together (on this machine 4-5 of 300 waits of 3 ms ended early).
// The outbox reads the clock after such a wait to decide whether its round's budget is spent.

/** Resolves once Date.now() has reached `time` (at once if it has already). */
export async function pauseUntil(time: number): Promise<void> {
  while (Date.now() < time) await new Promise((resolve) => setTimeout(resolve, time - Date.now()));
}
