import type { Metadata } from "next";
import { AgentsScreen } from "@/components/logins/agents-screen";
import { requirePagePermission } from "@/lib/access/page";
import { listAgents } from "@/lib/logins/queries";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  const actor = await requirePagePermission("logins.view");
  return <AgentsScreen data={await listAgents(actor)} />;
}
