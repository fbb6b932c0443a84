// Finds who a sentence talks about: gazetteer names (with capitals, demonym
// phrases and institutions as metonyms), people and organizations that are not
// in the gazetteer, and references back to them ("the group", "the country",
// "he", "we" in a quote). Works on one document at a time, in reading order,
// because references resolve against what came before.
import { distance } from "fastest-levenshtein";
import type { ActorKind } from "../graph/schema";
import { addPhrase, matchAt, phraseWords, type Lexicon, type LexiconWords, type PhraseIndex } from "./lexicon";
import type { Sentence, Token } from "./text";

export type MentionMode =
  | "name"
  | "capital"
  | "demonym"
  | "demonym-plural"
  | "institution"
  | "person"
  | "organization"
  | "descriptor"
  | "pronoun"
  /** A descriptive non-state group named by its country: "Sudanese rebels", "rebels in the Ivory Coast". */
  | "group";

export interface Mention {
  /** Gazetteer id, or a document-local key for actors found in the text ("person:Hassan Nasrallah"). */
  actor: string;
  /** Token range in the sentence, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  mode: MentionMode;
  /** Followed by "-led", "-backed"…: the name modifies a compound. */
  compound: boolean;
  possessive: boolean;
  /** A capital after "in"/"at": a place rather than the government. */
  locative?: boolean;
  /** For actors found in the text rather than the gazetteer: their name and kind. */
  local?: { name: string; kind: ActorKind; country?: string };
  /** The actor is a person (found in the text, listed in the gazetteer, or referred to by "he"). */
  personal?: boolean;
}

export interface LocalActor {
  key: string;
  name: string;
  kind: ActorKind;
  /** Surface forms seen in the document. */
  forms: Set<string>;
  mentions: number;
  /** A descriptive group's country ("Sudanese rebels": Sudan). */
  country?: string;
}

interface SurfaceForm {
  words: string[];
  actor: string;
  mode: MentionMode;
  /** Acronyms ("US", "IS") only match as written, so "us" and "is" stay words. */
  exact?: string[];
  /** Means the actor only when not part of a longer capitalized name ("Latin America"). */
  ambiguous?: boolean;
}

export interface ActorMatcher {
  forms: PhraseIndex<SurfaceForm>;
  kinds: Map<string, ActorKind>;
  names: Map<string, string>;
  /** Listed people → the actor they act for. */
  affiliations: Map<string, string>;
}

const isAcronym = (s: string) => /^[A-Z][A-Z0-9.&-]*$/.test(s) && /[A-Z].*[A-Z]/.test(s.replace(/[.&-]/g, "")) && s.replace(/[.&-]/g, "").length <= 6;

/** Hyphens are dropped before matching so "al-Shabaab", "al -Shabaab" and "al Shabaab" meet. */
const nameWords = (s: string) => phraseWords(s).filter((w) => w !== "-" && w !== "–");

export function buildActorMatcher(lexicon: Lexicon): ActorMatcher {
  const forms: PhraseIndex<SurfaceForm> = new Map();
  const kinds = new Map<string, ActorKind>();
  const names = new Map<string, string>();
  const affiliations = new Map<string, string>();
  let ambiguousForms = new Set<string>();
  const add = (text: string, actor: string, mode: MentionMode) => {
    const words = nameWords(text);
    if (!words.length) return;
    const exact = isAcronym(text.replace(/\s+/g, "")) ? text.split(/[\s-]+/).filter(Boolean) : undefined;
    const ambiguous = ambiguousForms.has(text);
    addPhrase(forms, { words, actor, mode, ...(exact ? { exact } : {}), ...(ambiguous ? { ambiguous } : {}) });
  };
  for (const a of lexicon.actors) {
    ambiguousForms = new Set([...(a.ambiguousAliases ?? []), ...(a.ambiguous ? [a.name] : [])]);
    kinds.set(a.id, a.kind);
    names.set(a.id, a.name);
    if (a.affiliation) affiliations.set(a.id, a.affiliation);
    add(a.name, a.id, "name");
    for (const x of a.aliases) add(x, a.id, "name");
    for (const x of a.capitals ?? []) add(x, a.id, "capital");
    for (const x of a.institutions ?? []) add(x, a.id, "institution");
    for (const x of a.demonyms ?? []) add(x, a.id, "demonym");
    for (const x of a.demonymPlurals ?? []) add(x, a.id, "demonym-plural");
  }
  return { forms, kinds, names, affiliations };
}

export interface DocumentMentions {
  /** Mentions per sentence, ordered by position. */
  bySentence: Mention[][];
  actors: Map<string, LocalActor>;
  /** For each sentence, who is speaking in quotes in it, if known. */
  speakers: (Mention | undefined)[];
}

/** Finds actor mentions in every sentence of one document. */
export function findMentions(sentences: Sentence[], lexicon: Lexicon, matcher: ActorMatcher): DocumentMentions {
  const w = lexicon.words;
  const actors = new Map<string, LocalActor>();
  const heads = lexicon.institutionalHeads;
  const { groupDescriptors, stateDescriptors } = lexicon;
  const touch = (key: string, name: string, kind: ActorKind, form: string) => {
    let a = actors.get(key);
    if (!a) {
      a = { key, name, kind, forms: new Set(), mentions: 0 };
      actors.set(key, a);
    }
    a.forms.add(form);
    a.mentions++;
    return a;
  };

  // Pass 1: people introduced with a full name anywhere in the document, so a
  // bare surname before or after resolves to them.
  const fullNames: { key: string; words: string[] }[] = [];
  const personKeyFor = (words: string[]): string | undefined => {
    const surname = words[words.length - 1].toLowerCase();
    for (const p of fullNames) {
      const ps = p.words[p.words.length - 1].toLowerCase();
      if (p.words.join(" ") === words.join(" ")) return p.key;
      if (words.length === 1 && similarName(ps, surname)) return p.key;
      if (words.length > 1 && similarName(p.words.join(" ").toLowerCase(), words.join(" ").toLowerCase())) return p.key;
    }
    return undefined;
  };

  const gazetteerSpans: Mention[][] = sentences.map((s) => matchGazetteer(s.tokens, matcher, heads, lexicon));
  const demonymAt = (t: Token | undefined) => !!t?.capitalized && (matcher.forms.get(t.norm) ?? []).some((f) => f.mode === "demonym" && f.words.length === 1);
  const personSpans = sentences.map((s, i) => findPeople(s.tokens, gazetteerSpans[i], lexicon, demonymAt));
  for (const spans of personSpans)
    for (const p of spans) if (!p.organization && p.words.length > 1 && !personKeyFor(p.words)) fullNames.push({ key: `person:${p.words.join(" ")}`, words: p.words });

  const bySentence: Mention[][] = [];
  const speakers: (Mention | undefined)[] = [];
  const history: Mention[] = []; // in reading order, for references back
  const lastOf = (pred: (m: Mention) => boolean, before = history.length) => {
    for (let i = before - 1; i >= 0; i--) if (pred(history[i])) return history[i];
    return undefined;
  };
  const kindOf = (key: string): ActorKind | undefined => matcher.kinds.get(key) ?? actors.get(key)?.kind;
  const isGroup = (key: string) => {
    const k = kindOf(key);
    return k === "armed-group" || k === "political-group";
  };

  sentences.forEach((s, si) => {
    const toks = s.tokens;
    const mentions: Mention[] = [];
    for (const m of gazetteerSpans[si]) {
      mentions.push(m);
      if (m.local) {
        const a = touch(m.actor, m.local.name, m.local.kind, spanText(toks, m));
        if (m.local.country) a.country = m.local.country;
      } else touch(m.actor, matcher.names.get(m.actor) ?? m.actor, matcher.kinds.get(m.actor)!, spanText(toks, m));
    }
    for (const p of personSpans[si]) {
      // Organizations found in the text are keyed apart from people.
      let key = p.organization ? `org:${p.words.join(" ")}` : personKeyFor(p.words);
      if (!key) {
        // A lone capitalized word is a person only when it names someone the
        // document introduced in full.
        if (p.words.length === 1 && !p.titled) continue;
        key = `person:${p.words.join(" ")}`;
      }
      const full = fullNames.find((f) => f.key === key);
      const kind: ActorKind = p.groupKind ?? (p.organization ? "organization" : "person");
      touch(key, full ? full.words.join(" ") : p.words.join(" "), kind, p.words.join(" "));
      mentions.push({
        actor: key,
        first: p.first,
        last: p.last,
        start: toks[p.first].start,
        end: toks[p.last - 1].end,
        mode: kind === "person" ? "person" : "organization",
        compound: false,
        possessive: toks[p.last - 1].possessive,
      });
    }
    mentions.sort((a, b) => a.first - b.first);
    const resolved = mentions.filter((m, i) => i === 0 || m.first >= mentions[i - 1].last);

    // References back: descriptors and pronouns.
    const taken = new Set<number>();
    for (const m of resolved) for (let k = m.first; k < m.last; k++) taken.add(k);
    const refs: Mention[] = [];
    const historyBefore = history.length;
    for (let i = 0; i < toks.length; i++) {
      if (taken.has(i)) continue;
      const t = toks[i];
      // "the (terrorist|Islamist|…) group", "the country"
      if (w.descriptorDeterminers.has(t.norm)) {
        let j = i + 1;
        while (
          j < toks.length &&
          j < i + 4 &&
          !taken.has(j) &&
          !groupDescriptors.has(toks[j].norm) &&
          !stateDescriptors.has(toks[j].norm) &&
          /^[\p{L}-]+$/u.test(toks[j].text) &&
          (!toks[j].capitalized || toks[j].tags.has("Adjective") || /(an|ic|ist|ish|i)$/.test(toks[j].norm))
        )
          j++;
        if (j >= toks.length || taken.has(j)) continue;
        const head = toks[j];
        // "the group's fighters" is still the group; "the group of experts" is not,
        // and "the government in Kabul" is named right after.
        if (w.descriptorBlockers.has(toks[j + 1]?.norm ?? "")) continue;
        // "the terror group Hamas": the name follows, the descriptor is not a reference.
        if (toks[j + 1]?.capitalized && resolved.some((m) => m.first === j + 1)) continue;
        const before = (m: Mention) => m.start < t.start;
        let ante: Mention | undefined;
        if (groupDescriptors.has(head.norm) && !head.capitalized) {
          ante = [...resolved].reverse().find((m) => before(m) && isGroup(m.actor) && !m.compound) ?? lastOf((m) => isGroup(m.actor) && !m.compound, historyBefore);
        } else if (stateDescriptors.has(head.norm) && !head.capitalized) {
          // Not the sentence's subject: "Saudi Arabia struck the country" means another one.
          const subject = resolved.find((m) => !m.compound);
          // A state named as such, not its people ("American troops … the country" is not the US).
          const asState = (m: Mention) => kindOf(m.actor) === "state" && !m.compound && m.mode !== "demonym" && m.mode !== "demonym-plural";
          ante = [...resolved].reverse().find((m) => before(m) && m !== subject && asState(m) && !m.locative) ?? lastOf(asState, historyBefore);
        }
        if (ante) {
          refs.push({ actor: ante.actor, first: i, last: j + 1, start: t.start, end: head.end, mode: "descriptor", compound: false, possessive: head.possessive });
          for (let k = i; k <= j; k++) taken.add(k);
          i = j;
        }
        continue;
      }
      // "it"/"its" only for an actor named earlier in the same sentence: "Iran … in its fight".
      if (w.thingPronouns.has(t.norm) && t.text !== "It") {
        const ante = [...resolved].reverse().find((m) => m.start < t.start && kindOf(m.actor) !== "person" && !m.compound && !m.locative);
        if (ante) refs.push({ actor: ante.actor, first: i, last: i + 1, start: t.start, end: t.end, mode: "pronoun", compound: false, possessive: t.norm === "its" });
        continue;
      }
      // "they"/"their" for a plural or group actor named earlier in the same sentence: "The rebels said they …".
      if (w.pluralPronouns.has(t.norm) && t.text !== "They") {
        // A name's "-s" is no plural ("Laos"); a phrase's head is ("Iranian officials").
        const plural = (m: Mention) => m.mode === "demonym-plural" || m.mode === "group" || isGroup(m.actor) || (m.mode !== "name" && toks[m.last - 1].tags.has("Plural"));
        const ante = [...resolved].reverse().find((m) => m.start < t.start && kindOf(m.actor) !== "person" && plural(m) && !m.compound && !m.locative && !m.possessive);
        if (ante) refs.push({ actor: ante.actor, first: i, last: i + 1, start: t.start, end: t.end, mode: "pronoun", compound: false, possessive: t.norm === "their" });
        continue;
      }
      if (w.personPronouns.has(t.norm)) {
        const ante = [...resolved].reverse().find((m) => m.start < t.start && kindOf(m.actor) === "person") ?? lastOf((m) => kindOf(m.actor) === "person", historyBefore);
        if (ante)
          refs.push({ actor: ante.actor, first: i, last: i + 1, start: t.start, end: t.end, mode: "pronoun", compound: false, possessive: t.norm === "his" || t.norm === "her" });
      }
    }
    const all = [...resolved, ...refs].sort((a, b) => a.first - b.first);
    for (const m of all) if (kindOf(m.actor) === "person") m.personal = true;
    for (const r of refs) {
      const a = actors.get(r.actor);
      if (a) a.mentions++;
    }
    speakers.push(findSpeaker(w, toks, all));
    bySentence.push(all);
    history.push(...all);
  });
  return { bySentence, actors, speakers };
}

function spanText(toks: Token[], m: { first: number; last: number }): string {
  return toks
    .slice(m.first, m.last)
    .map((t) => t.text)
    .join(" ")
    .replace(/ - /g, "-")
    .replace(/'s$|’s$/, "");
}

/** Two spellings of one name: "Nasrallah"/"Nasralla", "Zelensky"/"Zelenskyy". */
export function similarName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  if (a[0] !== b[0]) return false;
  const d = distance(a, b);
  return d <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 3));
}

function matchGazetteer(toks: Token[], matcher: ActorMatcher, heads: PhraseIndex<{ words: string[] }>, lexicon: Lexicon): Mention[] {
  const w = lexicon.words;
  // Match over the tokens with hyphens removed, then map back.
  const idx: number[] = [];
  for (let i = 0; i < toks.length; i++) if (toks[i].text !== "-" && toks[i].text !== "–") idx.push(i);
  const norms = idx.map((i) => toks[i].norm);
  const allNorms = toks.map((t) => t.norm);
  const out: Mention[] = [];
  for (let p = 0; p < idx.length; p++) {
    const form = matchFormAt(matcher.forms, norms, toks, idx, p);
    if (!form) continue;
    const lastTok = toks[idx[p + form.words.length - 1]];
    if (!form.exact && !toks.slice(idx[p], idx[p + form.words.length - 1] + 1).some((t) => t.capitalized)) continue;
    let first = idx[p];
    let last = idx[p + form.words.length - 1] + 1;
    // "Abdul-Malik al-Houthi": a name after a particle and a hyphen is a person's name.
    if (toks[first - 1]?.text === "-" && w.nameParticles.has(toks[first - 2]?.norm ?? "") && toks[first - 3]?.capitalized) {
      p += form.words.length - 1;
      continue;
    }
    // "Rafic Hariri International Airport", "Kennedy Center": a listed person's name inside a place's or body's name.
    if (matcher.kinds.get(form.actor) === "person" && [toks[last], toks[last + 1]].some((t) => t?.capitalized && w.nonPersonHeads.has(t.norm)) && toks[last]?.capitalized) {
      p += form.words.length - 1;
      continue;
    }
    if (form.ambiguous || form.mode === "capital") {
      // "Latin America", "Washington Post", "Michael Jordan": part of another name.
      const before = toks[first - 1];
      const after = toks[last];
      const sentenceStart = first === 0 || /^["“‘(]$/.test(before?.text ?? "");
      if ((before && before.capitalized && !sentenceStart && !w.notName.has(before.norm)) || (after && after.capitalized && !matcher.forms.has(after.norm))) {
        p += form.words.length - 1;
        continue;
      }
    }
    const nextIsHyphen = toks[last]?.text === "-" && toks[last + 1] && /^[a-z]/.test(toks[last + 1].text);
    const prev = toks[first - 1];
    const kind = matcher.kinds.get(form.actor);
    // A listed person is a person mention like one found in the text.
    const mode: MentionMode = kind === "person" ? "person" : form.mode;
    // "the group's" possessive shows on the last token.
    let possessive = lastTok.possessive;
    // Demonyms name the state only before an institution ("Iranian officials"),
    // a relation noun ("the Russian invasion") or in a compound ("Saudi-led").
    if (mode === "demonym") {
      // The head may follow after a coordinated or adjectival gap: "American and foreign troops".
      let head: { at: number; len: number } | undefined;
      let sharedHead = false;
      for (let g = 0; g <= 3 && last + g < toks.length && !nextIsHyphen; g++) {
        const h = matchAt(heads, allNorms, last + g);
        if (h) {
          head = { at: last + g, len: h.words.length };
          break;
        }
        const gapTok = toks[last + g];
        // "Iranian and Saudi officials": another demonym may stand in the gap.
        const otherDemonym = gapTok.capitalized && (matcher.forms.get(gapTok.norm) ?? []).some((f) => f.mode === "demonym");
        if (otherDemonym) sharedHead = true;
        if (!/^[a-z]+$/.test(gapTok.text) && !otherDemonym) break;
      }
      // "Sudanese rebels", "Irish nationalist guerrillas": a group of its own, not the state.
      const group = nextIsHyphen ? undefined : descriptiveGroupAfter(toks, first, last, lexicon);
      if (group?.notAGroup) {
        // Left to the references back ("the group") and to the name that follows.
        p += form.words.length - 1;
        continue;
      }
      if (group) {
        out.push(groupMention(toks, prev?.norm === "the" && first > 0 ? first - 1 : first, first, group, form.actor));
        p = idx.findIndex((x) => x >= group.end) - 1;
        if (p < -1) break;
        continue;
      }
      const trig = matchAt(lexicon.triggers, allNorms, last);
      const demonymPair = toks[last]?.text === "-" && toks[last + 1]?.capitalized;
      // A role that heads its phrase ("the Iranian envoy"), not one that modifies a noun ("militant group").
      const roleEnd0 = roleSpanEnd(lexicon, allNorms, last, toks);
      const roleEnd = /^[a-z]/.test(toks[roleEnd0]?.text ?? "") && toks[roleEnd0].tags.has("Noun") ? last : roleEnd0;
      const titled = roleEnd > last && toks[roleEnd]?.capitalized;
      const nounPhraseEnd = commonNounPhraseEnd(w, toks, last);
      if (titled) {
        // "Turkish president X": the demonym alone names the state.
      } else if (roleEnd > last && !formerBefore(w, allNorms, first, roleEnd)) {
        // "the Iranian foreign minister" with no name: the state speaks (a former one does not).
        last = roleEnd;
      } else if (head && sharedHead) {
        // "Iranian and Saudi officials": each demonym is its own mention.
      } else if (head) last = head.at + head.len;
      else if ((trig && trig.pos === "noun") || nextIsHyphen || demonymPair) {
        // "the Russian invasion", "Saudi-led", "Russian-Ukrainian": the demonym modifies a relation.
      } else if (
        nounPhraseEnd > last &&
        (toks[nounPhraseEnd - 1].tags.has("Plural") || (nounPhraseEnd - last > 1 && /s$/.test(allNorms[nounPhraseEnd - 1])) || w.indefiniteArticles.has(prev?.norm ?? "")) &&
        !toks[nounPhraseEnd]?.capitalized
      ) {
        // "Swiss doctors", "an Australian ultimatum": the phrase stands for the state's people or acts.
        last = nounPhraseEnd;
      } else {
        p += form.words.length - 1;
        continue;
      }
      possessive = toks[last - 1].possessive;
    } else if (!nextIsHyphen) {
      // "Houthi officials", "Hezbollah leadership": the phrase stands for the actor.
      const h = matchAt(heads, allNorms, last);
      const group = kind === "state" ? descriptiveGroupAfter(toks, first, last, lexicon) : undefined;
      const roleEnd = possessive && kind !== "person" ? roleSpanEnd(lexicon, allNorms, last) : last;
      if (group && !group.notAGroup) {
        // "Ivory Coast rebels": a group of its own.
        out.push(groupMention(toks, first, first, group, form.actor));
        p = idx.findIndex((x) => x >= group.end) - 1;
        if (p < -1) break;
        continue;
      } else if (h && kind !== "person") {
        last += h.words.length;
        possessive = toks[last - 1].possessive;
      } else if (kind === "person" && matcher.affiliations.has(form.actor) && w.leaderBodies.has(allNorms[last])) {
        // "the Biden administration", "the Assad regime": the state the leader heads.
        const state = matcher.affiliations.get(form.actor)!;
        const start = prev?.norm === "the" && first > 0 ? first - 1 : first;
        out.push({
          actor: state,
          first: start,
          last: last + 1,
          start: toks[start].start,
          end: toks[last].end,
          mode: "institution",
          compound: false,
          possessive: toks[last].possessive,
        });
        p = idx.findIndex((x) => x >= last + 1) - 1;
        if (p < -1) break;
        continue;
      } else if (roleEnd > last && !toks[roleEnd]?.capitalized) {
        // "Taiwan's vice foreign minister visited": with no name, the state acts.
        last = roleEnd;
        possessive = toks[last - 1].possessive;
      }
    }
    // A capital after "in"/"at" is a place, not the government speaking.
    const governmentIn = prev && prev.norm === "in" && first >= 2 && matchAt(heads, allNorms, first - 2)?.words.length === 1;
    if (mode === "capital" && prev && w.capitalLocatives.has(prev.norm) && !governmentIn) {
      out.push({ actor: form.actor, first, last, start: toks[first].start, end: toks[last - 1].end, mode, compound: nextIsHyphen, possessive, locative: true });
      p += form.words.length - 1;
      continue;
    }
    // "the" before a name belongs to the mention ("the Houthis").
    if (prev?.norm === "the" && first > 0) first -= 1;
    out.push({ actor: form.actor, first, last, start: toks[first].start, end: toks[last - 1].end, mode, compound: nextIsHyphen, possessive });
    p = idx.findIndex((x) => x >= last) - 1;
    if (p < -1) break;
  }
  return out;
}

/** End of a role phrase at i, modifiers and stacked roles included ("deputy foreign minister"); i when none. */
function roleSpanEnd(lexicon: Lexicon, norms: string[], i: number, toks?: Token[]): number {
  const w = lexicon.words;
  let k = i;
  // "Defence Secretary", "National Assembly president": capitalized words of the office before the role.
  if (toks) {
    let c = i;
    while (c < i + 3 && toks[c]?.capitalized && !toks[c].tags.has("Person") && !matchAt(lexicon.roles, norms, c)) c++;
    if (c > i && matchAt(lexicon.roles, norms, c)) k = c;
  }
  for (;;) {
    if (w.roleModifiers.has(norms[k])) {
      k++;
      continue;
    }
    const r = matchAt(lexicon.roles, norms, k);
    if (!r) break;
    k += r.words.length;
  }
  // Modifiers alone are no role.
  while (k > i && w.roleModifiers.has(norms[k - 1])) k--;
  return k;
}

/** "a former Iranian minister": the title no longer speaks for the state. */
function formerBefore(w: LexiconWords, norms: string[], first: number, end: number): boolean {
  return norms.slice(Math.max(0, first - 2), end).some((x) => w.formerMarkers.has(x));
}

/** A lowercase common-noun phrase of up to three words at i ("aid groups", "military police"); its end, or i. */
function commonNounPhraseEnd(w: LexiconWords, toks: Token[], i: number): number {
  let end = i;
  for (let k = i; k < Math.min(toks.length, i + 3); k++) {
    const t = toks[k];
    if (!/^[a-z][a-z-]*$/.test(t.text) || w.notNoun.has(t.norm)) break;
    // "oil exports": an -s word after a noun is its plural head, whatever the tagger says.
    const nounAfterNoun = k > i && /s$/.test(t.norm) && toks[k - 1].tags.has("Noun");
    if (t.tags.has("Verb") && !t.tags.has("Noun") && !nounAfterNoun) break;
    if (t.tags.has("Noun") || nounAfterNoun) end = k + 1;
    else if (!t.tags.has("Adjective")) break;
    // A possessive closes the phrase: "Swiss doctors' aid".
    if (t.possessive) break;
  }
  return end;
}

/** "rebels", "nationalist guerrillas", "armed groups", "opposition" after a country word: the group's end and kind. */
function descriptiveGroupAfter(toks: Token[], first: number, i: number, lexicon: Lexicon): { end: number; kind: ActorKind; notAGroup?: true } | undefined {
  for (let k = i; k < Math.min(toks.length, i + 3); k++) {
    if (!/^[a-z][a-z-]*$/.test(toks[k].text)) return undefined;
    const head = matchAt(
      lexicon.descriptiveGroups,
      toks.map((t) => t.norm),
      k,
    );
    if (head) {
      const end = k + head.words.length;
      // "the Palestinian militant group" refers back to a group named before,
      // "the … group Hamas" names it: neither is a group of its own.
      const definiteSingular =
        lexicon.words.descriptorDeterminers.has(toks[first - 1]?.norm ?? "") && !toks[end - 1].tags.has("Plural") && lexicon.groupDescriptors.has(toks[end - 1].norm);
      if (definiteSingular || toks[end]?.capitalized) return { end, kind: head.kind, notAGroup: true };
      return { end, kind: head.kind };
    }
    if (!toks[k].tags.has("Adjective") && !/(ist|ic|al|an)$/.test(toks[k].norm)) return undefined;
  }
  return undefined;
}

/** A descriptive group's mention over [start, group.end), named from its country word at `nameFrom`. */
function groupMention(toks: Token[], start: number, nameFrom: number, group: { end: number; kind: ActorKind }, country: string): Mention {
  const name = groupName(toks, nameFrom, group.end);
  return {
    actor: `group:${name}`,
    first: start,
    last: group.end,
    start: toks[start].start,
    end: toks[group.end - 1].end,
    mode: "group",
    compound: false,
    possessive: toks[group.end - 1].possessive,
    local: { name, kind: group.kind, country },
  };
}

/** The group's name as written, without a leading article or possessive: "Fijian rebels". */
function groupName(toks: Token[], first: number, end: number): string {
  return spanText(toks, { first, last: end });
}

function matchFormAt(index: PhraseIndex<SurfaceForm>, norms: string[], toks: Token[], idx: number[], p: number): SurfaceForm | undefined {
  const candidates = index.get(norms[p]);
  if (!candidates) return undefined;
  for (const c of candidates) {
    let ok = true;
    for (let k = 0; k < c.words.length; k++) {
      if (norms[p + k] !== c.words[k]) {
        ok = false;
        break;
      }
      if (c.exact) {
        const written = toks[idx[p + k]].text.replace(/['’]s$/, "");
        if (!c.exact.some((e) => e === written)) {
          ok = false;
          break;
        }
      }
    }
    if (ok) return c;
  }
  return undefined;
}

interface PersonSpan {
  first: number;
  last: number;
  words: string[];
  organization: boolean;
  /** After a capitalized title ("President Obama"): a person even when named by one word. */
  titled?: boolean;
  /** An unknown group described in apposition ("X, a militant group"): its kind. */
  groupKind?: ActorKind;
}

/** People (and unknown organizations) from capitalized runs not covered by the gazetteer. */
function findPeople(toks: Token[], gazetteer: Mention[], lexicon: Lexicon, demonymAt: (t: Token | undefined) => boolean): PersonSpan[] {
  const w = lexicon.words;
  const roles = lexicon.roles;
  const covered = new Set<number>();
  for (const m of gazetteer) for (let k = m.first; k < m.last; k++) covered.add(k);
  const norms = toks.map((t) => t.norm);
  const out: PersonSpan[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (covered.has(i) || !t.capitalized || w.notName.has(t.norm) || /\d/.test(t.text) || t.text.length < 2) {
      i++;
      continue;
    }
    // "American Faye Hall": the nationality is not part of the name.
    if (demonymAt(t) && toks[i + 1]?.capitalized && !covered.has(i + 1)) {
      i++;
      continue;
    }
    // Extend over capitalized words, name particles and hyphens ("Al-Nahyan").
    let j = i + 1;
    while (j < toks.length && !covered.has(j)) {
      const u = toks[j];
      if (toks[j - 1].possessive) break;
      // "Tom King": a title word after a first name is a surname.
      if (u.capitalized && (!w.notName.has(u.norm) || (u.tags.has("Person") && toks[j - 1].tags.has("FirstName"))) && !/\d/.test(u.text)) j++;
      else if ((w.nameParticles.has(u.norm) || u.text === "-") && toks[j + 1]?.capitalized && !covered.has(j + 1)) j++;
      else if (w.nameParticles.has(u.norm) && toks[j + 1]?.text === "-" && toks[j + 2]?.capitalized && !covered.has(j + 2)) j += 2;
      else if (w.nameParticles.has(u.norm) && w.nameParticles.has(toks[j + 1]?.norm ?? "") && toks[j + 2]?.capitalized && !covered.has(j + 2)) j += 2;
      else break;
    }
    // "Amir Muttaqi" where the gazetteer knows "Muttaqi": the first name belongs to that person.
    if (j === i + 1 && gazetteer.some((m) => m.first === j && m.mode === "person")) {
      i = j;
      continue;
    }
    const span = toks.slice(i, j).filter((x) => x.text !== "-");
    const words = span.map((x) => x.text.replace(/['’]s$/, "").replace(/^-/, ""));
    const lowerWords = words.map((w) => w.toLowerCase());
    // "the American Faye Hall": a full name right after a nationality is a person.
    const prevRole = roleEndingAt(roles, norms, i) || (demonymAt(toks[i - 1]) && j - i >= 2 && toks.slice(i, j).every((x) => /^\p{Lu}\p{Ll}/u.test(x.text)));
    const sentenceInitial = i === 0 || /^["“‘(]$/.test(toks[i - 1].text);
    const tagged = span.some((x) => x.tags.has("Person") || x.tags.has("FirstName") || x.tags.has("LastName"));
    const place = span.some((x) => x.tags.has("Place") || x.tags.has("Country") || x.tags.has("City"));
    // "Anna Hall" is a person, "Minsk Accords" is not: a first name only
    // overrides heads that are also common surnames.
    const nonPerson = lowerWords.some((x) => w.nonPersonHeads.has(x) && !(w.surnameLikeHeads.has(x) && (span[0].tags.has("FirstName") || prevRole)));
    const orgHead = w.organizationHeads.has(lowerWords[lowerWords.length - 1]) && words.length > 1;
    // ", a militant group" heads on the group, though "militant" alone is a role.
    const apposGroup = toks[j]?.text === "," ? groupAfterComma(lexicon, toks, j + 1) : undefined;
    const apposRole = !apposGroup && toks[j]?.text === "," && roleAfterComma(roles, norms, j + 1);
    const speaks = w.speechAfterName.has(toks[j]?.norm ?? "");
    if (apposGroup) {
      // "Jaish al-Adl, a newly formed militant group": a group the gazetteer does not know.
      out.push({ first: i, last: j, words, organization: true, groupKind: apposGroup });
    } else if (orgHead && !tagged) {
      out.push({ first: i, last: j, words, organization: true });
    } else if (!nonPerson && (!place || prevRole) && (tagged || prevRole || apposRole || (speaks && words.length > 1)) && !(sentenceInitial && words.length === 1 && !prevRole)) {
      out.push({ first: i, last: j, words, organization: false, ...(prevRole && toks[i - 1]?.capitalized ? { titled: true } : {}) });
    } else if (!nonPerson && words.length === 1) {
      // Candidate surname; kept only if the document names the person in full.
      out.push({ first: i, last: j, words, organization: false });
    }
    i = j;
  }
  return out;
}

/** ", a newly formed militant group" / ", an opposition party": the kind of group the apposition describes. */
function groupAfterComma(lexicon: Lexicon, toks: Token[], i: number): ActorKind | undefined {
  if (!lexicon.words.indefiniteArticles.has(toks[i]?.norm ?? "")) return undefined;
  const norms = toks.map((t) => t.norm);
  for (let k = i + 1; k < Math.min(toks.length, i + 6); k++) {
    if (!/^[a-z][a-z-]*$/.test(toks[k].text)) return undefined;
    const head = matchAt(lexicon.descriptiveGroups, norms, k);
    if (head) return head.kind;
    if (lexicon.groupDescriptors.has(norms[k])) return GROUP_DESCRIPTOR_KINDS[norms[k]] ?? "organization";
  }
  return undefined;
}

// Heads of "the group"-like descriptions and the kind of actor they describe; others are organizations.
const GROUP_DESCRIPTOR_KINDS: Record<string, ActorKind> = {
  movement: "political-group",
  militia: "armed-group",
  insurgents: "armed-group",
  militants: "armed-group",
  rebels: "armed-group",
  jihadists: "armed-group",
  extremists: "armed-group",
  terrorists: "armed-group",
  insurgency: "armed-group",
  faction: "political-group",
};

function roleEndingAt(roles: PhraseIndex<{ words: string[] }>, norms: string[], i: number): boolean {
  for (let len = 1; len <= 4 && i - len >= 0; len++) {
    const m = matchAt(roles, norms, i - len);
    if (m && m.words.length === len) return true;
  }
  return false;
}

function roleAfterComma(roles: PhraseIndex<{ words: string[] }>, norms: string[], i: number): boolean {
  // ", the Kremlin's spokesman" / ", leader of" / ", a senior adviser to"
  for (let k = i; k < Math.min(norms.length, i + 6); k++) {
    if (norms[k] === ",") return false;
    if (matchAt(roles, norms, k)) return true;
  }
  return false;
}

/** Who speaks the quotes of a sentence: `"…," said X` or `X said: "…"`. */
function findSpeaker(w: LexiconWords, toks: Token[], mentions: Mention[]): Mention | undefined {
  const quoteIdx = toks.findIndex((t) => /^["“”]$/.test(t.text));
  if (quoteIdx < 0) return undefined;
  for (let i = 0; i < toks.length; i++) {
    if (!w.speechVerbs.has(toks[i].norm)) continue;
    // mention right after the verb, or right before it
    // Inverted only after the quote: `"…," said X`; in "X said that Y …" Y does not speak.
    const inverted = i > 0 && /^[,"“”]$/.test(toks[i - 1].text);
    const after = inverted ? mentions.find((m) => m.first >= i + 1 && m.first <= i + 3) : undefined;
    // Right before the verb, or one word away ("X also said", "the Hamas spokesman said"); not across "and" ("met Y and said").
    const before = [...mentions].reverse().find((m) => m.last === i || (m.last === i - 1 && !w.verbCoordinators.has(toks[i - 1].norm) && !w.coordinators.has(toks[i - 1].norm)));
    // "X told Y": Y is who is told; "said X": X speaks.
    const m = toks[i].norm === "told" || toks[i].norm === "tells" ? before : (after ?? before);
    if (m) return m;
  }
  return undefined;
}
