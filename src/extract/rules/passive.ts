// Passives: "was mediated by Qatar", "a delegation led by X". Without a
// by-agent the doer is unknown ("has been accused of"), so no relation.
import type { TriggerRule } from "./types";

export const passiveRule: TriggerRule = {
  id: "passive-agent",
  description: "a past participle after 'be' or before 'by': the by-agent is the source, the phrase before it the target",
  run(ctx, { hit, candidates, status, symmetric }, emit) {
    const { coordinated } = ctx.structure;
    const { toks } = ctx;
    const { pattern } = hit;
    if (pattern.pos !== "verb") return false;
    const participle = /ed$/.test(toks[hit.first].norm) || toks[hit.first].tags.has("Participle") || toks[hit.first].tags.has("PastTense");
    const byAgent = toks[hit.last]?.norm === "by" ? candidates.find((m) => m.first === hit.last + 1 || m.first === hit.last + 2) : undefined;
    const beBefore =
      hit.first > 0 &&
      (ctx.lexicon.words.passiveAuxiliaries.has(toks[hit.first - 1].norm) ||
        (ctx.lexicon.words.passiveAuxiliaries.has(toks[hit.first - 2]?.norm ?? "") && /ly$/.test(toks[hit.first - 1].norm)));
    const passive = participle && (beBefore || byAgent !== undefined) && toks[hit.first].norm !== pattern.lemma;
    if (!passive) return false;
    if (!byAgent) return true;
    const sources = coordinated(toks, candidates, byAgent, +1);
    const patient = [...candidates].reverse().find((m) => m.last <= hit.first && !m.compound && hit.first - m.last <= 8);
    const targets = patient ? coordinated(toks, candidates, patient, -1) : [];
    for (const s of sources) for (const t of targets) emit(s, t, pattern.type, status, !symmetric, hit);
    return true;
  },
};
