// Entry of a build worker thread: TypeScript is loaded through tsx's loader,
// registered here, so the pool works however the parent was started (the tsx
// CLI, vitest, plain node).
import { register as registerHooks } from "node:module";
import { register } from "tsx/esm/api";

register();
// compromise as its one-file build (see resolve-hooks.mjs).
registerHooks("./resolve-hooks.mjs", import.meta.url);
const mod = await import("./worker.ts");
export default mod.default;
