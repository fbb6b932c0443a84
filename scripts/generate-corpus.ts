// npx tsx scripts/generate-corpus.ts --out DIR [--mb 10] [--seed 1]
// Writes a made-up corpus for benchmarks: articles of a few KB composed from
// sentence templates over the gazetteer's actors (names, capitals, demonyms),
// with relation verbs, quotes, dates and filler. Deterministic for a seed; for
// speed measurements, not for judging extraction quality.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { defaultGazetteer } from "../src/extract/gazetteer-data";
import { seededRandom } from "../src/graph/random";

export interface GenerateOptions {
  outDir: string;
  /** Total size in MB (10^6 bytes). */
  mb: number;
  seed?: number;
  /** Approximate article size in bytes. */
  articleBytes?: number;
}

const RELATION_SENTENCES = [
  "{A} and {B} agreed to restore diplomatic relations after months of talks.",
  "{A} condemned {B} over the strikes on {day}.",
  "Officials from {A} met their counterparts from {B} in {city} on {day}.",
  "{A} accused {B} of sheltering militants along the border.",
  "{A} announced new sanctions against {B} on {day}.",
  "{A} sent humanitarian aid to {B} after the floods.",
  "{A} mediated talks between {B} and {C} in {city}.",
  "{A} hosted a delegation from {B} for two days of talks.",
  "{A} denied that it had supplied weapons to {B}.",
  "{A} said it would support {B} in the negotiations.",
  "The foreign minister of {A} criticized {B} for the delay.",
  "{A} signed a trade agreement with {B} in {city}.",
  "{A} and {B} clashed near the disputed crossing, {demonym} officials said.",
  "{A} praised {B} for its role in the ceasefire.",
  "{A} recognised the government of {B} on {day}.",
  "{A} plans to open an embassy in {B} next year.",
  '"We will not accept this," a spokesman for {A} said of the demands by {B}.',
  "{city} rejected the proposal put forward by {B}.",
];
const FILLER = [
  "The talks lasted late into the night and ended without a joint statement.",
  "Analysts said the move could change the balance of power in the region.",
  "Prices of fuel and bread rose sharply in the weeks that followed.",
  "The statement gave no details about the timing of the next round.",
  "Residents of the border towns said they had heard explosions overnight.",
  "Several hundred people gathered in the main square to protest.",
  "The agreement must still be approved by parliament, officials said.",
  "Journalists were not allowed to attend the closed meeting.",
  "Observers described the atmosphere as tense but constructive.",
  "It was not clear how many people had been displaced by the fighting.",
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function generateCorpus(opts: GenerateOptions): { files: number; bytes: number } {
  const rand = seededRandom(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const actors = defaultGazetteer().filter((a) => !a.ambiguous);
  const states = actors.filter((a) => a.kind === "state");
  const cities = states.flatMap((s) => s.capitals ?? []);
  const demonyms = states.flatMap((s) => s.demonyms ?? []);
  const name = () => {
    const a = pick(actors);
    const r = rand();
    if (r < 0.15 && a.aliases.length) return pick(a.aliases);
    if (r < 0.25 && a.kind !== "state") return `the ${a.name}`;
    return a.name;
  };
  const fill = (t: string) =>
    t
      .replace(/\{A\}/g, () => name())
      .replace(/\{B\}/g, () => name())
      .replace(/\{C\}/g, () => name())
      .replace(/\{city\}/g, () => pick(cities))
      .replace(/\{demonym\}/g, () => pick(demonyms))
      .replace(/\{day\}/g, () => (rand() < 0.5 ? pick(DAYS) : `${1 + Math.floor(rand() * 28)} ${pick(MONTHS)}`));
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  const target = opts.mb * 1e6;
  const articleBytes = opts.articleBytes ?? 5000;
  mkdirSync(opts.outDir, { recursive: true });
  let bytes = 0;
  let files = 0;
  while (bytes < target) {
    const year = 2015 + Math.floor(rand() * 11);
    const date = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    const title = cap(fill(pick(RELATION_SENTENCES)).replace(/[.]$/, "").replace(/^"|"$/g, ""));
    const paras: string[] = [];
    let size = title.length;
    const want = articleBytes * (0.5 + rand());
    while (size < want) {
      const n = 2 + Math.floor(rand() * 4);
      const sentences: string[] = [];
      for (let i = 0; i < n; i++) sentences.push(cap(fill(rand() < 0.6 ? pick(RELATION_SENTENCES) : pick(FILLER))));
      const p = sentences.join(" ");
      paras.push(p);
      size += p.length + 2;
    }
    const text = `date ${date} ${title}\n\n${paras.join("\n\n")}\n`;
    const file = join(opts.outDir, `gen_${String(files).padStart(5, "0")}.txt`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { files, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { Command } = await import("commander");
  const o = new Command()
    .name("generate-corpus")
    .description("Write a made-up corpus of articles for benchmarks (deterministic for a seed).")
    .requiredOption("-o, --out <dir>", "folder to write the .txt articles into")
    .option("--mb <n>", "total size in MB", "10")
    .option("--seed <n>", "random seed", "1")
    .option("--article-kb <n>", "approximate article size in KB", "5")
    .parse()
    .opts<{ out: string; mb: string; seed: string; articleKb: string }>();
  const r = generateCorpus({ outDir: resolve(o.out), mb: Number(o.mb), seed: Number(o.seed), articleBytes: Number(o.articleKb) * 1000 });
  console.log(`wrote ${r.files} articles, ${(r.bytes / 1e6).toFixed(1)} MB, to ${o.out}`);
}
