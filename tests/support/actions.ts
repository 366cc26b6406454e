import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export type ActionRef = { id: string; file: string; name: string; fn: (...args: unknown[]) => Promise<unknown> };

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (entry === "actions.ts") out.push(full);
  }
  return out;
}

/** Every exported server action of the app, named "<route dir>:<export>". */
export async function allServerActions(): Promise<ActionRef[]> {
  const refs: ActionRef[] = [];
  for (const file of walk(path.resolve("app")).sort()) {
    const mod = (await import(file)) as Record<string, unknown>;
    const route = path.relative(path.resolve("app"), path.dirname(file)) || ".";
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") refs.push({ id: `${route}:${name}`, file, name, fn: value as ActionRef["fn"] });
    }
  }
  return refs;
}
