// Derives the two provider schemas from prisma/models.prisma.
// `--check` fails when a committed schema differs from what would be derived.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const models = readFileSync("prisma/models.prisma", "utf8");
const header = (provider, url, output) => `// GENERATED from prisma/models.prisma by scripts/prisma-schema.mjs. Do not edit.
generator client {
  provider   = "prisma-client"
  output     = "${output}"
  engineType = "client"
}

datasource db {
  provider = "${provider}"
  url      = "${url}"
}

`;
const targets = [
  { path: "prisma/schema.prisma", text: header("sqlite", "file:./dev.db", "../lib/generated/sqlite") + models },
  { path: "prisma/postgres/schema.prisma", text: header("postgresql", "postgresql://localhost:5432/dealer", "../../lib/generated/postgres") + models },
];
const check = process.argv.includes("--check");
let stale = false;
for (const t of targets) {
  if (check) {
    let current = "";
    try {
      current = readFileSync(t.path, "utf8");
    } catch {}
    if (current !== t.text) {
      console.error(`${t.path} is out of date: run node scripts/prisma-schema.mjs`);
      stale = true;
    }
  } else {
    mkdirSync(t.path.replace(/\/[^/]+$/, ""), { recursive: true });
    writeFileSync(t.path, t.text);
  }
}
process.exit(stale ? 1 : 0);
