import type { Metadata } from "next";
import { PanelGroupsScreen } from "@/components/panels/panel-groups-screen";
import { can } from "@/lib/access/actor";
import { requirePagePermission } from "@/lib/access/page";
import { listPanelGroups } from "@/lib/panels/queries";

export const metadata: Metadata = { title: "Panel groups" };

export default async function PanelGroupsPage() {
  const actor = await requirePagePermission("panels.view");
  return <PanelGroupsScreen groups={await listPanelGroups(actor)} canManage={can(actor, "panelGroups.manage")} />;
}
