// The actor gazetteer: reviewable JSON lexicons in data/gazetteer/ (states,
// organizations, armed and political groups, and widely reported people),
// validated and merged here.
// Pure: the caller (or the bundler, through the JSON imports below) reads the
// files; this module only checks and returns them. Format: data/gazetteer/README.md.
import { z } from "zod";
import type { ActorKind } from "../graph/schema";
import states from "../../data/gazetteer/states.json";
import organizations from "../../data/gazetteer/organizations.json";
import groups from "../../data/gazetteer/groups.json";
import people from "../../data/gazetteer/people.json";

/**
 * The actor kinds a gazetteer entry may have. People ("person") are listed only
 * in their own file (people.json): a file may not mix people with other actors.
 */
export const GAZETTEER_KINDS = ["state", "organization", "armed-group", "political-group", "person"] as const satisfies readonly ActorKind[];
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number];

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Id = z.string().regex(ID_PATTERN, "must be lowercase letters and digits joined by single hyphens");
const SurfaceForm = z
  .string()
  .min(1, "must not be empty")
  .refine((s) => s === s.trim() && !/\s{2,}/.test(s), "must not have leading, trailing or double spaces");
const SurfaceForms = z.array(SurfaceForm).default([]);

/** Fields that only make sense for states. */
const STATE_ONLY = ["capitals", "demonyms", "demonymPlurals", "unMember"] as const;
/** Fields that people do not carry: a person's tie to an actor is `affiliation`. */
const NOT_FOR_PEOPLE = ["institutions", "parent", "state", "historical"] as const;

export const GazetteerEntrySchema = z
  .strictObject({
    id: Id,
    name: SurfaceForm,
    kind: z.enum(GAZETTEER_KINDS),
    /** Official long names, short forms, abbreviations, former names. */
    aliases: SurfaceForms,
    /** States: capital and seat of government, used as metonyms ("Tehran denied"). */
    capitals: SurfaceForms,
    /** States: adjectives ("Iranian"). */
    demonyms: SurfaceForms,
    /** States: nouns for the people ("Iranians"), only where unambiguous. */
    demonymPlurals: SurfaceForms,
    /** Bodies whose name stands for the actor ("White House", "Kremlin"). */
    institutions: SurfaceForms,
    /** States: a UN member state. Required on states. */
    unMember: z.boolean().optional(),
    /** The name is also a common word, a person's name or another place ("Chad", "Georgia"). */
    ambiguous: z.boolean().default(false),
    /** Listed forms that need context to mean this actor ("America", "Brussels", "IS"). */
    ambiguousAliases: SurfaceForms,
    /** No longer exists (the Soviet Union, ISAF). */
    historical: z.boolean().default(false),
    /** Id of the actor this one is a branch, wing, organ or affiliate of. */
    parent: Id.optional(),
    /** Id of the state this actor is an organ of (the IRGC of Iran). */
    state: Id.optional(),
    /**
     * People only: id of the state, organization or group the person acts for
     * (for past leaders, the state they led). Must name a non-person entry.
     */
    affiliation: Id.optional(),
    /** Why something is listed or left out, for reviewers. */
    note: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === "state" && e.unMember === undefined) ctx.addIssue({ code: "custom", path: ["unMember"], message: "is required on states (true or false)" });
    if (e.kind !== "state") {
      for (const f of STATE_ONLY) {
        const v = e[f];
        if (Array.isArray(v) ? v.length > 0 : v !== undefined) ctx.addIssue({ code: "custom", path: [f], message: `is only for states, not ${e.kind}` });
      }
    }
    if (e.kind === "person") {
      for (const f of NOT_FOR_PEOPLE) {
        const v = e[f];
        if (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== false)
          ctx.addIssue({ code: "custom", path: [f], message: `is not for people (use "affiliation" for the actor a person acts for)` });
      }
    } else if (e.affiliation !== undefined) {
      ctx.addIssue({ code: "custom", path: ["affiliation"], message: `is only for people, not ${e.kind} (use "parent" or "state")` });
    }
    if (e.parent === e.id) ctx.addIssue({ code: "custom", path: ["parent"], message: "must not be the entry itself" });
    const forms = surfaceForms(e);
    const seen = new Set<string>();
    for (const { form, field } of forms) {
      if (seen.has(form)) ctx.addIssue({ code: "custom", path: [field], message: `lists "${form}" twice` });
      seen.add(form);
    }
    e.ambiguousAliases.forEach((a, i) => {
      if (!forms.some((f) => f.form === a)) ctx.addIssue({ code: "custom", path: ["ambiguousAliases", i], message: `"${a}" is not one of the entry's own names` });
    });
  });

export const GazetteerFileSchema = z.strictObject({
  $comment: z.string().optional(),
  actors: z.array(GazetteerEntrySchema),
});

export type GazetteerEntry = z.output<typeof GazetteerEntrySchema>;
/** An entry of people.json. `affiliation` is the id of the actor the person acts for. */
export type PersonEntry = GazetteerEntry & { kind: "person"; affiliation?: string };
export const isPerson = (e: GazetteerEntry): e is PersonEntry => e.kind === "person";
export type GazetteerFile = z.output<typeof GazetteerFileSchema>;

type SurfaceField = "name" | "aliases" | "capitals" | "demonyms" | "demonymPlurals" | "institutions";
const SURFACE_FIELDS: SurfaceField[] = ["name", "aliases", "capitals", "demonyms", "demonymPlurals", "institutions"];

/** Every string by which the entry can be named, with the field it comes from. */
export function surfaceForms(e: Pick<GazetteerEntry, SurfaceField>): { form: string; field: SurfaceField }[] {
  const out: { form: string; field: SurfaceField }[] = [];
  for (const field of SURFACE_FIELDS) {
    const v = e[field];
    for (const form of typeof v === "string" ? [v] : v) out.push({ form, field });
  }
  return out;
}

/**
 * The key under which two surface forms count as the same name: case, dots,
 * diacritics, curly quotes and a leading "the" ignored, hyphens read as spaces.
 * "U.S." and "us" meet here, so the uniqueness rule is stricter than the matcher,
 * which keeps acronyms case-sensitive.
 */
export function normalizeForm(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, "")
    .replace(/[-‐‑–—]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");
}

export interface SharedForm {
  key: string;
  actors: { id: string; form: string }[];
}

/** Normalized names claimed by more than one actor. */
export function findSharedForms(entries: readonly Pick<GazetteerEntry, "id" | SurfaceField>[]): SharedForm[] {
  const owners = new Map<string, { id: string; form: string }[]>();
  for (const e of entries) {
    for (const { form } of surfaceForms(e)) {
      const key = normalizeForm(form);
      const list = owners.get(key) ?? [];
      if (!list.some((o) => o.id === e.id)) list.push({ id: e.id, form });
      owners.set(key, list);
    }
  }
  return [...owners].filter(([, list]) => list.length > 1).map(([key, actors]) => ({ key, actors }));
}

function describePath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

/**
 * Validates gazetteer files (parsed JSON) and returns their entries merged, in
 * file order. Throws an Error naming the file, the entry id and the field on the
 * first problem: a malformed entry, a file mixing people with other actors, a
 * duplicate id, a dangling parent/state/affiliation reference, or a name shared
 * by two actors (people included).
 */
export function loadGazetteerData(files: unknown[], labels: readonly string[] = []): GazetteerEntry[] {
  const fileName = (i: number) => `gazetteer file ${i}${labels[i] ? ` (${labels[i]})` : ""}`;
  const entries: GazetteerEntry[] = [];
  const origin = new Map<string, number>();
  files.forEach((raw, fi) => {
    const parsed = GazetteerFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const [top, index, ...field] = issue.path;
      if (top === "actors" && typeof index === "number") {
        const rawActors = (raw as { actors?: unknown[] }).actors;
        const rawId = (rawActors?.[index] as { id?: unknown } | undefined)?.id;
        const who = typeof rawId === "string" ? `actor "${rawId}" (actors[${index}])` : `actors[${index}]`;
        const where = field.length ? `field "${describePath(field)}"` : "entry";
        throw new Error(`${fileName(fi)}: ${who}: ${where} ${issue.message}`);
      }
      throw new Error(`${fileName(fi)}: ${issue.path.length ? `field "${describePath(issue.path)}" ` : ""}${issue.message}`);
    }
    const actors = parsed.data.actors;
    const person = actors.find(isPerson);
    const other = actors.find((e) => !isPerson(e));
    if (person && other) {
      const [odd, kind] = isPerson(actors[0]) ? [other, other.kind] : [person, "person"];
      throw new Error(`${fileName(fi)}: actor "${odd.id}": field "kind" is "${kind}", but people and other actors may not share a file (people belong in people.json)`);
    }
    for (const e of actors) {
      const first = origin.get(e.id);
      if (first !== undefined) throw new Error(`${fileName(fi)}: actor "${e.id}": field "id" is already used in ${fileName(first)}`);
      origin.set(e.id, fi);
      entries.push(e);
    }
  });

  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const e of entries) {
    const where = `${fileName(origin.get(e.id)!)}: actor "${e.id}"`;
    if (e.parent !== undefined && !byId.has(e.parent)) throw new Error(`${where}: field "parent" names unknown actor "${e.parent}"`);
    if (e.state !== undefined) {
      const s = byId.get(e.state);
      if (!s) throw new Error(`${where}: field "state" names unknown actor "${e.state}"`);
      if (s.kind !== "state") throw new Error(`${where}: field "state" names "${e.state}", which is a ${s.kind}, not a state`);
    }
    if (e.affiliation !== undefined) {
      const a = byId.get(e.affiliation);
      if (!a) throw new Error(`${where}: field "affiliation" names unknown actor "${e.affiliation}" (it must be the id of a state, organization or group)`);
      if (a.kind === "person") throw new Error(`${where}: field "affiliation" names "${e.affiliation}", which is a person, not a state, organization or group`);
    }
    // A parent chain that loops back would make "branch of" meaningless.
    const chain = new Set([e.id]);
    for (let p = e.parent; p !== undefined; p = byId.get(p)?.parent) {
      if (chain.has(p)) throw new Error(`${where}: field "parent" forms a cycle through "${p}"`);
      chain.add(p);
    }
  }

  const shared = findSharedForms(entries)[0];
  if (shared) {
    const [a, b] = shared.actors;
    throw new Error(`${fileName(origin.get(b.id)!)}: actor "${b.id}": name "${b.form}" is also a name of actor "${a.id}" ("${a.form}") in ${fileName(origin.get(a.id)!)}`);
  }
  return entries;
}

/** The gazetteer files, as bundled JSON. */
export const GAZETTEER_FILES: readonly unknown[] = [states, organizations, groups, people];
export const GAZETTEER_FILE_NAMES = ["states.json", "organizations.json", "groups.json", "people.json"] as const;

/** The project's gazetteer, validated: every state, organization, group and listed person. */
export function defaultGazetteer(): GazetteerEntry[] {
  return loadGazetteerData([...GAZETTEER_FILES], GAZETTEER_FILE_NAMES);
}
