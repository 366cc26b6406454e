"use server";
import { action } from "@/lib/actions/action";
import { setPortalLicences } from "@/lib/logins/mutations";
import { portalLicencesSchema } from "@/lib/logins/schemas";

export const setPortalLicencesAction = action(portalLicencesSchema, setPortalLicences, { revalidate: [{ layout: "/settings" }, { layout: "/logins" }] });
