// One stylesheet, mapped from element data (data(color), data(size) …) rather than
// one selector per value; statuses and view states are classes. Labels are drawn
// only on nodes with the "labelled" class (src/view/labels.ts decides which), at a
// font size in model units that labels.ts keeps constant on screen.
import type cytoscape from "cytoscape";

export function makeStylesheet(dark = false): cytoscape.StylesheetJson {
  const text = dark ? "#e5e7eb" : "#111827";
  const halo = dark ? "#111418" : "#ffffff";
  return [
    {
      selector: "node",
      style: {
        "background-color": "data(color)",
        shape: "data(shape)" as cytoscape.Css.NodeShape,
        width: "data(size)",
        height: "data(size)",
        label: "",
        "font-family": "system-ui, sans-serif",
        color: text,
        "text-valign": "bottom",
        "text-outline-color": halo,
        "text-outline-opacity": 0.9,
        "border-width": 1,
        "border-color": halo,
      },
    },
    {
      selector: "node.labelled",
      style: {
        label: "data(label)",
        "font-size": "data(fontSize)",
        "text-outline-width": "data(outline)" as unknown as number,
        "text-margin-y": "data(margin)" as unknown as number,
        "min-zoomed-font-size": 0,
      },
    },
    { selector: "node.label-top", style: { "text-valign": "top", "text-margin-y": "data(negMargin)" as unknown as number } },
    { selector: "node.label-right", style: { "text-valign": "center", "text-halign": "right", "text-margin-y": 0, "text-margin-x": "data(margin)" as unknown as number } },
    { selector: "node.label-left", style: { "text-valign": "center", "text-halign": "left", "text-margin-y": 0, "text-margin-x": "data(negMargin)" as unknown as number } },
    { selector: "node.group-with-members", style: { "border-width": 3, "border-color": "#5D6D7E", "border-style": "double" } },
    // Neighbours not drawn yet (a large graph's first view): a dashed ring; "+N more" grows it.
    { selector: "node.has-more", style: { "border-width": 2, "border-style": "dashed", "border-color": dark ? "#9ca3af" : "#4b5563" } },
    {
      selector: "edge",
      style: {
        "curve-style": "bezier",
        "line-color": "data(color)",
        width: "data(width)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "none",
        "arrow-scale": 1,
        opacity: "data(opacity)" as unknown as number,
      },
    },
    { selector: "edge.directed", style: { "target-arrow-shape": "triangle" } },
    { selector: "edge.intended", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
    {
      selector: "edge.denied",
      style: { "line-style": "dotted", opacity: 0.5, "target-arrow-shape": "tee", "mid-target-arrow-shape": "tee", "mid-target-arrow-color": "#6b7280" },
    },
    { selector: "edge.disputed", style: { "mid-target-arrow-shape": "diamond", "mid-target-arrow-color": dark ? "#fca5a5" : "#991b1b", "mid-target-arrow-fill": "hollow" } },
    { selector: ".faded", style: { opacity: 0.1, "text-opacity": 0.25 } },
    { selector: "node.search-hit", style: { "border-width": 4, "border-color": "#f59e0b" } },
    { selector: "node.focus", style: { "border-width": 4, "border-color": dark ? "#f9fafb" : "#111827", "z-index": 10 } },
    { selector: "edge.focus", style: { opacity: 1, "z-index": 10, "underlay-color": "#facc15", "underlay-opacity": 0.6, "underlay-padding": 3 } },
    { selector: ".on-path", style: { opacity: 1, "z-index": 20, "underlay-color": "#22d3ee", "underlay-opacity": 0.7, "underlay-padding": 4 } },
    { selector: "edge.hover", style: { opacity: 1, "z-index": 30, "underlay-color": dark ? "#f9fafb" : "#111827", "underlay-opacity": 0.25, "underlay-padding": 5 } },
    { selector: "node.hover", style: { "border-width": 3, "border-color": dark ? "#f9fafb" : "#111827" } },
    // What comes from added articles (src/app/addedMarks.ts): an amber halo. In the stylesheet from the start, so
    // marking them is a class change, never a restyle of every element (and a dark-mode switch keeps it).
    { selector: "node.added", style: { "underlay-color": "#f59e0b", "underlay-opacity": 0.45, "underlay-padding": 6, "underlay-shape": "ellipse" } as cytoscape.Css.Node },
    { selector: "edge.added", style: { "underlay-color": "#f59e0b", "underlay-opacity": 0.35, "underlay-padding": 3 } as cytoscape.Css.Edge },
  ];
}

export const graphStylesheet: cytoscape.StylesheetJson = makeStylesheet(false);
