import { StatusMessage } from "@/components/ui/status-message";

// Inside the customer app's layout, whose <main> holds it.
export default function NotFound() {
  return <StatusMessage kind="notFound" home="/app" homeLabel="Go to My sites" />;
}
