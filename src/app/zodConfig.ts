// The page's Content-Security-Policy forbids eval: tell zod not to probe for it (its JIT
// compiler is optional). Imported before anything else that may parse with zod.
import { z } from "zod/mini";

z.config({ jitless: true });
