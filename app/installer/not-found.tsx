import { StatusMessage } from "@/components/ui/status-message";

// Inside the installer app's layout, whose <main> holds it.
export default function NotFound() {
  return <StatusMessage kind="notFound" home="/installer" homeLabel="Go to the installer app" />;
}
