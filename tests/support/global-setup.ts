import path from "node:path";
import { migrate } from "../../scripts/migrate";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL || `file:${path.resolve(".data/vitest.db")}`;
  await migrate(url, true);
  process.env.DATABASE_URL = url;
  const { createDb } = await import("../../lib/db");
  const { seedDemo } = await import("../../prisma/seed");
  const db = createDb(url);
  await seedDemo(db);
  await db.$disconnect();
}
