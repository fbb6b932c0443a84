// Shared by the extractor's pattern tests: one extractor for the suite (the
// lexicon build inflects every trigger, so it is built once), and relations
// reduced to "source>type.status>target" strings so a test states the exact set.
import { createExtractor, type DocumentExtraction } from "../../../src/extract/extract";
import { defaultGazetteer } from "../../../src/extract/gazetteer-data";

export const extractor = createExtractor(defaultGazetteer());

export function extract(text: string, id = "t"): DocumentExtraction {
  return extractor.extractDocument({ id, title: "", date: null, text });
}

/** Every relation of the text as `source>type.status>target`, sorted, duplicates kept. */
export function relations(text: string): string[] {
  return extract(text)
    .relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`)
    .sort();
}
