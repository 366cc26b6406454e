// Prints one closing line over every runner: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

let passed = 0,
  failed = 0,
  skipped = 0;
for (const file of [".data/vitest-sqlite.json", ".data/vitest-postgres.json"]) {
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
for (const file of [".data/playwright.json", ".data/playwright-postgres.json"]) {
  if (!existsSync(file)) continue;
  const s = JSON.parse(readFileSync(file, "utf8")).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
