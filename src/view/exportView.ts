// Export what is on screen: PNG (cy.png), SVG (cytoscape-svg). Loaded on demand (it brings cytoscape-svg).
import cytoscape from "cytoscape";
import svg from "cytoscape-svg";

let svgRegistered = false;

export function exportPng(cy: cytoscape.Core): Blob {
  return cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" });
}

export function exportSvg(cy: cytoscape.Core): string {
  if (!svgRegistered) {
    cytoscape.use(svg);
    svgRegistered = true;
  }
  // canvas2svg (inside cytoscape-svg) logs "Attempted to apply path command to node
  // text" when cytoscape strokes right after drawing a label; the SVG is still
  // complete and valid, so that one message is kept off the console during export.
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("Attempted to apply path command")) return;
    consoleError(...args);
  };
  try {
    return (cy as unknown as { svg(o: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: "#ffffff" });
  } finally {
    console.error = consoleError;
  }
}

export { downloadBlob } from "./download";
