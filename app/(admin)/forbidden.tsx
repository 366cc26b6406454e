import { StatusMessage } from "@/components/ui/status-message";

// Inside the console's layout, whose <main> holds it.
export default function Forbidden() {
  return <StatusMessage kind="forbidden" />;
}
