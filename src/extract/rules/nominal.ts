// Relations stated by a noun and what modifies it: "the al-Qaeda branch known
// as AQAP", "the Russian-Ukrainian war", "the withdrawal of American troops
// from Syria", "Hezbollah, an Iranian ally", "under a Saudi-led blockade".
import type { TriggerRule } from "./types";

export const branchRule: TriggerRule = {
  id: "branch-of",
  description: "an affiliation noun (branch, wing, faction) with a premodifier and a name after it or in apposition",
  run(ctx, { hit, candidates, status, head }, emit) {
    const { appositionHead, namedAfter, premodifier } = ctx.structure;
    const { toks } = ctx;
    if (hit.pattern.type !== "affiliation" || hit.pattern.pos === "verb") return false;
    const org = premodifier(toks, candidates, hit.first);
    if (!org || !ctx.lexicon.words.affiliationNounHeads.has(head)) return true;
    const member = namedAfter(toks, candidates, hit.last, true) ?? appositionHead(toks, candidates, org.first);
    if (member) emit(member, org, "affiliation", status, true, hit);
    return true;
  },
};

export const hyphenPairRule: TriggerRule = {
  id: "hyphen-pair",
  description: "two actors joined by a hyphen before a relation noun: both sides, undirected",
  run(ctx, { hit, candidates, status }, emit) {
    const { hyphenPartner, premodifier } = ctx.structure;
    if (hit.pattern.pos === "verb") return false;
    const pre = premodifier(ctx.toks, candidates, hit.first);
    const pair = pre && hyphenPartner(ctx.toks, candidates, pre);
    if (!pre || !pair) return false;
    emit(pair, pre, hit.pattern.type, status, false, hit);
    return true;
  },
};

export const agentOfRule: TriggerRule = {
  id: "agent-of",
  description: "'the withdrawal of A from B', 'a visit by A to B': the of- or by-phrase names who acts, the next actor the target",
  run(ctx, { hit, candidates, status, symmetric, head }, emit) {
    const { objectAfter } = ctx.structure;
    const { toks, lexicon } = ctx;
    // "the visit by X to Y" states its agent with "by" as well.
    if (!(lexicon.agentOfNouns.has(head) || lexicon.agentOfNouns.has(hit.pattern.lemma)) || !["of", "by"].includes(toks[hit.last]?.norm ?? "")) return false;
    // The agent heads the of/by phrase: "of American troops", "by the Saudi king" — not an actor after another preposition.
    const agent = candidates.find(
      (m) => m.first > hit.last && m.first <= hit.last + 3 && !toks.slice(hit.last + 1, m.first).some((t) => ctx.lexicon.words.prepositions.has(t.norm)),
    );
    // "a visit by officials to X": the agent is named and is no actor, so the clause's subject is not it.
    if (!agent && toks[hit.last].norm === "by") return true;
    const from = agent && objectAfter(toks, candidates, agent.last);
    if (!agent || !from) return false;
    emit(agent, from, hit.pattern.type, status, !symmetric, hit);
    return true;
  },
};

export const roleNounRule: TriggerRule = {
  id: "role-noun",
  description: "a role noun (ally, rival, proxy) with an actor premodifier, in apposition or after a copula: two-sided",
  run(ctx, { hit, candidates, status, head }, emit) {
    const { appositionHead, objectAfter, premodifier, subjectBefore } = ctx.structure;
    const { toks, oblique } = ctx;
    if (hit.pattern.pos === "verb" || !ctx.lexicon.words.roleRelationNouns.has(head)) return false;
    const pre = premodifier(toks, candidates, hit.first);
    if (!pre) return false;
    const obj = objectAfter(toks, candidates, hit.last, true);
    let k = pre.first - 1;
    while (k >= 0 && ctx.lexicon.words.articles.has(toks[k].norm)) k--;
    const copula = k >= 0 && ctx.lexicon.words.copulas.has(toks[k].norm);
    const other = obj ?? appositionHead(toks, candidates, pre.first) ?? (copula ? subjectBefore(toks, candidates, k, oblique) : undefined);
    if (!other) return false;
    // Alliances and rivalries hold both ways.
    emit(other, pre, hit.pattern.type, status, false, hit);
    return true;
  },
};

export const underCompoundRule: TriggerRule = {
  id: "under-compound",
  description: "'X has been under a Saudi-led blockade': the compound's actor does it to the subject",
  run(ctx, { hit, candidates, status, symmetric }, emit) {
    const { objectAfter, premodifier, subjectBefore } = ctx.structure;
    const { toks, oblique } = ctx;
    if (hit.pattern.pos === "verb") return false;
    const pre = premodifier(toks, candidates, hit.first);
    if (!pre || hit.first - pre.last > 2 || !ctx.lexicon.words.underFrame.has(toks[pre.first - 1]?.norm ?? "")) return false;
    if (objectAfter(toks, candidates, hit.last, true)) return false;
    if (!toks.slice(Math.max(0, pre.first - 3), pre.first).some((t) => t.norm === "under")) return false;
    const patient = subjectBefore(toks, candidates, pre.first, oblique);
    if (!patient) return false;
    emit(pre, patient, hit.pattern.type, status, !symmetric, hit);
    return true;
  },
};
