// Module resolution hook for the command-line scripts (migrate, seed, bench, mail delivery).
// They run outside Next.js, on the server by definition, so lib/'s `import "server-only"` (which
// throws outside a React Server environment) resolves to an empty module here.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}
