import { connection } from "next/server";

// A minimal dynamic page: for uptime checks, and the framework floor of `npm run bench`.
export default async function HealthPage() {
  await connection();
  return <p>OK {new Date().toISOString()}</p>;
}
