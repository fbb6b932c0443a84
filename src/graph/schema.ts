// The graph file: the one contract between the extraction build and everything
// that reads its output (the explorer, exports, the gold scorer). Validated
// where it is written (scripts/build-graph.ts) and where it is read (the app).
// Documented for humans in docs/graph-schema.md; bump GRAPH_SCHEMA_VERSION on
// any change that an older reader could misread.
// zod/mini: the same validation as zod with a tree-shakable API, so the page's first load
// carries only the checks it uses (the explorer validates the graph file it loads).
import { z } from "zod/mini";

export const GRAPH_SCHEMA_VERSION = 3;

/** How many evidence entries of each relation carry their `sentence` in a graph file written by the build; the rest are sliced from the document text when asked for. */
export const SENTENCES_PER_RELATION = 3;

export const ACTOR_KINDS = ["state", "armed-group", "political-group", "organization", "person"] as const;
export const RELATION_TYPES = ["diplomacy", "meeting", "support", "aid", "concession", "mediation", "criticism", "conflict", "affiliation"] as const;
export const RELATION_STATUSES = ["asserted", "intended", "denied"] as const;
export const ATTRIBUTION_KINDS = ["actor", "source", "author"] as const;

export const ActorKind = z.enum(ACTOR_KINDS);
export const RelationType = z.enum(RELATION_TYPES);
export const RelationStatus = z.enum(RELATION_STATUSES);
export const AttributionKind = z.enum(ATTRIBUTION_KINDS);

/** A half-open character range [start, end) into a document's `text`. */
export const Span = z
  .object({
    start: z.int().check(z.nonnegative()),
    end: z.int().check(z.nonnegative()),
  })
  .check(z.refine((s) => s.end >= s.start, { message: "span end before start" }));

export const Document = z
  .object({
    /** File name without `.txt` (path below the input folder for nested files, with `/`). */
    id: z.string().check(z.minLength(1)),
    title: z.string(),
    /** ISO date `YYYY-MM-DD` when the text gives one. */
    date: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
    /** The article prose after page furniture was stripped; all offsets point into it. Inline in single-file graphs, exported views and articles added in the page. */
    text: z.optional(z.string()),
    /** Where the text is otherwise: a per-document file (DocumentTextFile), relative to the graph file's URL, e.g. "graph.docs/3f…c1.json". */
    textUrl: z.optional(z.string().check(z.minLength(1))),
    /** Length of the text (UTF-16 code units), so a reader can tell a per-document file from another build. */
    textLength: z.optional(z.int().check(z.nonnegative())),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.text === undefined && d.textUrl === undefined) ctx.addIssue({ code: "custom", message: `document "${d.id}" has neither text nor textUrl` });
      if (d.text !== undefined && d.textLength !== undefined && d.text.length !== d.textLength)
        ctx.addIssue({ code: "custom", message: `document "${d.id}": textLength ${d.textLength} but the text has ${d.text.length} characters` });
    }),
  );

/** A per-document file beside the graph file (`documents[].textUrl`): one article's text. */
export const DocumentTextFile = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  id: z.string().check(z.minLength(1)),
  text: z.string(),
});

export const Actor = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  kind: ActorKind,
  /** Other surface forms that were seen or are known for this actor. */
  aliases: z.array(z.string()),
  /** Number of mentions across the corpus. */
  mentions: z.int().check(z.nonnegative()),
  /** Ids of the documents that mention the actor. */
  documents: z.array(z.string()),
  /** Layout position computed at build time, so the first paint needs no layout. */
  position: z.optional(z.object({ x: z.number(), y: z.number() })),
  /** A descriptive non-state group's country ("Sudanese rebels": the id of Sudan). */
  country: z.optional(z.string().check(z.minLength(1))),
});

/**
 * Who states a piece of evidence. "actor": a speaker that is an actor of the
 * graph (`actor` is its id); "source": a source named in the text that is not
 * an actor ("a source", "two officials", "according to witnesses"), with the
 * document offsets of those words; "author": the article's own voice (`text`
 * e.g. "the article", no offsets).
 */
export const Attribution = z
  .object({
    kind: AttributionKind,
    /** Actor id of the speaker; present exactly when `kind` is "actor". */
    actor: z.optional(z.string().check(z.minLength(1))),
    /** The words naming the speaker as they stand in the text ("the article" for the author). */
    text: z.string().check(z.minLength(1)),
    /** Document offsets of `text`; both or neither, never for the author. */
    start: z.optional(z.int().check(z.nonnegative())),
    end: z.optional(z.int().check(z.nonnegative())),
  })
  .check(
    z.superRefine((a, ctx) => {
      if (a.kind === "actor" && a.actor === undefined) ctx.addIssue({ code: "custom", message: 'attribution of kind "actor" without an actor id' });
      if (a.kind !== "actor" && a.actor !== undefined) ctx.addIssue({ code: "custom", message: `attribution of kind "${a.kind}" names an actor id` });
      if ((a.start === undefined) !== (a.end === undefined)) ctx.addIssue({ code: "custom", message: "attribution has only one of start and end" });
      if (a.start !== undefined && a.end !== undefined && a.end < a.start) ctx.addIssue({ code: "custom", message: "attribution end before start" });
      if (a.kind === "author" && a.start !== undefined) ctx.addIssue({ code: "custom", message: 'attribution of kind "author" has offsets' });
    }),
  );

export const Evidence = z.object({
  doc: z.string().check(z.minLength(1)),
  /** The sentence, as it stands in the document text (`text.slice(start, end)`). Only the first few evidence entries of a relation carry it in a graph file; slice it from the text otherwise. */
  sentence: z.optional(z.string()),
  /** Offsets of the sentence in the document text. */
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
  /** The words that signal the relation, with document offsets. */
  trigger: z.object({ text: z.string(), start: z.int().check(z.nonnegative()), end: z.int().check(z.nonnegative()) }),
  /** Where the source and target actors are mentioned, with document offsets. */
  sourceMention: z.optional(Span),
  targetMention: z.optional(Span),
  /** Id of the extraction rule that produced it ("svo", "passive-agent", "nominal-between", …; "legacy" when unknown). */
  rule: z.string().check(z.minLength(1)),
  /** Who states it. */
  attribution: Attribution,
});

export const Relation = z.object({
  /** Stable: derived from source, type, status and target. */
  id: z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  target: z.string().check(z.minLength(1)),
  type: RelationType,
  status: RelationStatus,
  /** False when the text states the relation as two-sided (meetings, "ties between A and B"). */
  directed: z.boolean(),
  /** True when this pair (unordered) and type is asserted by one source and denied by another; set on both sides. */
  disputed: z.boolean(),
  /** How likely the relation is right, from the measured precision of the rules behind its evidence (src/extract/confidence.ts). */
  confidence: z.number().check(z.gte(0), z.lte(1)),
  evidence: z.array(Evidence).check(z.minLength(1)),
});

export const RelationTypeInfo = z.object({
  type: RelationType,
  label: z.string(),
  description: z.string(),
  cameoRoots: z.array(z.string()),
  quadClass: z.nullable(z.string()),
  symmetric: z.boolean(),
});

export const Graph = z
  .object({
    schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
    generatedAt: z.string(),
    relationTypes: z.array(RelationTypeInfo),
    documents: z.array(Document),
    actors: z.array(Actor),
    relations: z.array(Relation),
  })
  .check(
    z.superRefine((g, ctx) => {
      const actorIds = new Set<string>();
      for (const a of g.actors) {
        if (actorIds.has(a.id)) ctx.addIssue({ code: "custom", message: `duplicate actor id "${a.id}"` });
        actorIds.add(a.id);
      }
      const docIds = new Set(g.documents.map((d) => d.id));
      for (const r of g.relations) {
        if (!actorIds.has(r.source)) ctx.addIssue({ code: "custom", message: `relation ${r.id}: unknown source actor "${r.source}"` });
        if (!actorIds.has(r.target)) ctx.addIssue({ code: "custom", message: `relation ${r.id}: unknown target actor "${r.target}"` });
        for (const e of r.evidence) {
          if (!docIds.has(e.doc)) ctx.addIssue({ code: "custom", message: `relation ${r.id}: evidence from unknown document "${e.doc}"` });
          if (e.attribution.actor !== undefined && !actorIds.has(e.attribution.actor))
            ctx.addIssue({ code: "custom", message: `relation ${r.id}: evidence attributed to unknown actor "${e.attribution.actor}"` });
        }
      }
    }),
  );

export type ActorKind = z.infer<typeof ActorKind>;
export type RelationType = z.infer<typeof RelationType>;
export type RelationStatus = z.infer<typeof RelationStatus>;
export type AttributionKind = z.infer<typeof AttributionKind>;
export type Attribution = z.infer<typeof Attribution>;
export type Span = z.infer<typeof Span>;
export type GraphDocument = z.infer<typeof Document>;
export type DocumentTextFile = z.infer<typeof DocumentTextFile>;
export type Actor = z.infer<typeof Actor>;
export type Evidence = z.infer<typeof Evidence>;
export type Relation = z.infer<typeof Relation>;
export type RelationTypeInfo = z.infer<typeof RelationTypeInfo>;
export type Graph = z.infer<typeof Graph>;

export type GraphParseResult = { ok: true; graph: Graph } | { ok: false; error: string };

/** Validates unknown JSON as a graph file (texts inline or in per-document files), with a message a person can act on. */
export function parseGraph(json: unknown): GraphParseResult {
  if (json && typeof json === "object" && "schemaVersion" in json && (json as { schemaVersion: unknown }).schemaVersion !== GRAPH_SCHEMA_VERSION)
    return {
      ok: false,
      error: `graph file has schemaVersion ${String((json as { schemaVersion: unknown }).schemaVersion)}, this version of entente reads ${GRAPH_SCHEMA_VERSION}: rebuild it with "npm run build:graph"`,
    };
  const r = Graph.safeParse(json);
  if (r.success) return { ok: true, graph: r.data };
  const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  const more = r.error.issues.length > 5 ? ` (and ${r.error.issues.length - 5} more)` : "";
  return { ok: false, error: `graph file is not valid: ${issues.join("; ")}${more}` };
}

/** Stable relation id: one relation per (source, type, status, target). */
export function relationId(source: string, type: RelationType, status: RelationStatus, target: string): string {
  return `${source}>${type}.${status}>${target}`;
}

export type DocumentTextParseResult = { ok: true; text: string } | { ok: false; error: string };

/** Validates a per-document file's JSON as the text of document `id`. */
export function parseDocumentText(json: unknown, id: string, textLength?: number): DocumentTextParseResult {
  if (json && typeof json === "object" && "schemaVersion" in json && (json as { schemaVersion: unknown }).schemaVersion !== GRAPH_SCHEMA_VERSION)
    return {
      ok: false,
      error: `the article file has schemaVersion ${String((json as { schemaVersion: unknown }).schemaVersion)}, this version of entente reads ${GRAPH_SCHEMA_VERSION}`,
    };
  const r = DocumentTextFile.safeParse(json);
  if (!r.success) return { ok: false, error: `the article file is not valid: ${r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}` };
  if (r.data.id !== id) return { ok: false, error: `the article file holds "${r.data.id}", not "${id}"` };
  if (textLength !== undefined && r.data.text.length !== textLength)
    return {
      ok: false,
      error: `the article file has ${r.data.text.length} characters, the graph expects ${textLength} (built at another time: rebuild with "npm run build:graph")`,
    };
  return { ok: true, text: r.data.text };
}

/** The evidence sentence: its own `sentence`, or sliced from its document's text; undefined when neither is at hand. */
export function evidenceSentence(e: Evidence, docText: string | undefined): string | undefined {
  if (e.sentence !== undefined) return e.sentence;
  return docText === undefined ? undefined : docText.slice(e.start, e.end);
}

/**
 * The graph with every document's text inline (from `texts` where the document
 * has none) and every evidence's sentence filled in: what exports and tools that
 * read sentences expect. Documents whose text is nowhere keep their `textUrl`.
 */
export function withTexts(graph: Graph, texts: ReadonlyMap<string, string> = new Map()): Graph {
  const docText = new Map<string, string>();
  const documents = graph.documents.map((d) => {
    const text = d.text ?? texts.get(d.id);
    if (text === undefined) return d;
    docText.set(d.id, text);
    return { id: d.id, title: d.title, date: d.date, text };
  });
  const relations = graph.relations.map((r) =>
    r.evidence.every((e) => e.sentence !== undefined)
      ? r
      : { ...r, evidence: r.evidence.map((e) => (e.sentence !== undefined ? e : { ...e, sentence: evidenceSentence(e, docText.get(e.doc)) })) },
  );
  return { ...graph, documents, relations };
}

/** Evidence of a relation as a graph file keeps it: the first `keep` with their sentence, the rest offsets only. */
export function slimEvidence(evidence: readonly Evidence[], keep = SENTENCES_PER_RELATION): Evidence[] {
  return evidence.map((e, i) => {
    if (i < keep || e.sentence === undefined) return e;
    const { sentence: _sentence, ...rest } = e;
    return rest;
  });
}
