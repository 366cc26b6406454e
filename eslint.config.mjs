import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next/**", "node_modules/**", "test-results/**", "playwright-report/**", ".bench/**", "next-env.d.ts"] },
  {
    // Only lib/ may talk to the database.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/generated/*", "@/lib/db", "@prisma/*"], message: "Data access belongs in lib/<domain>." }] }],
    },
  },
];
export default config;
