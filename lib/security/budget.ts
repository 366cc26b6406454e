// How many of a kind of event a server writes down each minute, where anyone can cause the events
// without signing in (a violation report, a signed-out or cross-origin call): the first `perMinute`
// of a key's minute are written, the next one is written as a notice that the rest of the minute's
// are not, and the rest are dropped. The same rule as the sign-in throttles' first refusal: the
// record says what happened without growing with the flood.

export type Verdict = "record" | "notice" | "drop";
export type BudgetWindow = { startedAt: number; count: number };

/** The verdict on one event at `now`, and the key's window after it (a new one each minute). */
export function admitEvent(window: BudgetWindow | undefined, now: number, perMinute: number): { verdict: Verdict; window: BudgetWindow } {
  const current = !window || now - window.startedAt >= 60_000 || now < window.startedAt ? { startedAt: now, count: 0 } : window;
  const count = current.count + 1;
  const verdict: Verdict = count <= perMinute ? "record" : count === perMinute + 1 ? "notice" : "drop";
  return { verdict, window: { startedAt: current.startedAt, count } };
}

/**
 * A budget of `perMinute` events per key, held in this process. At most `maxKeys` keys are kept:
 * past that, keys whose minute is over are forgotten, and if all are current (a flood from that
 * many addresses) every key is, so memory stays bounded whoever calls.
 */
export function eventBudget(perMinute: number, maxKeys = 10_000) {
  const windows = new Map<string, BudgetWindow>();
  return (key: string, now = Date.now()): Verdict => {
    if (windows.size >= maxKeys && !windows.has(key)) {
      for (const [k, w] of windows) if (now - w.startedAt >= 60_000 || now < w.startedAt) windows.delete(k);
      if (windows.size >= maxKeys) windows.clear();
    }
    const { verdict, window } = admitEvent(windows.get(key), now, perMinute);
    windows.set(key, window);
    return verdict;
  };
}
