// zod, configured once: schemas import z from here, never from "zod" directly.
// zod compiles object parsers with new Function() when the page allows it, and its probe for that
// is a Content-Security-Policy violation (the policy forbids eval). The config must be set before
// any object schema is built, hence this module.
import { z } from "zod";

z.config({ jitless: true });

export { z };
