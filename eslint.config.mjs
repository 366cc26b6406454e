import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next/**", "node_modules/**", "test-results/**", "playwright-report/**", ".bench/**", "next-env.d.ts"] },
  {
    // Only lib/ may talk to the database.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/generated/*", "@/lib/db", "@prisma/*"], message: "Data access belongs in lib/<domain>." }] }],
    },
  },
  {
    // Screen parts get data as props and call their route's server actions (its actions.ts, the
    // route's public endpoints) directly; nothing else of app/ is theirs to import.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/generated/*", "@/lib/db", "@prisma/*"], message: "Data access belongs in lib/<domain>." },
            { regex: "^(@/|(\\.\\./)+)app/(?!(.*/)?actions$)", message: "components/ may import a route's actions.ts, nothing else from app/." },
          ],
        },
      ],
    },
  },
  {
    // lib/ is below the routes: it never imports from app/.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(@/|(\\.\\./)+)app/", message: "lib/ must not import from app/." }] }],
      // Prisma's relation count groups the whole child table, every organization's rows, before
      // it joins (0.7-0.8 s for one Panels page at 1,000,000 panels): count with lib/tally.ts.
      "no-restricted-syntax": [
        "error",
        {
          selector: "Property[key.name='_count'] > ObjectExpression > Property[key.name='select']",
          message: "Count children with a groupBy on the page's ids and tally() (lib/tally.ts), not _count: { select }.",
        },
      ],
    },
  },
];
export default config;
