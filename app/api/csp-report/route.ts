import { eventBudget } from "@/lib/security/budget";
import { toSingleLine } from "@/lib/text";

// Where browsers report Content-Security-Policy violations: logged briefly for the operator, each
// report one line, at most 30 a minute per server (anyone can post here, and a flood of forged
// reports must not fill the log). Nothing is stored, so a flood writes no rows.
const REPORTS_PER_MINUTE = 30;
const reports = eventBudget(REPORTS_PER_MINUTE, 1);

export async function POST(request: Request) {
  const body = (await request.text()).slice(0, 2000);
  const verdict = reports("all");
  if (verdict === "record") console.warn(`[csp] violation reported: ${toSingleLine(body)}`);
  else if (verdict === "notice") console.warn(`[csp] more than ${REPORTS_PER_MINUTE} violation reports this minute: the rest of the minute's are not logged`);
  return new Response(null, { status: 204 });
}
