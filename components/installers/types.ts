import type * as InstallerActions from "@/app/(admin)/installers/actions";

export type InstallersActions = typeof InstallerActions;
