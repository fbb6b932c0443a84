// The structure layer the relation rules read: who is the subject of a
// trigger, its object, coordinated lists, prepositional (oblique) phrases,
// appositions, premodifiers and the clause a trigger stands in. Works on our
// tokens with compromise's tags; pure functions of one sentence.
import type { RelationStatus } from "../graph/schema";
import { matchAt, type Lexicon } from "./lexicon";
import type { Mention } from "./mentions";
import type { Token } from "./text";

/** The structure functions for one lexicon: its word classes decide clause edges, prepositions, coordination. */
export type Structure = ReturnType<typeof createStructure>;

const structures = new WeakMap<Lexicon, Structure>();

/** The structure functions of a lexicon, built once. */
export function structureOf(lexicon: Lexicon): Structure {
  let s = structures.get(lexicon);
  if (!s) {
    s = createStructure(lexicon);
    structures.set(lexicon, s);
  }
  return s;
}

function createStructure(lexicon: Lexicon) {
  const w = lexicon.words;

  /** Denied if a negation stands close before the trigger or a denial verb governs its clause; intended on a wish, plan or possibility cue. */
  function statusOf(toks: Token[], norms: string[], hit: { first: number; last: number }): RelationStatus {
    const clauseStart = clauseStartBefore(toks, hit.first);
    // An indirect question or a condition over the trigger ("asked whether X ruled out talks",
    // "if Y agrees to meet"): the relation is a possibility, neither stated nor denied.
    for (let k = clauseStart; k < hit.first; k++) if (w.questionMarkers.has(norms[k]) || w.conditionMarkers.has(norms[k])) return "intended";
    for (let k = Math.max(clauseStart, hit.first - lexicon.negationWindow); k < hit.first; k++) {
      if (lexicon.negationWords.has(norms[k]) || norms[k].endsWith("n't")) return "denied";
    }
    // A denial verb anywhere earlier in the sentence governs what it reports:
    // "denied reports that X met Y".
    for (let k = 0; k < hit.first; k++) {
      const cue = matchAt(lexicon.denialCues, norms, k);
      if (cue && k + cue.words.length <= hit.first) {
        // …unless a contrastive clause boundary intervenes.
        if (!norms.slice(k + cue.words.length, hit.first).some((x) => w.contrastBoundaries.has(x))) return "denied";
      }
    }
    for (let k = Math.max(clauseStart, hit.first - lexicon.intentionWindow); k < hit.first; k++) {
      const cue = matchAt(lexicon.intentionCues, norms, k);
      if (cue) return "intended";
    }
    // "…to establish relations" after a cue that ends the previous clause is
    // handled above; a bare "to" before a verb trigger reads as purpose.
    return "asserted";
  }

  function clauseStartBefore(toks: Token[], i: number): number {
    for (let k = i - 1; k >= 0; k--) {
      const n = toks[k].norm;
      if (w.clauseBoundaries.has(n)) return k + 1;
      if (n === "," && w.clauseOpenersAfterComma.has(toks[k + 1]?.norm ?? "")) return k + 1;
      // "Although X did not agree, Y attacked Z": a leading subordinate clause ends at its comma.
      if (n === "," && leadingSubordinate(toks, k)) return k + 1;
    }
    return 0;
  }

  /** The comma at k closes a subordinate clause that opens the sentence ("Although …, ", "If …, "). */
  function leadingSubordinate(toks: Token[], k: number): boolean {
    const opener = toks[0]?.norm ?? "";
    if (!(w.subordinators.has(opener) || w.conditionMarkers.has(opener) || w.temporalConjunctions.has(opener))) return false;
    for (let j = 1; j < k; j++) if (toks[j].norm === ",") return false;
    return true;
  }

  /**
   * Mentions that are objects of a preposition ("with the US", "in China and the
   * UAE"): members of a coordinated list share the preposition of its first member.
   */
  function obliqueMentions(toks: Token[], mentions: Mention[]): Set<Mention> {
    const out = new Set<Mention>();
    const sorted = [...mentions].sort((a, b) => a.first - b.first);
    const norms = toks.map((t) => t.norm);
    for (const m of sorted) {
      const prev = toks[m.first - 1];
      // "Leaders of X", "officials of X" stand for X.
      // …and so do "security forces in X", "authorities in X".
      const headOf =
        (prev?.norm === "of" || prev?.norm === "in") &&
        m.first >= 2 &&
        [1, 2].some((len) => {
          const h = matchAt(lexicon.institutionalHeads, norms, m.first - 1 - len) ?? matchAt(lexicon.roles, norms, m.first - 1 - len);
          // Plural heads only: "the spokeswoman of X" is a person, named nearby.
          return h?.words.length === len && /s$/.test(norms[m.first - 2]) && (m.first - 1 - len === 0 || w.headOfOpeners.has(norms[m.first - 2 - len]));
        });
      // "After Taliban fighters captured X": a conjunction opening a clause, not a preposition.
      const clauseSubject = w.temporalConjunctions.has(prev?.norm ?? "") && verbAfter(toks, m.last);
      if (prev && w.prepositions.has(prev.norm) && prev.norm !== "by" && !headOf && !clauseSubject) {
        for (const c of coordinated(toks, sorted, m, +1)) out.add(c);
      }
    }
    return out;
  }

  /** The actor doing the action: the nearest mention to the left that is not the object of a preposition. */
  function subjectBefore(toks: Token[], mentions: Mention[], i: number, oblique: Set<Mention>): Mention | undefined {
    // "X, which/who …": the relative pronoun stands for the phrase before the comma.
    for (let k = i - 1; k >= 1; k--) {
      const n = toks[k].norm;
      if (w.relativePronouns.has(n) && toks[k - 1].norm === ",") {
        const m = [...mentions].reverse().find((x) => x.last <= k - 1 && k - 1 - x.last <= 2);
        if (m) return m;
        break;
      }
      if (n === ";" || n === ":") break;
    }
    // A subordinate clause opened by "where"/"when"/… has its own subject, and
    // so does what a reporting verb reports: in "X said Y met Z" X only states it.
    let floor = 0;
    for (let k = i - 1; k >= 0; k--)
      if (w.subordinators.has(toks[k].norm) || reportingVerbAt(toks, k)) {
        floor = k + 1;
        break;
      }
    // "they need to provide …" with "they" unresolved: the subject is unknown, not an actor further back.
    const pronoun = unresolvedSubjectPronoun(toks, mentions, i, floor);
    if (pronoun >= 0) floor = Math.max(floor, pronoun + 1);
    const before = mentions.filter((m) => m.last <= i && m.first >= floor && (!m.compound || representsCompound(toks, m))).reverse();
    if (pronoun >= 0 && before.length === 0) return undefined;
    for (const m of before) {
      // "called on Israel to allow aid": the infinitive's subject is the one called on.
      if (oblique.has(m) && toks[m.last]?.norm === "to" && i - m.last <= 3 && w.controlPrepositions.has(toks[m.first - 1]?.norm ?? "")) return m;
      if (oblique.has(m)) continue;
      // A possessive modifies a noun; it is the subject only with nothing after it ("the group's fighters" is not).
      if (m.possessive && !isDirectlyBefore(toks, m, i)) continue;
      // Mentions inside a parenthesis belong to another actor.
      if (m.first > 0 && toks[m.first - 1].norm === "(") continue;
      return m;
    }
    return undefined;
  }

  /** A finite verb at i, adverbs skipped: "X successfully captured". */
  function verbAfter(toks: Token[], i: number): boolean {
    let k = i;
    while (k < toks.length && /ly$/.test(toks[k].norm) && !toks[k].tags.has("Verb")) k++;
    return !!toks[k]?.tags.has("Verb") && !toks[k].tags.has("Noun");
  }

  /** Index of a subject pronoun that no mention stands for, between floor and i and after the last mention; -1 if none. */
  function unresolvedSubjectPronoun(toks: Token[], mentions: Mention[], i: number, floor: number): number {
    for (let k = i - 1; k >= floor; k--) {
      if (mentions.some((m) => m.first <= k && k < m.last)) return -1;
      if (w.subjectPronouns.has(toks[k].norm) && verbAfter(toks, k + 1)) return k;
    }
    return -1;
  }

  /** A verb that opens what someone states: "Iran said …", "announced that …" (not "announced a suspension"). */
  function reportingVerbAt(toks: Token[], k: number): boolean {
    const t = toks[k];
    if (t.capitalized || (t.tags.has("Noun") && !t.tags.has("Verb"))) return false;
    if (w.reportingVerbs.has(t.norm)) return true;
    if (!w.announcingVerbs.has(t.norm)) return false;
    for (let j = k + 1; j < Math.min(toks.length, k + 5); j++) {
      if (toks[j].norm === "that" || w.clauseSubjectPronouns.has(toks[j].norm)) return true;
      if (toks[j].capitalized && j === k + 1) return true;
    }
    return false;
  }

  /** "X praised Y but criticized Z": a verb after "and"/"but" shares the subject of the verb before. */
  function coordinatedVerbStart(toks: Token[], i: number): number {
    const conj = toks[i - 1]?.norm;
    if (!w.verbCoordinators.has(conj ?? "") || !toks[i].tags.has("Verb")) return i;
    for (let k = i - 2; k >= 0; k--) {
      if (w.verbCoordinationBarriers.has(toks[k].norm)) break;
      if (toks[k].tags.has("Verb") && !toks[k].tags.has("Noun")) return k;
    }
    return i;
  }

  /** "In talks with X last month, Y said …": the subject follows a leading phrase. */
  function leadingPhraseSubject(toks: Token[], mentions: Mention[], i: number, oblique: Set<Mention>): Mention | undefined {
    if (!w.prepositions.has(toks[0]?.norm ?? "") || i > 12) return undefined;
    // The main clause's subject comes after one of the first commas, right before its verb:
    // "In talks with X last month, to secure Y, Z officials raised …".
    let commas = 0;
    for (let c = i + 1; c < toks.length && commas < 3; c++) {
      if (toks[c].norm !== ",") continue;
      commas++;
      const m = mentions.find((x) => x.first > c && x.first <= c + 3 && !oblique.has(x));
      if (!m) continue;
      let v = m.last;
      while (v < toks.length && (/ly$/.test(toks[v].norm) || w.adverbsBeforeVerb.has(toks[v].norm))) v++;
      if (commas === 1 || toks[v]?.tags.has("Verb")) return m;
    }
    return undefined;
  }

  const representsCompound = (toks: Token[], m: Mention) => lexicon.compoundParticiples.get(toks[m.last + 1]?.norm ?? "") === "represents";

  /** "the al-Qaeda branch known as AQAP": the name after "known as" is the one meant. */
  function namedAfter(toks: Token[], mentions: Mention[], i: number, appositive = false): Mention | undefined {
    for (let k = i; k < Math.min(toks.length, i + 3); k++) {
      if (w.namingWords.has(toks[k].norm)) {
        return mentions.find((m) => m.first > k && m.first <= k + 3);
      }
      if (toks[k].norm === ",") return appositive ? mentions.find((m) => m.first === k + 1 || m.first === k + 2) : undefined;
    }
    return undefined;
  }

  function resolveNamedAs(toks: Token[], mentions: Mention[], m: Mention): Mention {
    return namedAfter(toks, mentions, m.last) ?? m;
  }

  /** "Russian-Ukrainian": the mention joined to `m` by a hyphen. */
  function hyphenPartner(toks: Token[], mentions: Mention[], m: Mention): Mention | undefined {
    if (toks[m.first - 1]?.text !== "-") return undefined;
    return mentions.find((x) => x.last === m.first - 1);
  }

  function isDirectlyBefore(toks: Token[], m: Mention, i: number): boolean {
    // "Sweden's bid to join": the infinitive's "to" right before the trigger keeps the possessor its subject.
    for (let k = m.last; k < i; k++) if (!/^[a-z-]+$/.test(toks[k].text) || (w.prepositions.has(toks[k].norm) && !(toks[k].norm === "to" && k === i - 1))) return false;
    return i - m.last <= 3;
  }

  /** A possessive or premodifier right before a noun trigger: "Israel's relations", "the U.S. invasion". */
  function premodifier(toks: Token[], mentions: Mention[], i: number): Mention | undefined {
    const m = [...mentions].reverse().find((x) => x.last <= i && i - x.last <= (x.compound ? 4 : 2));
    if (!m) return undefined;
    // A compound's "-led" belongs to the modifier: "a Saudi-led blockade".
    const from = m.compound && toks[m.last]?.text === "-" ? m.last + 2 : m.last;
    for (let k = from; k < i; k++) if (!/^[a-z]+$/.test(toks[k].text) || w.prepositions.has(toks[k].norm) || w.premodifierBreakers.has(toks[k].norm)) return undefined;
    if (m.possessive || m.compound || m.mode === "demonym" || i === m.last) return m;
    return undefined;
  }

  /** The first mention after the trigger in the same clause. */
  function objectAfter(toks: Token[], mentions: Mention[], i: number, nounTrigger = false): Mention | undefined {
    for (const m of mentions) {
      if (m.first < i) continue;
      if (m.compound && !representsCompound(toks, m)) continue;
      for (let k = i; k < m.first; k++) {
        const n = toks[k].norm;
        if (w.clauseEnd.has(n) || n === ",") return undefined;
        // "during a visit by X", "amid talks with X": an adjunct's actors are not the object.
        if (w.adjunctPrepositions.has(n)) return undefined;
        // "a deal brokered by X": the actor after a reduced passive belongs to the participle.
        if (k > i && toks[k + 1]?.norm === "by" && (toks[k].tags.has("Participle") || toks[k].tags.has("PastTense")) && /ed$|en$/.test(n)) return undefined;
        if (n === "and" && toks[k + 1]?.tags.has("Verb") && !toks[k + 1]?.tags.has("Noun")) return undefined;
        // A noun's complements come before the clause's verb: "Yemen talks were brokered by X".
        if (nounTrigger && toks[k].tags.has("Verb") && !toks[k].tags.has("Noun") && !/ing$/.test(n) && !w.timeModifiers.has(n)) return undefined;
      }
      if (m.first - i > 12) return undefined;
      // "the Syrian government's foreign minister X", "Turkish President X": the head is X.
      // A possessive pronoun modifies the object, it is not the object ("its forces from the country").
      if (m.mode === "pronoun" && m.possessive) continue;
      if (m.possessive || m.mode === "demonym") {
        const head = mentions.find(
          (x) =>
            x.first >= m.last &&
            x.first - m.last <= 4 &&
            (m.possessive || x.mode === "person") &&
            toks.slice(m.last, x.first).every((t) => /^\p{L}/u.test(t.text) && !w.prepositions.has(t.norm)),
        );
        if (head) return head;
      }
      return m;
    }
    return undefined;
  }

  /** Mentions coordinated with `m` ("Bahrain, the UAE, Morocco and Sudan"), walking in `dir`. */
  function coordinated(toks: Token[], mentions: Mention[], m: Mention, dir: 1 | -1): Mention[] {
    const out = [m];
    const sorted = [...mentions].sort((a, b) => a.first - b.first);
    let cur = m;
    for (;;) {
      const idx = sorted.indexOf(cur);
      const next = sorted[idx + dir];
      if (!next) break;
      const [from, to] = dir > 0 ? [cur.last, next.first] : [next.last, cur.first];
      const gap = toks.slice(from, to);
      const hasConj = gap.some((t) => w.coordinators.has(t.norm));
      const ok =
        hasConj &&
        gap.length <= 6 &&
        gap.every(
          (t) =>
            w.coordinationGap.has(t.norm) ||
            (/^[\p{L}-]+$/u.test(t.text) && !w.prepositions.has(t.norm) && (t.tags.has("Adjective") || /(an|ic|ist|i)$/.test(t.norm)) && !t.tags.has("Verb")) ||
            (/^[a-z]+$/.test(t.text) && t.tags.has("Noun") && !t.tags.has("Verb")),
        );
      // "attacked Sudan, Chad would respond": a comma before a new clause's subject ends the list.
      const newClause = dir > 0 && !gap.some((t) => t.norm === "and" || t.norm === "or") && verbAfter(toks, next.last);
      if (!ok || newClause) break;
      out.push(next);
      cur = next;
    }
    return out;
  }

  /** "X, a Russian ally": the mention before the comma that opens the apposition. */
  function appositionHead(toks: Token[], mentions: Mention[], i: number): Mention | undefined {
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      if (toks[k].norm === ",") return [...mentions].reverse().find((m) => m.last === k);
      if (!/^[a-z]+$/.test(toks[k].text)) return undefined;
    }
    return undefined;
  }

  function firstPersonBefore(toks: Token[], i: number): boolean {
    for (let k = i - 1; k >= 0 && k >= i - 8; k--) if (w.firstPersonPronouns.has(toks[k].norm)) return true;
    return false;
  }

  return {
    appositionHead,
    clauseStartBefore,
    coordinated,
    coordinatedVerbStart,
    firstPersonBefore,
    hyphenPartner,
    isDirectlyBefore,
    leadingPhraseSubject,
    namedAfter,
    objectAfter,
    obliqueMentions,
    premodifier,
    reportingVerbAt,
    representsCompound,
    resolveNamedAs,
    statusOf,
    subjectBefore,
    unresolvedSubjectPronoun,
    verbAfter,
  };
}
