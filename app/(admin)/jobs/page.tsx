import type { Metadata } from "next";
import { JobsScreen } from "@/components/jobs/jobs-screen";
import { requirePagePermission } from "@/lib/access/page";
import type { SearchParams } from "@/lib/grid";
import { listJobs } from "@/lib/jobs/queries";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("jobs.view");
  return <JobsScreen data={await listJobs(actor, await searchParams)} />;
}
