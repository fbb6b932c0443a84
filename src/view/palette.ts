// Colours and shapes, one place for the graph stylesheet, the legend and the table.
import type { ActorKind, RelationStatus, RelationType } from "../graph/schema";

/** Colour-blind-aware palette (Okabe–Ito plus two), one colour per relation type. */
export const TYPE_COLORS: Record<RelationType, string> = {
  diplomacy: "#0072B2",
  meeting: "#56B4E9",
  support: "#009E73",
  aid: "#7BC043",
  concession: "#CC79A7",
  mediation: "#9467BD",
  criticism: "#E69F00",
  conflict: "#D55E00",
  affiliation: "#7F7F7F",
};

export const KIND_STYLE: Record<ActorKind, { color: string; shape: string; label: string }> = {
  state: { color: "#2B4C7E", shape: "round-rectangle", label: "State" },
  "armed-group": { color: "#B03A2E", shape: "diamond", label: "Armed group" },
  "political-group": { color: "#6C3483", shape: "hexagon", label: "Political group" },
  organization: { color: "#1E8449", shape: "round-triangle", label: "Organization" },
  person: { color: "#5D6D7E", shape: "ellipse", label: "Person" },
};

export const STATUS_LABEL: Record<RelationStatus, string> = {
  asserted: "said",
  intended: "planned (dashed)",
  denied: "denied (dotted, ⊣)",
};

/** The one vocabulary for statuses, everywhere in the page: said, planned, denied. */
export const STATUS_WORD: Record<RelationStatus, string> = { asserted: "said", intended: "planned", denied: "denied" };

/** Community colours (Tableau 10), the largest community first. */
export const COMMUNITY_COLORS = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"];
