// `npm run db:backup [-- <directory>]`: a consistent copy of DATABASE_URL's database while the app runs
// (default directory .data/backups). See README, "Backups".
import { backupDatabase } from "../lib/backup";
import { databaseUrl } from "../lib/config";

const dir = process.argv[2] || ".data/backups";
backupDatabase(databaseUrl(), dir)
  .then((file) => console.log(`Backup written: ${file}`))
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
