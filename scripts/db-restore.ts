// `npm run db:restore -- <backup file>`: replaces DATABASE_URL's database with the backup. Stop the app first.
import { restoreDatabase } from "../lib/backup";
import { databaseUrl } from "../lib/config";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore -- <backup file>");
  process.exit(2);
}
restoreDatabase(databaseUrl(), file)
  .then(() => console.log(`Restored ${file} into the database. Start the app again.`))
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
