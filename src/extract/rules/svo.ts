// Subject–trigger–object: the actor doing it (a possessive or premodifier of
// a noun trigger, else the clause's subject) and the actors it is done to
// (the object in the same clause), with coordinated lists on both sides.
import type { TriggerPattern } from "../lexicon";
import type { SentenceContext, TriggerHit, TriggerRule } from "./types";

export const svoRule: TriggerRule = {
  id: "svo",
  description: "subject (or possessive/premodifier of a noun trigger) to object, each side possibly a coordinated list",
  run(ctx, { hit, candidates, status, symmetric }, emit) {
    const { coordinated, coordinatedVerbStart, leadingPhraseSubject, objectAfter, premodifier, resolveNamedAs, subjectBefore } = ctx.structure;
    const { toks, oblique } = ctx;
    const { pattern } = hit;
    const pre = pattern.pos === "verb" ? undefined : premodifier(toks, candidates, hit.first);
    // "condemned the attack on X": an event named as another verb's object has no agent in the clause's subject.
    if (!pre && pattern.pos !== "verb" && governedByVerbTrigger(ctx, hit)) return true;
    const subj = pre ?? subjectBefore(toks, candidates, coordinatedVerbStart(toks, hit.first), oblique) ?? leadingPhraseSubject(toks, candidates, hit.first, oblique);
    const sources = subj ? (pre ? [pre] : coordinated(toks, candidates, subj, -1)) : [];
    const obj = objectAfter(toks, candidates, hit.last, pattern.pos !== "verb");
    const targets = obj ? coordinated(toks, candidates, resolveNamedAs(toks, candidates, obj), +1) : [];
    if (!sources.length || !targets.length) return false;
    for (const s of sources) for (const t of targets) emit(s, t, pattern.type, status, !symmetric, hit);
    return true;
  },
};

/**
 * Types a coordinated subject can hold with each other when there is no object:
 * "A and B met" (symmetric), "A and B restored ties", "A and B signed a pact".
 */
const mutualType = (symmetric: boolean, pattern: TriggerPattern) => symmetric || pattern.type === "diplomacy" || pattern.mutual === true;

/** "A and B met": a coordinated subject and no object, for the types that hold between the subjects. */
export const mutualRule: TriggerRule = {
  id: "mutual-subjects",
  description: "a symmetric trigger whose subject is a coordinated list: each pair, undirected",
  run(ctx, { hit, candidates, status, symmetric }, emit) {
    const { coordinated, coordinatedVerbStart, premodifier, subjectBefore } = ctx.structure;
    const { toks, oblique } = ctx;
    // "A and B deepened their partnership": a pronoun premodifier stands for the subjects themselves.
    const pre = hit.pattern.pos !== "verb" ? premodifier(toks, candidates, hit.first) : undefined;
    if (!mutualType(symmetric, hit.pattern) || (pre && pre.mode !== "pronoun")) return false;
    const subj = subjectBefore(toks, candidates, coordinatedVerbStart(toks, hit.first), oblique);
    if (!subj) return false;
    // The trigger in the subject's own clause: "A and B, …, relations" is another clause.
    if (toks.slice(subj.last, hit.first).some((t) => t.norm === "," || t.norm === ";")) return false;
    const sources = coordinated(toks, candidates, subj, -1);
    for (let a = 0; a < sources.length; a++) for (let b = a + 1; b < sources.length; b++) emit(sources[a], sources[b], hit.pattern.type, status, false, hit);
    return sources.length > 1;
  },
};

/** "'We will meet X,' said Y": the speaker is the subject when the clause has none. */
export const quotedWeRule: TriggerRule = {
  id: "quoted-we",
  description: "'we' in a quote before the trigger stands for the quote's speaker",
  run(ctx, { hit, candidates, status, symmetric }, emit) {
    const { coordinated, coordinatedVerbStart, firstPersonBefore, objectAfter, resolveNamedAs, subjectBefore } = ctx.structure;
    const { toks, speaker } = ctx;
    if (!speaker || !firstPersonBefore(toks, hit.first)) return false;
    if (subjectBefore(toks, candidates, coordinatedVerbStart(toks, hit.first), ctx.oblique)) return false;
    const obj = objectAfter(toks, candidates, hit.last, hit.pattern.pos !== "verb");
    if (!obj) return false;
    for (const t of coordinated(toks, candidates, resolveNamedAs(toks, candidates, obj), +1)) emit(speaker, t, hit.pattern.type, status, !symmetric, hit);
    return true;
  },
};

/** A noun trigger that is the object of a verb trigger of another type right before it ("condemned the attack"). */
function governedByVerbTrigger(ctx: SentenceContext, hit: TriggerHit): boolean {
  return ctx.triggers.some(
    (t) =>
      t !== hit &&
      t.pattern.pos === "verb" &&
      t.last <= hit.first &&
      hit.first - t.last <= 3 &&
      t.pattern.type !== hit.pattern.type &&
      !ctx.mentions.some((m) => m.first >= t.last && m.first < hit.first) &&
      // "accused of providing assistance": another verb between makes the noun its object, not the trigger's.
      !ctx.toks.slice(t.last, hit.first).some((x) => x.tags.has("Verb")),
  );
}
