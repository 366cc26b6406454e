import type { Metadata } from "next";
import { MfaScreen } from "@/components/account/mfa-screen";
import { requireEmployee } from "@/lib/access/page";
import { mfaStatus, startMfaEnrolment } from "@/lib/auth/mfa";

export const metadata: Metadata = { title: "Two-step verification" };

export default async function MfaPage() {
  const actor = await requireEmployee({ duringMfaSetup: true });
  const status = await mfaStatus(actor);
  // Until a first code confirms it, every visit shows a new key.
  const enrolment = status.enrolled ? null : await startMfaEnrolment(actor);
  return (
    <div className="max-w-lg space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Two-step verification</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">For {actor.email}: a code from an authenticator app after your password.</p>
      </div>
      <MfaScreen status={status} enrolment={enrolment ? { secret: enrolment.secret, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString("base64")}` } : null} />
    </div>
  );
}
