// Relations inside one sentence: a trigger word from the lexicon, the actor
// that does it (subject, possessive, premodifier or passive agent), the actors
// it is done to (object, prepositional object, "between A and B", coordinated
// lists), and a status from the cues around it. Affiliations come from titles
// and appositions ("Hezbollah spokesman X", "X, leader of Y").
import type { RelationStatus, RelationType } from "../graph/schema";
import { matchAt, type Lexicon, type TriggerPattern } from "./lexicon";
import type { Mention } from "./mentions";
import type { Sentence, Token } from "./text";

export interface SentenceRelation {
  source: Mention;
  target: Mention;
  type: RelationType;
  status: RelationStatus;
  directed: boolean;
  trigger: { start: number; end: number; text: string };
}

interface TriggerHit {
  first: number;
  last: number;
  pattern: TriggerPattern;
}

const AFFILIATION_NOUN_HEADS = new Set(["branch", "branches", "wing", "wings", "arm", "arms", "affiliate", "affiliates", "faction", "factions", "offshoot", "offshoots"]);
const SUBORDINATORS = new Set(["where", "when", "while", "because", "although", "whereas", "unless", "whether"]);
const LOCATIVE_PREP = new Set(["in", "at", "from", "near", "inside", "outside"]);
const SPEECH_OR_NAMING = new Set(["known", "called", "dubbed", "named"]);
const BE = new Set(["is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"]);
const PREPOSITIONS = new Set(["with", "to", "against", "of", "in", "on", "at", "from", "for", "by", "toward", "towards", "into", "about", "over", "between", "among", "under", "via", "through", "across", "than", "like", "including", "after", "before", "during", "without", "upon"]);
const COORD_GAP = new Set([",", "and", "or", "as", "well", "both", "also", "the", "its", "their", "other", "&"]);
// Tokens that close a clause for the purpose of finding an object.
const CLAUSE_END = new Set([";", ":", "—", "–", "(", ")", "but", "while", "whereas", "although", "though", "because", "which", "who", "whom", "where", "when", "after", "before", "since", "until", "unless", "if", "said", "says", "told", "added"]);
// Participles of compounds that describe the head by its relation to the
// prefixed actor: "US-backed government" is support from the US to it.
const COMPOUND_PARTICIPLES: Record<string, RelationType | "represents"> = {
  backed: "support",
  supported: "support",
  sponsored: "support",
  allied: "support",
  funded: "aid",
  armed: "aid",
  trained: "aid",
  brokered: "mediation",
  mediated: "mediation",
  led: "represents",
  headed: "represents",
  controlled: "represents",
  run: "represents",
  ruled: "represents",
  held: "represents",
};
// Nouns that name a relation between two actors as a role: "a Russian ally".
const ROLE_RELATION_NOUNS = new Set(["ally", "allies", "enemy", "enemies", "rival", "rivals", "adversary", "adversaries", "foe", "foes", "partner", "partners", "proxy", "proxies", "patron", "sponsor", "friend", "backer", "opponent"]);
// Triggers whose object may be a capital after "in": "an embassy in Doha".
const PLACE_OBJECT_TRIGGERS = new Set(["embassy", "consulate", "ambassador", "envoy", "representative", "political office", "diplomatic mission", "open an office", "open an embassy", "reopen an embassy", "appoint a representative", "appoint an ambassador"]);

export function findTriggers(toks: Token[], lexicon: Lexicon, mentions: Mention[]): TriggerHit[] {
  const norms = toks.map((t) => t.norm);
  const inMention = new Set<number>();
  for (const m of mentions) for (let k = m.first; k < m.last; k++) inMention.add(k);
  const hits: TriggerHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (inMention.has(i)) continue;
    // Longest acceptable pattern: a verb pattern on a word used as a noun or
    // adjective ("armed forces", "a call") gives way to the noun reading.
    const p = (lexicon.triggers.get(norms[i]) ?? []).find(
      (c) =>
        c.words.every((w, k) => norms[i + k] === w) &&
        !(c.pos === "verb" && !toks[i].tags.has("Verb") && !/ing$/.test(norms[i]) && (toks[i].tags.has("Noun") || toks[i].tags.has("Adjective"))),
    );
    if (!p) continue;
    // Capitalized mid-sentence: part of a name ("Political Office").
    if (toks[i].capitalized && i > 0 && !/^["“‘(]$/.test(toks[i - 1].text)) continue;
    // "-backed", "-led": compounds are read by compoundRelations.
    if (i > 0 && toks[i - 1].text === "-") continue;
    hits.push({ first: i, last: i + p.words.length, pattern: p });
    i += p.words.length - 1;
  }
  // A verb right before a relation noun of its own type ("normalized
  // relations"), a denial verb ("rejected negotiations") or "led talks" adds
  // nothing but status: the noun carries the relation. Other verbs keep
  // theirs ("mediated a ceasefire").
  return hits.filter((h, k) => {
    const next = hits[k + 1];
    if (h.pattern.pos !== "verb" || !next || next.first - h.last > 3) return true;
    const denial = matchAt(lexicon.denialCues, norms, h.first) !== undefined;
    // "refused to meet": the refusal is the status of the meeting.
    if (next.pattern.pos === "verb") return !denial;
    return !(next.pattern.type === h.pattern.type || denial || h.pattern.type === "affiliation");
  });
}

export function extractSentenceRelations(
  sentence: Sentence,
  mentions: Mention[],
  lexicon: Lexicon,
  speaker: Mention | undefined,
): SentenceRelation[] {
  const toks = sentence.tokens;
  const norms = toks.map((t) => t.norm);
  const out: SentenceRelation[] = [];
  const usable = mentions.filter((m) => !m.locative);
  const triggers = findTriggers(toks, lexicon, mentions);
  const add = (source: Mention, target: Mention, type: RelationType, status: RelationStatus, directed: boolean, trig: { first: number; last: number }) => {
    if (source.actor === target.actor) return;
    out.push({
      source,
      target,
      type,
      status,
      directed,
      trigger: { start: toks[trig.first].start, end: toks[trig.last - 1].end, text: sentence.text.slice(toks[trig.first].start - sentence.start, toks[trig.last - 1].end - sentence.start) },
    });
  };

  const oblique = obliqueMentions(toks, mentions, lexicon);
  for (const hit of triggers) {
    const { pattern } = hit;
    const status = statusOf(toks, norms, hit, lexicon);
    const symmetric = lexicon.relationTypes.find((t) => t.type === pattern.type)?.symmetric ?? false;
    const allowPlace = PLACE_OBJECT_TRIGGERS.has(pattern.lemma);
    const candidates = allowPlace ? mentions : usable;
    const head = toks[hit.last - 1].norm;

    // "relations between A and B", "the meeting in Ankara between A and B",
    // "Qatar mediated between A and B" (the mediator to each side).
    const betweenAt = [0, 1, 2, 3].map((g) => hit.last + g).find((k) => (toks[k]?.norm === "between" || toks[k]?.norm === "among") && toks.slice(hit.last, k).every((t) => !t.tags.has("Verb")));
    if (betweenAt !== undefined) {
      const first = candidates.find((m) => m.first > betweenAt && m.first <= betweenAt + 4);
      if (first) {
        const group = coordinated(toks, candidates, first, +1);
        const mediator = pattern.type === "mediation" ? subjectBefore(toks, candidates, hit.first, oblique) : undefined;
        if (mediator) for (const g of group) add(mediator, g, pattern.type, status, true, hit);
        else for (let a = 0; a < group.length; a++) for (let b = a + 1; b < group.length; b++) add(group[a], group[b], pattern.type, status, false, hit);
        if (group.length > 1) continue;
      }
    }

    const participle = /ed$/.test(toks[hit.first].norm) || toks[hit.first].tags.has("Participle") || toks[hit.first].tags.has("PastTense");
    const byAgent = toks[hit.last]?.norm === "by" ? candidates.find((m) => m.first === hit.last + 1 || m.first === hit.last + 2) : undefined;
    const beBefore = hit.first > 0 && (BE.has(toks[hit.first - 1].norm) || (BE.has(toks[hit.first - 2]?.norm ?? "") && /ly$/.test(toks[hit.first - 1].norm)));
    const passive = pattern.pos === "verb" && participle && (beBefore || byAgent !== undefined) && toks[hit.first].norm !== hit.pattern.lemma;
    let sources: Mention[] = [];
    let targets: Mention[] = [];
    if (passive) {
      // "was mediated by Qatar", "a delegation led by X"; without an agent the
      // doer is unknown ("has been accused of"), so no relation.
      if (!byAgent) continue;
      sources = coordinated(toks, candidates, byAgent, +1);
      const patient = [...candidates].reverse().find((m) => m.last <= hit.first && !m.compound && hit.first - m.last <= 8) ;
      if (patient) targets = coordinated(toks, candidates, patient, -1);
    } else if (pattern.type === "affiliation" && pattern.pos !== "verb") {
      // "the al-Qaeda branch known as AQAP", "the Islamic State's West African branch, ISWAP"
      const org = premodifier(toks, candidates, hit.first);
      if (!org || !AFFILIATION_NOUN_HEADS.has(head)) continue;
      const member = namedAfter(toks, candidates, hit.last, true) ?? appositionHead(toks, candidates, org.first);
      if (member) {
        sources = [member];
        targets = [org];
      }
    } else {
      const pre = pattern.pos === "verb" ? undefined : premodifier(toks, candidates, hit.first);
      const pair = pre && hyphenPartner(toks, candidates, pre);
      if (pre && pair && pattern.pos !== "verb") {
        // "the Russian-Ukrainian war", "U.S.-Iran talks"
        add(pair, pre, pattern.type, status, false, hit);
        continue;
      }
      if (lexicon.agentOfNouns.has(head) && toks[hit.last]?.norm === "of") {
        // "the withdrawal of American troops from the country"
        const agent = candidates.find((m) => m.first > hit.last && m.first <= hit.last + 3);
        const from = agent && objectAfter(toks, candidates, agent.last);
        if (agent && from) {
          add(agent, from, pattern.type, status, !symmetric, hit);
          continue;
        }
      }
      const subj = pre ?? subjectBefore(toks, candidates, coordinatedVerbStart(toks, hit.first), oblique) ?? leadingPhraseSubject(toks, candidates, hit.first, oblique);
      if (subj) sources = pre ? [pre] : coordinated(toks, candidates, subj, -1);
      const obj = objectAfter(toks, candidates, hit.last, pattern.pos !== "verb");
      if (obj) targets = coordinated(toks, candidates, resolveNamedAs(toks, candidates, obj), +1);
      // "Yemen has been under a Saudi-led blockade": the subject suffers it.
      if (pre && !obj && hit.first - pre.last <= 2 && toks[pre.first - 1]?.norm && ["under", "a", "an"].includes(toks[pre.first - 1].norm)) {
        const underAt = toks.slice(Math.max(0, pre.first - 3), pre.first).findIndex((t) => t.norm === "under");
        if (underAt >= 0) {
          const patient = subjectBefore(toks, candidates, pre.first, oblique);
          if (patient) targets = [patient];
        }
      }
      // Apposition: "Hezbollah, an Iranian ally" — the relation links the
      // appositive's head to the actor named in it.
      // …or the subject of a copula: "Pakistan is India's rival".
      if (pre && ROLE_RELATION_NOUNS.has(head)) {
        let k = pre.first - 1;
        while (k >= 0 && ["a", "an", "the"].includes(toks[k].norm)) k--;
        const copula = k >= 0 && ["is", "was", "are", "were", "remains", "became", "remained", "be"].includes(toks[k].norm);
        const other = !obj ? (appositionHead(toks, candidates, pre.first) ?? (copula ? subjectBefore(toks, candidates, k, oblique) : undefined)) : obj;
        if (other) {
          // Alliances and rivalries hold both ways.
          add(other, pre, pattern.type, status, false, hit);
          continue;
        }
      }
    }
    if (!sources.length && !targets.length) continue;
    let type = pattern.type;
    // People "attack" each other in words: between two persons it is criticism.
    if (type === "conflict" && pattern.pos === "verb" && sources.every((m) => m.actor.startsWith("person:")) && targets.every((m) => m.actor.startsWith("person:"))) type = "criticism";
    if (sources.length && targets.length) {
      for (const s of sources) for (const t of targets) add(s, t, type, status, !symmetric, hit);
    } else if (sources.length > 1 && symmetric) {
      // "A and B met"
      for (let a = 0; a < sources.length; a++) for (let b = a + 1; b < sources.length; b++) add(sources[a], sources[b], type, status, false, hit);
    } else if (speaker && !sources.length && targets.length && firstPersonBefore(toks, hit.first)) {
      for (const t of targets) add(speaker, t, type, status, !symmetric, hit);
    }
  }

  out.push(...compoundRelations(toks, usable, sentence));
  out.push(...affiliations(toks, mentions, lexicon, sentence));
  return out;
}

/** Denied if a negation stands close before the trigger or a denial verb governs its clause; intended on a wish, plan or possibility cue. */
export function statusOf(toks: Token[], norms: string[], hit: { first: number; last: number }, lexicon: Lexicon): RelationStatus {
  const clauseStart = clauseStartBefore(toks, hit.first);
  for (let k = Math.max(clauseStart, hit.first - lexicon.negationWindow); k < hit.first; k++) {
    if (lexicon.negationWords.has(norms[k]) || norms[k].endsWith("n't")) return "denied";
  }
  // A denial verb anywhere earlier in the sentence governs what it reports:
  // "denied reports that X met Y".
  for (let k = 0; k < hit.first; k++) {
    const cue = matchAt(lexicon.denialCues, norms, k);
    if (cue && k + cue.words.length <= hit.first) {
      // …unless a contrastive clause boundary intervenes.
      if (!norms.slice(k + cue.words.length, hit.first).some((w) => w === "but" || w === ";")) return "denied";
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
    if (n === ";" || n === "but" || n === ":") return k + 1;
    if (n === "," && ["which", "who", "while", "and"].includes(toks[k + 1]?.norm ?? "")) return k + 1;
  }
  return 0;
}

/**
 * Mentions that are objects of a preposition ("with the US", "in China and the
 * UAE"): members of a coordinated list share the preposition of its first member.
 */
function obliqueMentions(toks: Token[], mentions: Mention[], lexicon: Lexicon): Set<Mention> {
  const out = new Set<Mention>();
  const sorted = [...mentions].sort((a, b) => a.first - b.first);
  const norms = toks.map((t) => t.norm);
  for (const m of sorted) {
    const prev = toks[m.first - 1];
    // "Leaders of X", "officials of X" stand for X.
    const headOf = prev?.norm === "of" && m.first >= 2 && [1, 2].some((len) => {
      const h = matchAt(lexicon.institutionalHeads, norms, m.first - 1 - len) ?? matchAt(lexicon.roles, norms, m.first - 1 - len);
      // Plural heads only: "the spokeswoman of X" is a person, named nearby.
      return h?.words.length === len && /s$/.test(norms[m.first - 2]) && (m.first - 1 - len === 0 || ["the", ","].includes(norms[m.first - 2 - len]));
    });
    if (prev && PREPOSITIONS.has(prev.norm) && prev.norm !== "by" && !headOf) {
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
    if ((n === "which" || n === "who") && toks[k - 1].norm === ",") {
      const m = [...mentions].reverse().find((x) => x.last <= k - 1 && k - 1 - x.last <= 2);
      if (m) return m;
      break;
    }
    if (n === ";" || n === ":") break;
  }
  // A subordinate clause opened by "where"/"when"/… has its own subject.
  let floor = 0;
  for (let k = i - 1; k >= 0; k--)
    if (SUBORDINATORS.has(toks[k].norm)) {
      floor = k + 1;
      break;
    }
  const before = mentions.filter((m) => m.last <= i && m.first >= floor && (!m.compound || representsCompound(toks, m))).reverse();
  for (const m of before) {
    if (oblique.has(m)) continue;
    // A possessive modifies a noun; it is the subject only with nothing after it ("the group's fighters" is not).
    if (m.possessive && !isDirectlyBefore(toks, m, i)) continue;
    // Mentions inside a parenthesis belong to another actor.
    if (m.first > 0 && toks[m.first - 1].norm === "(") continue;
    return m;
  }
  return undefined;
}

/** "X praised Y but criticized Z": a verb after "and"/"but" shares the subject of the verb before. */
function coordinatedVerbStart(toks: Token[], i: number): number {
  const conj = toks[i - 1]?.norm;
  if (!(conj === "and" || conj === "but" || conj === "or") || !toks[i].tags.has("Verb")) return i;
  for (let k = i - 2; k >= 0; k--) {
    if ([";", ":", "."].includes(toks[k].norm)) break;
    if (toks[k].tags.has("Verb") && !toks[k].tags.has("Noun")) return k;
  }
  return i;
}

/** "In talks with X last month, Y said …": the subject follows a leading phrase. */
function leadingPhraseSubject(toks: Token[], mentions: Mention[], i: number, oblique: Set<Mention>): Mention | undefined {
  if (!PREPOSITIONS.has(toks[0]?.norm ?? "") || i > 12) return undefined;
  const comma = toks.findIndex((t, k) => k > i && t.norm === ",");
  if (comma < 0) return undefined;
  const m = mentions.find((x) => x.first > comma && x.first <= comma + 3 && !oblique.has(x));
  return m;
}

const representsCompound = (toks: Token[], m: Mention) => COMPOUND_PARTICIPLES[toks[m.last + 1]?.norm ?? ""] === "represents";

/** "the al-Qaeda branch known as AQAP": the name after "known as" is the one meant. */
function namedAfter(toks: Token[], mentions: Mention[], i: number, appositive = false): Mention | undefined {
  for (let k = i; k < Math.min(toks.length, i + 3); k++) {
    if (SPEECH_OR_NAMING.has(toks[k].norm)) {
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
  for (let k = m.last; k < i; k++) if (!/^[a-z-]+$/.test(toks[k].text) || PREPOSITIONS.has(toks[k].norm)) return false;
  return i - m.last <= 3;
}

/** A possessive or premodifier right before a noun trigger: "Israel's relations", "the U.S. invasion". */
function premodifier(toks: Token[], mentions: Mention[], i: number): Mention | undefined {
  const m = [...mentions].reverse().find((x) => x.last <= i && i - x.last <= (x.compound ? 4 : 2));
  if (!m) return undefined;
  // A compound's "-led" belongs to the modifier: "a Saudi-led blockade".
  const from = m.compound && toks[m.last]?.text === "-" ? m.last + 2 : m.last;
  for (let k = from; k < i; k++) if (!/^[a-z]+$/.test(toks[k].text) || PREPOSITIONS.has(toks[k].norm) || ["and", "or", "to"].includes(toks[k].norm)) return undefined;
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
      if (CLAUSE_END.has(n) || n === ",") return undefined;
      if (n === "and" && toks[k + 1]?.tags.has("Verb") && !toks[k + 1]?.tags.has("Noun")) return undefined;
      // A noun's complements come before the clause's verb: "Yemen talks were brokered by X".
      if (nounTrigger && toks[k].tags.has("Verb") && !toks[k].tags.has("Noun") && !/ing$/.test(n)) return undefined;
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
          toks.slice(m.last, x.first).every((t) => /^\p{L}/u.test(t.text) && !PREPOSITIONS.has(t.norm)),
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
    const hasConj = gap.some((t) => t.norm === "and" || t.norm === "," || t.norm === "or" || t.norm === "&");
    const ok = hasConj && gap.length <= 6 && gap.every((t) => COORD_GAP.has(t.norm) || (/^[\p{L}-]+$/u.test(t.text) && !PREPOSITIONS.has(t.norm) && (t.tags.has("Adjective") || /(an|ic|ist|i)$/.test(t.norm)) && !t.tags.has("Verb")) || (/^[a-z]+$/.test(t.text) && t.tags.has("Noun") && !t.tags.has("Verb")));
    if (!ok) break;
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
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) if (["we", "our", "us"].includes(toks[k].norm)) return true;
  return false;
}

/** "the Saudi-backed Yemeni government" → support(Saudi Arabia → Yemen). */
function compoundRelations(toks: Token[], mentions: Mention[], sentence: Sentence): SentenceRelation[] {
  const out: SentenceRelation[] = [];
  for (const m of mentions) {
    if (!m.compound) continue;
    const part = toks[m.last + 1];
    const rel = part && COMPOUND_PARTICIPLES[part.norm];
    if (!rel || rel === "represents") continue;
    const head = mentions.find((x) => x.first > m.last + 1 && x.first <= m.last + 4);
    if (!head || head.actor === m.actor) continue;
    out.push({
      source: m,
      target: head,
      type: rel,
      status: "asserted",
      directed: true,
      trigger: { start: toks[m.last].start, end: part.end, text: sentence.text.slice(toks[m.last].start - sentence.start, part.end - sentence.start) },
    });
  }
  return out;
}

/**
 * Affiliations from titles and appositions:
 *   [Org|State] [role] [Person]            "Hezbollah spokesman X", "Turkish president X"
 *   [Person], (the|a) … [role] … [Org]      "X, the Kremlin's spokesman", "X, leader of Y"
 *   [Person] is the [role] of|for [Org]     "X is the minister of interior for Y"
 */
function affiliations(toks: Token[], mentions: Mention[], lexicon: Lexicon, sentence: Sentence): SentenceRelation[] {
  const norms = toks.map((t) => t.norm);
  const out: SentenceRelation[] = [];
  const people = mentions.filter((m) => m.mode === "person");
  const orgs = mentions.filter((m) => m.mode !== "person" && m.mode !== "pronoun" && !m.actor.startsWith("person:"));
  const push = (person: Mention, org: Mention, first: number, last: number) => {
    if (person.actor === org.actor || out.some((r) => r.source.actor === person.actor && r.target.actor === org.actor)) return;
    out.push({
      source: person,
      target: org,
      type: "affiliation",
      status: "asserted",
      directed: true,
      trigger: { start: toks[first].start, end: toks[last - 1].end, text: sentence.text.slice(toks[first].start - sentence.start, toks[last - 1].end - sentence.start) },
    });
  };
  for (const p of people) {
    // Role right before the person, and an org/state before the role.
    let k = p.first;
    let roleStart = -1;
    for (let len = 1; len <= 4; len++) {
      const r = k - len >= 0 ? matchAt(lexicon.roles, norms, k - len) : undefined;
      if (r && r.words.length === len) roleStart = k - len;
    }
    if (roleStart >= 0) {
      // skip "acting", "former", "deputy", "then", "top"
      let j = roleStart;
      while (j > 0 && /^[a-z]+$/.test(toks[j - 1].text) && !PREPOSITIONS.has(toks[j - 1].norm) && j > roleStart - 3 && !orgs.some((o) => o.last === j)) j--;
      const org = orgs.find((o) => o.last === j || o.last === roleStart);
      if (org) push(p, org, roleStart, p.first);
    }
    // Apposition after the person: ", the Kremlin's spokesman" / ", leader of the group" / ", is the minister … for Y"
    let a = p.last;
    if (toks[a]?.norm === ",") a++;
    if (a === p.last && !["is", "was"].includes(norms[a])) continue;
    if (["is", "was", "who"].includes(norms[a])) a++;
    if (["is", "was"].includes(norms[a])) a++;
    // The apposition ends at punctuation or at the sentence's verb ("X, leader of Y, met" / "X, leader of Y met").
    const end = (() => {
      for (let e = a; e < toks.length; e++) {
        if ([",", ";", ".", ":", "said", "says", "told"].includes(norms[e]) && e > a + 1) return e;
        if (e > a + 1 && toks[e].tags.has("Verb") && !toks[e].tags.has("Participle") && !toks[e].tags.has("Noun") && !/ing$/.test(norms[e])) return e;
      }
      return toks.length;
    })();
    let roleAt = -1;
    for (let e = a; e < end && roleAt < 0; e++) if (matchAt(lexicon.roles, norms, e)) roleAt = e;
    if (roleAt < 0 || roleAt - a > 5) continue;
    // A list of people ("X, UAE minister Y and …") is not an apposition of X.
    if (mentions.some((o) => o.first >= a && o.first < end && (o.mode === "person" || o.actor.startsWith("person:")) && o.actor !== p.actor)) continue;
    for (const o of mentions) {
      if (o.first < a || o.last > end || o.actor === p.actor || o.mode === "person" || o.actor.startsWith("person:")) continue;
      // Before the role: "the Kremlin's spokesman"; after it: "leader of Y",
      // "spokesman for the Y mission" — but not "in Kabul".
      if (o.first > roleAt && (o.locative || LOCATIVE_PREP.has(toks[o.first - 1]?.norm ?? ""))) continue;
      push(p, o, roleAt, roleAt + 1);
    }
  }
  return out;
}
