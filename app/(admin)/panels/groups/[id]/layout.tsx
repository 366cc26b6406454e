import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/access/actor";
import { requirePagePermission } from "@/lib/access/page";
import { getPanelGroup } from "@/lib/panels/queries";

// A group the role cannot see is a 404; checked here, outside the page's loading boundary.
export default async function PanelGroupLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("panels.view");
  await getPanelGroup(actor, (await params).id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return children;
}
