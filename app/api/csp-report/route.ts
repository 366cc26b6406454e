// Where browsers report Content-Security-Policy violations: logged (briefly) for the operator.
// Nothing is stored, so an anonymous flood of reports writes no rows.
export async function POST(request: Request) {
  const body = (await request.text()).slice(0, 2000);
  console.warn("[csp] violation reported:", body.replace(/[\r\n]+/g, " "));
  return new Response(null, { status: 204 });
}
