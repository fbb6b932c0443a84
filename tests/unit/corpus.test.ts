import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignDocumentIds, readCorpus } from "../../src/io/corpus";

const FIXTURES = join(__dirname, "../fixtures/documents");

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

describe("readCorpus", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "entente-corpus-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function buildMixedFolder() {
    writeFileSync(join(dir, "b-good.txt"), "Envoys Meet In Geneva\n\nThe envoys met on 3 May 2022 in Geneva.\n");
    writeFileSync(join(dir, "a-crlf.txt"), "Share\r\nThe council met again.\r\n");
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "blank.txt"), "  \n\n\t\n");
    writeFileSync(join(dir, "notes.odt"), "# not an article\n");
    writeFileSync(join(dir, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    // Binary content behind a .txt name: a PNG header followed by random-looking bytes and NULs.
    const binary = Buffer.alloc(600);
    binary.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let i = 8; i < binary.length; i++) binary[i] = (i * 131) % 7 === 0 ? 0 : (i * 89) % 256;
    writeFileSync(join(dir, "disguised.txt"), binary);
    writeFileSync(join(dir, "utf16.txt"), utf16le("Talks Resume\n\nThe delegates returned to the table.\n"));
    writeFileSync(join(dir, "utf16-nobom.txt"), Buffer.from("Quiet Border\n\nThe border stayed quiet overnight, officials said.\n", "utf16le"));
    writeFileSync(join(dir, "latin1.txt"), Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" owners met the mayor on Monday.\n")]));
    writeFileSync(join(dir, "only-furniture.txt"), "Share\nAdvertisement\nTweet\n");
    mkdirSync(join(dir, "nested", "deeper"), { recursive: true });
    writeFileSync(join(dir, "nested", "deeper", "inner.txt"), "The nested article text is here.\n");
    writeFileSync(join(dir, "nested", "UPPER.TXT"), "Upper-case extensions are articles too.\n");
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, ".git", "HEAD.txt"), "ref: refs/heads/main\n");
    symlinkSync(join(dir, "loop.txt"), join(dir, "loop.txt"));
  }

  it("reads good files, skips and reports the rest, in sorted order", async () => {
    buildMixedFolder();
    const progress: [number, number][] = [];
    const result = await readCorpus(dir, { onFile: (done, total) => progress.push([done, total]) });

    expect(result.documents.map((d) => d.id)).toEqual([
      "a-crlf",
      "b-good",
      "latin1",
      "nested/UPPER",
      "nested/deeper/inner",
      // Sorted by relative path: "utf16-nobom.txt" < "utf16.txt" since "-" < ".".
      "utf16-nobom",
      "utf16",
    ]);
    const byId = Object.fromEntries(result.documents.map((d) => [d.id, d]));
    expect(byId["a-crlf"].text).toBe("The council met again.");
    expect(byId["b-good"]).toEqual({
      id: "b-good",
      title: "Envoys Meet In Geneva",
      date: "2022-05-03",
      text: "Envoys Meet In Geneva\n\nThe envoys met on 3 May 2022 in Geneva.",
      path: join(dir, "b-good.txt"),
    });
    expect(byId["utf16"].text).toBe("Talks Resume\n\nThe delegates returned to the table.");
    expect(byId["utf16-nobom"].title).toBe("Quiet Border");
    expect(byId["latin1"].text).toBe("Caf\uFFFD owners met the mayor on Monday.");
    expect(byId["nested/deeper/inner"].path).toBe(join(dir, "nested", "deeper", "inner.txt"));

    const skipped = Object.fromEntries(result.skipped.map((s) => [s.path.slice(dir.length + 1), s.reason]));
    expect(skipped["empty.txt"]).toBe("empty file");
    expect(skipped["blank.txt"]).toBe("empty file");
    expect(skipped["notes.odt"]).toBe("not a .txt file");
    expect(skipped["photo.jpg"]).toBe("not a .txt file");
    expect(skipped["disguised.txt"]).toBe("binary file");
    expect(skipped["only-furniture.txt"]).toBe("no article text left after removing page furniture");
    expect(skipped[".git"]).toBe("hidden folder");
    expect(skipped["loop.txt"]).toMatch(/^broken symbolic link: .*ELOOP/);
    expect(Object.keys(skipped)).toHaveLength(8);

    const warnings = result.warnings.map((w) => [w.path.slice(dir.length + 1), w.message]);
    expect(warnings).toContainEqual(["latin1.txt", "invalid UTF-8 byte sequence: 1 replaced with U+FFFD"]);
    expect(warnings.some(([p, m]) => p === "utf16-nobom.txt" && /no byte order mark/.test(m))).toBe(true);
    expect(warnings.some(([p]) => p === "only-furniture.txt")).toBe(false);

    const total = result.documents.length + result.skipped.length;
    expect(progress).toHaveLength(total);
    expect(progress[0]).toEqual([1, total]);
    expect(progress[progress.length - 1]).toEqual([total, total]);
  });

  it("reports a file that cannot be read with the OS error and reads on", async () => {
    writeFileSync(join(dir, "a.txt"), "The first article is here.");
    writeFileSync(join(dir, "b.txt"), "The second article vanishes before it is read.");
    writeFileSync(join(dir, "c.txt"), "The third article is here.");
    // The file disappears between listing and reading, as on a flaky share.
    const result = await readCorpus(dir, { onFile: (done) => done === 1 && rmSync(join(dir, "b.txt")) });
    expect(result.documents.map((d) => d.id)).toEqual(["a", "c"]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0].path).toBe(join(dir, "b.txt"));
    expect(result.skipped[0].reason).toMatch(/ENOENT/);
  });

  it("gives the same result on a second read", async () => {
    buildMixedFolder();
    const a = await readCorpus(dir);
    const b = await readCorpus(dir);
    expect(b).toEqual(a);
  });

  it("reads the document fixtures", async () => {
    const result = await readCorpus(FIXTURES);
    const names = readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".txt"))
      .sort();
    expect(result.documents.map((d) => d.id)).toEqual(names.map((n) => n.replace(/\.txt$/, "")));
    expect(result.skipped).toEqual([]);
    const dates = Object.fromEntries(result.documents.map((d) => [d.id, d.date]));
    expect(dates["date-marker"]).toBe("2023-04-11");
    expect(dates["no-date"]).toBeNull();
  });

  it("throws a clear error for a missing folder", async () => {
    await expect(readCorpus(join(dir, "missing"))).rejects.toThrow(/Input folder not found: .*missing/);
  });

  it("throws a clear error when the path is a file", async () => {
    const file = join(dir, "article.txt");
    writeFileSync(file, "Some text.");
    await expect(readCorpus(file)).rejects.toThrow(/Input path is not a folder: .*article\.txt/);
  });

  it("reads an empty folder as an empty corpus", async () => {
    expect(await readCorpus(dir)).toEqual({ documents: [], skipped: [], warnings: [] });
  });
});

describe("document ids", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "entente-ids-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("are unique and stable for '.txt', a.txt/a.TXT and the same name in two folders", async () => {
    const files: Record<string, string> = {
      ".txt": "The nameless article is here.",
      "a.txt": "The lower-case article is here.",
      "a.TXT": "The upper-case article is here.",
      "x/a.txt": "The first nested article is here.",
      "y/a.txt": "The second nested article is here.",
      "y/.txt": "The nameless nested article is here.",
      "000_e70b6a044e603e26.txt": "An ordinary article keeps its id.",
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(dir, rel, ".."), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    const result = await readCorpus(dir);
    expect(result.skipped).toEqual([]);
    const byPath = Object.fromEntries(result.documents.map((d) => [d.path.slice(dir.length + 1), d.id]));
    expect(byPath).toEqual({
      ".txt": ".txt",
      "a.txt": "a",
      "a.TXT": "a.TXT",
      "x/a.txt": "x/a",
      "y/a.txt": "y/a",
      "y/.txt": "y/.txt",
      "000_e70b6a044e603e26.txt": "000_e70b6a044e603e26",
    });
    // Every document keeps its own text under its own id.
    for (const d of result.documents) expect(d.text).toBe(files[d.path.slice(dir.length + 1)]);
    expect((await readCorpus(dir)).documents.map((d) => d.id)).toEqual(result.documents.map((d) => d.id));
  });

  it("never repeat, even when a whole path is someone else's short id", () => {
    const ids = assignDocumentIds(["a.txt", "a.TXT", "a.TXT.txt", ".txt", ".txt.txt"]);
    expect([...ids.values()].sort()).toEqual([".txt", ".txt#2", "a", "a.TXT", "a.TXT#2"].sort());
    expect(new Set(ids.values()).size).toBe(5);
  });
});
