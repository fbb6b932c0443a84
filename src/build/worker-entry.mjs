// Entry of a build worker thread: TypeScript is loaded through tsx's loader,
// registered here, so the pool works however the parent was started (the tsx
// CLI, vitest, plain node).
import { register } from "tsx/esm/api";

register();
const mod = await import("./worker.ts");
export default mod.default;
