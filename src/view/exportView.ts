// Export what is on screen: PNG (cy.png), SVG (cytoscape-svg), or any blob as a download.
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
  return (cy as unknown as { svg(o: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: "#ffffff" });
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
