import type * as PanelActions from "@/app/(admin)/panels/actions";

export type PanelsActions = typeof PanelActions;
