// "the Saudi-backed Yemeni government" → support(Saudi Arabia → Yemen).
import type { SentenceRule } from "./types";

export const compoundParticipleRule: SentenceRule = {
  id: "compound-participle",
  description: "an actor hyphenated to a participle (-backed, -funded, -brokered) before the actor it describes",
  run(ctx, emit) {
    const { toks, usable } = ctx;
    for (const m of usable) {
      if (!m.compound) continue;
      const part = toks[m.last + 1];
      const rel = part && ctx.lexicon.compoundParticiples.get(part.norm);
      if (!rel || rel === "represents") continue;
      const head = usable.find((x) => x.first > m.last + 1 && x.first <= m.last + 4);
      if (!head || head.actor === m.actor) continue;
      emit(m, head, rel, "asserted", true, { first: m.last, last: m.last + 2 });
    }
  },
};
