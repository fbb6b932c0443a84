// "relations between A and B", "the meeting in Ankara between A and B",
// "Qatar mediated between A and B" (the mediator to each side).
import type { TriggerRule } from "./types";

export const betweenRule: TriggerRule = {
  id: "between",
  description: "a trigger followed by 'between/among A and B': both sides, or the mediator to each side",
  run(ctx, { hit, candidates, status }, emit) {
    const { coordinated, subjectBefore } = ctx.structure;
    const { toks, oblique } = ctx;
    const { pattern } = hit;
    const betweenAt = [0, 1, 2, 3]
      .map((g) => hit.last + g)
      .find((k) => (toks[k]?.norm === "between" || toks[k]?.norm === "among") && toks.slice(hit.last, k).every((t) => !t.tags.has("Verb")));
    if (betweenAt === undefined) return false;
    const first = candidates.find((m) => m.first > betweenAt && m.first <= betweenAt + 4);
    if (!first) return false;
    const group = coordinated(toks, candidates, first, +1);
    const mediator = pattern.type === "mediation" ? subjectBefore(toks, candidates, hit.first, oblique) : undefined;
    // "Qatar and Egypt, which have mediated between A and B": each mediator to each side.
    const mediators = mediator ? coordinated(toks, candidates, mediator, -1) : [];
    if (mediator) for (const m of mediators) for (const g of group) emit(m, g, pattern.type, status, true, hit);
    else for (let a = 0; a < group.length; a++) for (let b = a + 1; b < group.length; b++) emit(group[a], group[b], pattern.type, status, false, hit);
    return group.length > 1;
  },
};
