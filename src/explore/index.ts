// Pure view-state logic of the explorer: no React, no drawing.
export * from "./aggregate";
export * from "./filters";
export * from "./search";
export * from "./path";
export * from "./urlState";
export * from "./exportJson";
export * from "./evidenceText";
