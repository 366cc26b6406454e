import type { Metadata } from "next";
import { ActivationForm } from "@/components/customer-app/activation-form";
import { AuthCard } from "@/components/installer-app/auth-card";
import { getActivation } from "@/lib/customer-app/invitations";

export const metadata: Metadata = { title: "Activate the mobile app", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

function StoreButtons() {
  return (
    <div className="flex flex-wrap gap-2" aria-label="Download the app">
      <a className="btn-secondary" href="https://apps.apple.com/" rel="noreferrer" target="_blank">
        Download on the App Store
      </a>
      <a className="btn-secondary" href="https://play.google.com/store/apps" rel="noreferrer" target="_blank">
        Get it on Google Play
      </a>
    </div>
  );
}

// The mobile invitation's activation step, opened in the phone's browser from the email.
export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await getActivation(token);
  if (view.state === "invalid" || view.state === "expired") {
    return (
      <AuthCard title="This invitation is not valid">
        <p className="text-sm">
          {view.state === "expired" ? "The invitation has expired." : "The link is incomplete or was replaced by a newer invitation."} Ask your Site Manager to send you a new invitation.
        </p>
      </AuthCard>
    );
  }
  if (view.state === "accepted") {
    return (
      <AuthCard title="Your mobile app is activated">
        <p className="text-sm" role="status">
          Your mobile credential is issued for your sites. Open the app and sign in with your email address.
        </p>
        <StoreButtons />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Activate the mobile app" intro={`Hello ${view.name}. ${view.organizationName} invited you to the mobile app for your sites.`}>
      <div className="space-y-4">
        <p className="text-sm">1. Download the app to this phone.</p>
        <StoreButtons />
        <p className="text-sm">2. Activate it{view.requireSms ? " with the code we text you" : ""}.</p>
        <ActivationForm token={token} requireSms={view.requireSms} phoneEnding={view.phoneEnding} codeSent={!!view.codeSentAt} />
      </div>
    </AuthCard>
  );
}
