// Which Cytoscape renderer draws the graph: canvas (2D) or its WebGL mode (3.31+).
// Chosen once at start. WebGL needs a hardware GL context to pay off: on a software
// one (SwiftShader, llvmpipe: no GPU) the canvas renderer measured faster (see
// docs/explorer.md), so canvas stays the default and the fallback. `?renderer=`
// canvas|webgl overrides the choice.
export type RendererName = "canvas" | "webgl";

export interface RendererProbe {
  /** `?renderer=` from the address, if any. */
  override: string | null;
  /** The GL renderer string of a WebGL2 context (unmasked when allowed), or null when there is none. */
  glRenderer: string | null;
  cores: number;
}

/** GL renderer strings of software rasterisers: no GPU behind them. */
const SOFTWARE_GL = [/swiftshader/i, /llvmpipe/i, /software/i, /softpipe/i, /microsoft basic render/i, /mesa offscreen/i];

/** One rule per reason, first match wins. */
const RULES: { when: (p: RendererProbe) => boolean; use: RendererName }[] = [
  { when: (p) => p.override === "canvas", use: "canvas" },
  { when: (p) => p.glRenderer === null, use: "canvas" },
  { when: (p) => p.override === "webgl", use: "webgl" },
  { when: (p) => SOFTWARE_GL.some((re) => re.test(p.glRenderer ?? "")), use: "canvas" },
  // A hardware GPU on a small machine (phones, old laptops) still tends to draw faster on WebGL; on a
  // fast machine too. What decides is the GPU, so any hardware GL context with a few cores takes WebGL.
  { when: (p) => p.cores >= 2, use: "webgl" },
];

export function chooseRenderer(probe: RendererProbe): RendererName {
  return RULES.find((r) => r.when(probe))?.use ?? "canvas";
}

/** Looks at this browser: the address override, a WebGL2 context's renderer string, the cores. */
export function probeRenderer(): RendererProbe {
  const override = typeof location !== "undefined" ? new URLSearchParams(location.search).get("renderer") : null;
  let glRenderer: string | null = null;
  try {
    const gl = document.createElement("canvas").getContext("webgl2");
    if (gl) {
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      glRenderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
      gl.getExtension("WEBGL_lose_context")?.loseContext();
    }
  } catch {
    glRenderer = null;
  }
  return { override, glRenderer, cores: typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 1 : 1 };
}
