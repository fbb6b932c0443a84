// The shape of every file in data/lexicon/, as zod schemas: relation triggers,
// status cues, roles, the relation types, and the function-word and name
// classes of syntax.json and names.json. Pure: the caller (lexicon.ts, through
// bundled JSON imports) reads the files; this module only checks them and
// names the file and the path of the first bad entry. Format: data/lexicon/README.md.
import { z } from "zod";
import { RELATION_TYPES, RelationType } from "../graph/schema";
import { tokenize } from "./text";

/** A lexicon phrase: lowercase words separated by single spaces, as matched on lowercased tokens. */
const Phrase = z
  .string()
  .min(1, "must not be empty")
  .refine((s) => s === s.trim() && !/\s{2,}/.test(s), "must not have leading, trailing or double spaces")
  .refine((s) => s === s.toLowerCase(), "must be lowercase (matching is on lowercased tokens)");

/** A list of phrases with no entry twice. */
const phraseList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((w, i) => {
      if (seen.has(w)) ctx.addIssue({ code: "custom", path: [i], message: `lists "${w}" twice` });
      seen.add(w);
    });
  });
const Phrases = phraseList(Phrase);

/** One token as src/extract/text.ts makes it, written as its norm: the word classes are compared with token norms. */
const TokenNorm = Phrase.refine((s) => {
  const toks = tokenize(s);
  return toks.length === 1 && toks[0].norm === s;
}, "must be a single token as the tokenizer splits and normalizes it (lists of syntax.json and names.json are compared with one token)");

const Comment = z.string().optional();
const Window = z.number().int().min(1).max(20);

// relations.json

export const TriggerGroupSchema = z
  .strictObject({
    $comment: Comment,
    type: RelationType,
    /** Lemma phrases; the first word is inflected. */
    verbs: Phrases.optional(),
    /** Nominal phrases; the last word is also matched in the plural. */
    nouns: Phrases.optional(),
    /** Matched as written. */
    phrases: Phrases.optional(),
  })
  .refine((g) => (g.verbs?.length ?? 0) + (g.nouns?.length ?? 0) + (g.phrases?.length ?? 0) > 0, "has no verbs, nouns or phrases");

export const RelationsFileSchema = z
  .strictObject({
    $comment: Comment,
    triggers: z.array(TriggerGroupSchema).min(1),
    agentOfNouns: z.strictObject({ $comment: Comment, nouns: Phrases }),
  })
  .superRefine((file, ctx) => {
    // One lemma, one type: the same verb (or noun, or phrase) under two types would make a match ambiguous.
    const owner = new Map<string, string>();
    file.triggers.forEach((g, gi) => {
      for (const pos of ["verbs", "nouns", "phrases"] as const) {
        (g[pos] ?? []).forEach((w, i) => {
          const key = `${pos}:${w}`;
          const first = owner.get(key);
          if (first !== undefined && first !== g.type)
            ctx.addIssue({ code: "custom", path: ["triggers", gi, pos, i], message: `"${w}" is already a ${pos.slice(0, -1)} trigger of type ${first}` });
          if (first === undefined) owner.set(key, g.type);
        });
      }
    });
  });

// cues.json

export const CuesFileSchema = z.strictObject({
  $comment: Comment,
  negation: z.strictObject({ $comment: Comment, words: Phrases, window: Window }),
  denial: z.strictObject({ $comment: Comment, verbs: Phrases, phrases: Phrases.default([]) }),
  intention: z.strictObject({ $comment: Comment, verbs: Phrases, words: Phrases.default([]), window: Window }),
  /** Hedges that report rather than plan; loaded, not read by the rules. */
  assertion: z.strictObject({ $comment: Comment, words: Phrases }).optional(),
});

// roles.json

export const RolesFileSchema = z.strictObject({
  $comment: Comment,
  roles: Phrases,
  institutionalHeads: Phrases,
  groupDescriptors: phraseList(TokenNorm),
  stateDescriptors: phraseList(TokenNorm),
});

// relation-types.json

export const QUAD_CLASSES = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"] as const;

export const RelationTypeEntrySchema = z.strictObject({
  type: RelationType,
  label: z.string().min(1),
  description: z.string().min(1),
  /** CAMEO root codes, two digits each. */
  cameoRoots: z.array(z.string().regex(/^\d\d$/, "must be a two-digit CAMEO root code")),
  quadClass: z.enum(QUAD_CLASSES).nullable(),
  /** Relations of a symmetric type are stored undirected. */
  symmetric: z.boolean(),
});

export const RelationTypesFileSchema = z
  .strictObject({
    $comment: Comment,
    types: z.array(RelationTypeEntrySchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.types.forEach((t, i) => {
      if (seen.has(t.type)) ctx.addIssue({ code: "custom", path: ["types", i, "type"], message: `"${t.type}" is listed twice` });
      seen.add(t.type);
    });
    for (const t of RELATION_TYPES) if (!seen.has(t)) ctx.addIssue({ code: "custom", path: ["types"], message: `has no entry for type "${t}"` });
  });

// syntax.json and names.json: named word classes.

/** A word class: why it exists, and its words (token norms). */
export const WordListSchema = z.strictObject({
  description: z.string().min(1, "must say why the list exists"),
  words: phraseList(TokenNorm).min(1, "must not be empty"),
});

/** The lists of syntax.json, read by the relation rules. The names are fixed here, so a typo is an error in the file and in the code. */
export const SYNTAX_LISTS = [
  "subordinators",
  "locativePrepositions",
  "namingWords",
  "passiveAuxiliaries",
  "prepositions",
  "coordinationGap",
  "clauseEnd",
  "roleRelationNouns",
  "placeObjectTriggers",
  "affiliationNounHeads",
  "copulas",
  "articles",
  "underFrame",
  "premodifierBreakers",
  "firstPersonPronouns",
  "clauseBoundaries",
  "clauseOpenersAfterComma",
  "contrastBoundaries",
  "relativePronouns",
  "verbCoordinators",
  "verbCoordinationBarriers",
  "coordinators",
  "betweenWords",
  "appositionEnd",
  "appositionCopulas",
  "appositionOpeners",
  "headOfOpeners",
  "temporalConjunctions",
  "subjectPronouns",
  "timeModifiers",
  "reportingVerbs",
  "announcingVerbs",
  "clauseSubjectPronouns",
  "adverbsBeforeVerb",
  "objectGapStops",
  "reportAuxiliaries",
  "attributionTimeWords",
  "sourcePhraseEdges",
  "sourcePhraseEnds",
  "notNoun",
  "indefiniteArticles",
  "questionMarkers",
  "conditionMarkers",
  "placeTakingVerbs",
  "adjunctPrepositions",
  "controlPrepositions",
] as const;

/** The lists of names.json, read by the mention finder. */
export const NAME_LISTS = [
  "notName",
  "nonPersonHeads",
  "surnameLikeHeads",
  "organizationHeads",
  "nameParticles",
  "capitalLocatives",
  "speechVerbs",
  "speechAfterName",
  "descriptorDeterminers",
  "descriptorBlockers",
  "thingPronouns",
  "personPronouns",
  "possessivePronouns",
  "leaderBodies",
  "roleModifiers",
  "formerMarkers",
  "pluralPronouns",
] as const;

export type SyntaxListName = (typeof SYNTAX_LISTS)[number];
export type NameListName = (typeof NAME_LISTS)[number];
export type WordListName = SyntaxListName | NameListName;

// The two files share one namespace (lexicon.words): no name in both.
type Overlap = SyntaxListName & NameListName;
const noOverlap: [Overlap] extends [never] ? true : never = true;
void noOverlap;

const listsOf = <const K extends readonly string[]>(names: K) =>
  z.strictObject(Object.fromEntries(names.map((n) => [n, WordListSchema])) as { [P in K[number]]: typeof WordListSchema });

/** Lemma phrases (placeObjectTriggers) allow spaces; the other lists are single tokens. */
const SyntaxListsSchema = listsOf(SYNTAX_LISTS).extend({
  placeObjectTriggers: z.strictObject({ description: z.string().min(1, "must say why the list exists"), words: Phrases.min(1, "must not be empty") }),
});

export const COMPOUND_RELATIONS = [...RELATION_TYPES, "represents"] as const;

export const SyntaxFileSchema = z.strictObject({
  $comment: Comment,
  lists: SyntaxListsSchema,
  compoundParticiples: z.strictObject({
    description: z.string().min(1),
    /** participle → the relation type it gives, or "represents" (the compound stands for its head's controller). */
    participles: z.record(TokenNorm, z.enum(COMPOUND_RELATIONS)),
  }),
});

export const NamesFileSchema = z.strictObject({
  $comment: Comment,
  lists: listsOf(NAME_LISTS),
});

export type RelationsFile = z.output<typeof RelationsFileSchema>;
export type CuesFile = z.output<typeof CuesFileSchema>;
export type RolesFile = z.output<typeof RolesFileSchema>;
export type RelationTypesFile = z.output<typeof RelationTypesFileSchema>;
export type SyntaxFile = z.output<typeof SyntaxFileSchema>;
export type NamesFile = z.output<typeof NamesFileSchema>;

// groups.json
/** Heads of descriptive non-state groups ("Sudanese rebels"), by the kind of actor they make. */
export const GroupsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  armed: z.array(z.string().min(1)).min(1),
  political: z.array(z.string().min(1)).min(1),
});

// frames.json
/** A trigger frame: verb (+ particle) or noun, the heads its object may have, and the type it gives (null: not a trigger here). */
export const FrameSchema = z
  .strictObject({
    verb: z.string().min(1).optional(),
    noun: z.string().min(1).optional(),
    objects: z.array(z.string().min(1)).min(1).optional(),
    beforeName: z.boolean().optional(),
    /** The relation holds between coordinated subjects: "A and B exchanged fire". */
    mutual: z.boolean().optional(),
    type: z.nullable(RelationType),
    status: z.enum(["asserted", "intended", "denied"]).optional(),
  })
  .refine((f) => (f.verb === undefined) !== (f.noun === undefined), { message: "a frame has either a verb or a noun" });
export const FramesFileSchema = z.strictObject({ $comment: z.string().optional(), frames: z.array(FrameSchema) });
export type GroupsFile = z.infer<typeof GroupsFileSchema>;
export type FramesFile = z.infer<typeof FramesFileSchema>;

/** The files of data/lexicon/ and their schemas. */
export const LEXICON_SCHEMAS = {
  "relations.json": RelationsFileSchema,
  "cues.json": CuesFileSchema,
  "roles.json": RolesFileSchema,
  "relation-types.json": RelationTypesFileSchema,
  "syntax.json": SyntaxFileSchema,
  "names.json": NamesFileSchema,
  "groups.json": GroupsFileSchema,
  "frames.json": FramesFileSchema,
} as const;

export type LexiconFileName = keyof typeof LEXICON_SCHEMAS;
export const LEXICON_FILE_NAMES = Object.keys(LEXICON_SCHEMAS) as LexiconFileName[];

/** Parsed JSON of every lexicon file, by file name. */
export type LexiconFiles = Record<LexiconFileName, unknown>;

/** Every lexicon file, validated. */
export interface LexiconData {
  relations: RelationsFile;
  cues: CuesFile;
  roles: RolesFile;
  relationTypes: RelationTypesFile;
  syntax: SyntaxFile;
  names: NamesFile;
  groups: GroupsFile;
  frames: FramesFile;
}

/** `triggers[2].verbs[5]`, JSON-path style. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

/** A readable label for the path of a bad entry: trigger groups get their type ("triggers[2] (aid).verbs[5]"). */
function where(file: LexiconFileName, raw: unknown, path: readonly PropertyKey[]): string {
  if (file === "relations.json" && path[0] === "triggers" && typeof path[1] === "number") {
    const type = valueAt(raw, ["triggers", path[1], "type"]);
    const rest = path
      .slice(2)
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("");
    if (typeof type === "string") return `triggers[${path[1]}] (${type})${rest}`;
  }
  return describePath(path);
}

/** The value at a path in raw JSON, for the message ("got …"). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function parseFile<S extends z.ZodType>(file: LexiconFileName, schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const value = valueAt(raw, issue.path);
  const got = typeof value === "string" && !issue.message.includes(`"${value}"`) ? ` (got "${value}")` : "";
  const at = issue.path.length ? `${where(file, raw, issue.path)}: ` : "";
  throw new Error(`data/lexicon/${file}: ${at}${issue.message}${got}`);
}

/**
 * Validates the lexicon files (parsed JSON) and checks them against each
 * other. Throws an Error naming the file and the path of the first bad entry:
 * "data/lexicon/relations.json: triggers[2] (support).verbs[5]: must be lowercase (got "Back")".
 */
export function validateLexiconFiles(files: LexiconFiles): LexiconData {
  for (const name of LEXICON_FILE_NAMES) if (files[name] === undefined) throw new Error(`data/lexicon/${name}: missing`);
  const data: LexiconData = {
    relations: parseFile("relations.json", RelationsFileSchema, files["relations.json"]),
    cues: parseFile("cues.json", CuesFileSchema, files["cues.json"]),
    roles: parseFile("roles.json", RolesFileSchema, files["roles.json"]),
    relationTypes: parseFile("relation-types.json", RelationTypesFileSchema, files["relation-types.json"]),
    syntax: parseFile("syntax.json", SyntaxFileSchema, files["syntax.json"]),
    names: parseFile("names.json", NamesFileSchema, files["names.json"]),
    groups: parseFile("groups.json", GroupsFileSchema, files["groups.json"]),
    frames: parseFile("frames.json", FramesFileSchema, files["frames.json"]),
  };
  // placeObjectTriggers are compared with trigger lemmas: each must be one.
  const lemmas = new Set(data.relations.triggers.flatMap((g) => [...(g.verbs ?? []), ...(g.nouns ?? []), ...(g.phrases ?? [])]));
  data.syntax.lists.placeObjectTriggers.words.forEach((w, i) => {
    if (!lemmas.has(w))
      throw new Error(`data/lexicon/syntax.json: lists.placeObjectTriggers.words[${i}]: "${w}" is not a trigger of relations.json (the list is compared with trigger lemmas)`);
  });
  return data;
}
