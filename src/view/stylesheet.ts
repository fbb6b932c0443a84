// One stylesheet, mapped from element data (data(color), data(size) …) rather than
// one selector per value; statuses and view states are classes.
import type cytoscape from "cytoscape";

export const graphStylesheet: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)",
      shape: "data(shape)" as cytoscape.Css.NodeShape,
      width: "data(size)",
      height: "data(size)",
      label: "data(label)",
      "font-size": 11,
      "font-family": "system-ui, sans-serif",
      color: "#1b1f24",
      "text-valign": "bottom",
      "text-margin-y": 3,
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
      "min-zoomed-font-size": 7,
      "border-width": 1,
      "border-color": "#ffffff",
    },
  },
  { selector: "node.group-with-members", style: { "border-width": 3, "border-color": "#5D6D7E", "border-style": "double" } },
  {
    selector: "edge",
    style: {
      "curve-style": "bezier",
      "line-color": "data(color)",
      width: "data(width)",
      "target-arrow-color": "data(color)",
      "target-arrow-shape": "none",
      "arrow-scale": 0.9,
      opacity: 0.85,
    },
  },
  { selector: "edge.directed", style: { "target-arrow-shape": "triangle" } },
  { selector: "edge.intended", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
  {
    selector: "edge.denied",
    style: { "line-style": "dotted", opacity: 0.5, "target-arrow-shape": "tee", "mid-target-arrow-shape": "tee", "mid-target-arrow-color": "#6b7280" },
  },
  { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0.2 } },
  { selector: "node.focus", style: { "border-width": 4, "border-color": "#111827", "z-index": 10 } },
  { selector: "edge.focus", style: { opacity: 1, "z-index": 10, "underlay-color": "#facc15", "underlay-opacity": 0.6, "underlay-padding": 3 } },
  { selector: ".on-path", style: { opacity: 1, "z-index": 20, "underlay-color": "#22d3ee", "underlay-opacity": 0.7, "underlay-padding": 4 } },
  { selector: "node.search-hit", style: { "border-width": 4, "border-color": "#f59e0b" } },
];
