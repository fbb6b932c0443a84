import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeArticleBytes, detectEncoding, parseArticle, resolveDateMentions, type StrippedKind } from "../../src/extract/document";

const FIXTURES = join(__dirname, "../fixtures/documents");
const fixture = (name: string) => decodeArticleBytes(readFileSync(join(FIXTURES, name))).text;
const parse = (raw: string) => parseArticle("doc", "doc.txt", raw);

function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const out: number[] = bom ? (order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (order === "le") out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return new Uint8Array(out);
}

const SAMPLE = "Ministers met in Vienna on Friday — “a fresh start”, said Zoë Müller.\n";

describe("decodeArticleBytes", () => {
  it("decodes plain UTF-8 without warnings", () => {
    const r = decodeArticleBytes(new TextEncoder().encode(SAMPLE));
    expect(r).toEqual({ text: SAMPLE, encoding: "utf-8", warnings: [] });
  });

  it("drops a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    const r = decodeArticleBytes(bytes);
    expect(r.text).toBe(SAMPLE);
    expect(r.encoding).toBe("utf-8");
    expect(r.warnings).toEqual([]);
  });

  it("decodes UTF-16LE and UTF-16BE with a BOM", () => {
    const le = decodeArticleBytes(utf16(SAMPLE, "le", true));
    expect(le).toEqual({ text: SAMPLE, encoding: "utf-16le", warnings: [] });
    const be = decodeArticleBytes(utf16(SAMPLE, "be", true));
    expect(be).toEqual({ text: SAMPLE, encoding: "utf-16be", warnings: [] });
  });

  it("recognises UTF-16 without a BOM by its NUL-byte pattern, and says so", () => {
    const le = decodeArticleBytes(utf16(SAMPLE, "le", false));
    expect(le.text).toBe(SAMPLE);
    expect(le.encoding).toBe("utf-16le");
    expect(le.warnings.join(" ")).toMatch(/no byte order mark/);
    const be = decodeArticleBytes(utf16(SAMPLE, "be", false));
    expect(be.text).toBe(SAMPLE);
    expect(be.encoding).toBe("utf-16be");
  });

  it("does not mistake binary bytes with NULs for UTF-16", () => {
    const bytes = new Uint8Array(512);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 2 === 0 ? (i * 37) % 256 : 0;
    expect(detectEncoding(bytes).encoding).toBe("utf-8");
  });

  it("replaces invalid UTF-8 bytes, warns, and keeps the rest", () => {
    const good = new TextEncoder().encode("Before ");
    const rest = new TextEncoder().encode(" after.");
    const bytes = new Uint8Array([...good, 0xff, 0xc3, ...rest]);
    const r = decodeArticleBytes(bytes);
    expect(r.text.startsWith("Before ")).toBe(true);
    expect(r.text.endsWith(" after.")).toBe(true);
    expect(r.text).toContain("\uFFFD");
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/invalid UTF-8 byte sequences: 2 replaced with U\+FFFD/);
  });
});

describe("parseArticle: normalisation", () => {
  it("normalises CRLF, NBSP and trailing spaces but keeps paragraph breaks", () => {
    const raw = "Border talks resume in Geneva\r\n\r\nThe two delegations\u00a0met again.   \r\nThey agreed to talk.\t\r\n\r\n\r\n\r\nA second round is planned.\r\n";
    const { document } = parse(raw);
    expect(document.text).toBe("Border talks resume in Geneva\n\nThe two delegations met again.\nThey agreed to talk.\n\nA second round is planned.");
  });

  it("drops a leading BOM character and control characters, with a warning", () => {
    const { document, warnings } = parse("\uFEFFA ceasefire held\u0000 overnight.");
    expect(document.text).toBe("A ceasefire held overnight.");
    expect(warnings.join(" ")).toMatch(/removed 1 control character/);
  });

  it("reports line numbers of the input even with CRLF", () => {
    const { stripped } = parse("Share\r\nThe ministers met.\r\nAdvertisement\r\nThey left.");
    expect(stripped.map((s) => [s.line, s.kind])).toEqual([
      [1, "social"],
      [3, "advertisement"],
    ]);
  });
});

describe("parseArticle: page furniture", () => {
  const PROSE_BEFORE = "The foreign ministers of both countries met in the capital on Monday.";
  const PROSE_AFTER = "They agreed to meet again next month, officials said.";

  const wholeLine: [string, StrippedKind][] = [
    ["Share", "social"],
    ["Tweet", "social"],
    ["Email", "social"],
    ["Print", "social"],
    ["Comments", "social"],
    ["Conversation", "social"],
    ["Share on Facebook", "social"],
    ["News", "section-label"],
    ["World", "section-label"],
    ["Politics", "section-label"],
    ["News > Middle East", "section-label"],
    ["JOHN DOE / AFP", "photo-credit"],
    ["JANE ROE/ANADOLU AGENCY VIA GETTY IMAGES", "photo-credit"],
    ["KARL SMITH /REUTERS", "photo-credit"],
    ["Photo: Delegates arrive for the talks", "photo-credit"],
    ["(Photo by Ann Lee/AFP via Getty Images)", "photo-credit"],
    ["Submit a Correction →", "correction-link"],
    ["Tags: diplomacy, border, trade", "tags"],
    ["Advertisement", "advertisement"],
    ["ADVERTISEMENT", "advertisement"],
    ["Subscribe now for unlimited access", "subscribe"],
    ["Sign up for our weekly newsletter to get the best stories in your inbox.", "newsletter"],
    ["Click here to download the report.", "click-here"],
    ["Produced in association with Example Press Syndicate.", "produced-in-association"],
    ["© 2024 Example Media Group", "copyright"],
    ["Copyright 2023 The Daily Example. All rights reserved.", "copyright"],
    ["By Jane Doe, Staff Reporter", "byline"],
    ["(Additional reporting by Sam Lee; editing by Ann Park)", "reporting-credit"],
    ["Reporting by Sam Lee in Vienna; Editing by Ann Park", "reporting-credit"],
    ["Image source, Example Agency", "photo-credit"],
    ["Photo by Ann Lee/Reuters", "photo-credit"],
    ["(c) 2021 Example Media", "copyright"],
    ["Read more: Why the border talks failed last year", "promo-label"],
    ["See also: Ten facts about the river dispute", "promo-label"],
    ["Also read: Inside the negotiation room", "promo-label"],
    ["* * *", "separator"],
  ];

  it.each(wholeLine)("strips %j as %s and keeps the prose around it", (line, kind) => {
    const { document, stripped } = parse(`${PROSE_BEFORE}\n\n${line}\n\n${PROSE_AFTER}`);
    expect(document.text).toBe(`${PROSE_BEFORE}\n\n${PROSE_AFTER}`);
    expect(stripped).toEqual([{ line: 3, kind, text: line, partial: false }]);
  });

  it.each(["Trending:", "Related:", "Read more:", "See also:", "Also read:"])("strips a lone %j label and the one headline after it", (label) => {
    const raw = `${PROSE_BEFORE}\n${label}\nMayor Unveils Plan for a Bigger Fish Market\nSecond Headline That Must Stay\n\n${PROSE_AFTER}`;
    const { document, stripped } = parse(raw);
    expect(document.text).toBe(`${PROSE_BEFORE}\nSecond Headline That Must Stay\n\n${PROSE_AFTER}`);
    expect(stripped.map((s) => s.kind)).toEqual(["promo-label", "promo-headline"]);
  });

  it("keeps a real sentence that follows a promo label", () => {
    const { document } = parse(`${PROSE_BEFORE}\nRelated:\n${PROSE_AFTER}`);
    expect(document.text).toBe(`${PROSE_BEFORE}\n${PROSE_AFTER}`);
  });

  it("strips a Tags: label and the tag list below it", () => {
    const { document, stripped } = parse(`${PROSE_BEFORE}\n\nTags:\nDiplomacy\nBorder Security\n\n${PROSE_AFTER}`);
    expect(document.text).toBe(`${PROSE_BEFORE}\n\n${PROSE_AFTER}`);
    expect(stripped.map((s) => [s.line, s.kind, s.text])).toEqual([
      [3, "tags", "Tags:"],
      [4, "tags", "Diplomacy"],
      [5, "tags", "Border Security"],
    ]);
  });

  it("strips an all-caps credit at the end of a caption and keeps the caption prose", () => {
    const caption = "Delegates arrive at the conference hall in Geneva on May 4, 2022.";
    const { document, stripped } = parse(`${caption} ANNA BERG/POOL VIA GETTY IMAGES\n${PROSE_AFTER}`);
    expect(document.text).toBe(`${caption}\n${PROSE_AFTER}`);
    expect(stripped).toEqual([{ line: 1, kind: "photo-credit", text: "ANNA BERG/POOL VIA GETTY IMAGES", partial: true }]);
  });

  it("strips a credit at the start of a caption", () => {
    const { document, stripped } = parse("ANNA BERG / AFP (L-R) The two envoys shake hands in Geneva.");
    expect(document.text).toBe("(L-R) The two envoys shake hands in Geneva.");
    expect(stripped[0]).toMatchObject({ kind: "photo-credit", text: "ANNA BERG / AFP", partial: true });
  });

  it("strips a trailing (Photo by …) and a mixed-case agency credit", () => {
    const a = parse("Fighters patrol the market in the old town. (Photo by Ann Lee/AFP via Getty Images)");
    expect(a.document.text).toBe("Fighters patrol the market in the old town.");
    const b = parse("Fighters patrol the market in the old town. Ann Lee/Reuters");
    expect(b.document.text).toBe("Fighters patrol the market in the old town.");
  });

  const prose = [
    "Share prices fell sharply in Tokyo on Monday.",
    "He told the AP that talks would resume.",
    "NEW YORK/GENEVA (Reuters) - The envoys met for four hours.",
    "By the time the convoy arrived, the bridge was gone.",
    "The talks included the U.S. and NATO/EU observers.",
    "World leaders gathered in the capital for the summit.",
    "Email records show the ministry knew about the deal.",
    "Print media were barred from the hearing, the union said.",
    "The statement was issued jointly by the UN and the AU",
    "Related talks in Cairo ended without agreement.",
    "Images, released by the ministry, show the damaged bridge.",
    "Images by commercial satellites show troops near the border.",
    "(c) the withdrawal of all foreign forces within a year.",
    "Reporting by the state broadcaster suggested the talks had failed.",
  ];
  it.each(prose)("keeps the prose line %j untouched", (line) => {
    const { document, stripped } = parse(line);
    expect(stripped).toEqual([]);
    expect(document.text).toBe(line);
  });

  it("cleans a whole article fixture and keeps every sentence", () => {
    const raw = fixture("furniture-heavy.txt");
    const { document, stripped } = parseArticle("furniture-heavy", "furniture-heavy.txt", raw);
    expect(document.text).toBe(
      [
        "Harbour Authority and Fishing Union Sign Water Accord",
        "",
        "File - The harbour master speaks to reporters at the port of Lindmark on March 2, 2019. He said the accord was overdue.",
        "",
        "The Lindmark Harbour Authority signed a water-sharing accord with the Coastal Fishing Union on Monday, ending a dispute that had closed two piers.",
        "",
        'The union\'s chairwoman, Mira Okafor, said the deal "gives our crews certainty for the season."',
        "",
        "The authority will release water from the upper reservoir twice a week, according to the text of the accord.",
      ].join("\n"),
    );
    const kinds = new Set(stripped.map((s) => s.kind));
    for (const k of [
      "social",
      "section-label",
      "photo-credit",
      "promo-label",
      "promo-headline",
      "advertisement",
      "subscribe",
      "newsletter",
      "click-here",
      "produced-in-association",
      "copyright",
      "correction-link",
      "tags",
    ] as StrippedKind[]) {
      expect(kinds, k).toContain(k);
    }
    // Every stripped line number points at the line that held the stripped text.
    const rawLines = raw.split("\n");
    for (const s of stripped) expect(rawLines[s.line - 1]).toContain(s.text);
    expect(document.title).toBe("Harbour Authority and Fishing Union Sign Water Accord");
  });
});

describe("parseArticle: glued paragraphs", () => {
  it("splits sentences glued without a space into paragraphs", () => {
    const { document, warnings } = parse("The talks ended without a deal, raising hopes of a possible future thawing?Anonymous officials said more rounds would follow.");
    expect(document.text).toBe("The talks ended without a deal, raising hopes of a possible future thawing?\n\nAnonymous officials said more rounds would follow.");
    expect(warnings).toContain("split 1 glued paragraph");
  });

  it("splits after a closing quote and before an opening quote", () => {
    const { document } = parse("“We will return,” he said.“The door is open.”");
    expect(document.text).toBe("“We will return,” he said.\n\n“The door is open.”");
  });

  it("leaves abbreviations, decimals, capitalised words and URLs alone", () => {
    const { document } = parseArticle("glued", "glued.txt", fixture("glued.txt"));
    expect(document.text).toBe(
      [
        "Talks in the valley",
        "",
        "The delegates left without a deal and returned home that evening.",
        "",
        "Officials said another round could follow in the autumn?",
        "",
        "Nobody in the capital would confirm it.",
        "The U.S. envoy met officials in Washington, D.C. on the way back.",
        "The envoy later flew to St.Louis where inflation stood at 3.5 percent.",
        "Details were posted at www.Example.com and https://news.example.org/Report.Html for the public.",
      ].join("\n"),
    );
  });

  it("strips furniture that was glued onto prose", () => {
    const { document, stripped } = parse("The envoys left the hall in silence.Share");
    expect(document.text).toBe("The envoys left the hall in silence.");
    expect(stripped).toEqual([{ line: 1, kind: "social", text: "Share", partial: false }]);
  });
});

describe("parseArticle: date", () => {
  it("takes the date line and the headline that shares its line", () => {
    const { document, stripped } = parseArticle("date-marker", "date-marker.txt", fixture("date-marker.txt"));
    expect(document.date).toBe("2023-04-11");
    expect(document.title).toBe("Northern council agrees to reopen the old border crossing");
    expect(document.text.startsWith("Northern council agrees to reopen the old border crossing\n\nThe northern")).toBe(true);
    expect(document.text).not.toContain("date 2023");
    expect(stripped[0]).toEqual({ line: 1, kind: "date-marker", text: "date 2023-04-11", partial: true });
  });

  it("takes a date line alone on its line and titles from the next headline", () => {
    const { document } = parse("date 2020-02-29\nFloods Close Mountain Pass\n\nHeavy rain closed the pass on Saturday.");
    expect(document.date).toBe("2020-02-29");
    expect(document.title).toBe("Floods Close Mountain Pass");
    expect(document.text).toBe("Floods Close Mountain Pass\n\nHeavy rain closed the pass on Saturday.");
  });

  it("ignores an impossible date line with a warning", () => {
    const { document, warnings } = parse("date 2021-02-30 Some headline here\n\nThe body has no date.");
    expect(document.date).toBeNull();
    expect(warnings.join(" ")).toMatch(/not a valid date/);
  });

  it("takes a complete wire dateline", () => {
    const { document } = parseArticle("wire", "wire.txt", fixture("wire-dateline.txt"));
    expect(document.date).toBe("2021-03-03");
    expect(document.title).toBe("Ministers meet in Vienna to revive grain corridor talks");
  });

  it("never completes a dateline that has no year; falls back to the first full date", () => {
    const { document } = parseArticle("d", "d.txt", fixture("dateline-no-year.txt"));
    expect(document.date).toBe("2019-06-05");
    const noFull = parse("KABUL, Oct. 5 (Reuters) - The council met on Tuesday and again on October 7.");
    expect(noFull.document.date).toBeNull();
  });

  it("takes a Published: line and strips it with the byline", () => {
    const { document, stripped } = parseArticle("p", "p.txt", fixture("published-line.txt"));
    expect(document.date).toBe("2023-03-12");
    expect(stripped.map((s) => s.kind)).toEqual(["published-line", "byline"]);
    expect(document.text).not.toContain("Published");
    expect(document.title).toBe("Volunteers Clear Debris After Hill Fire");
  });

  it("has no date when the text gives none", () => {
    expect(parseArticle("n", "n.txt", fixture("no-date.txt")).document.date).toBeNull();
    expect(parse("WASHINGTON (AP) — Lawmakers met on Thursday to discuss the budget.").document.date).toBeNull();
  });

  it("finds the first full date in the body", () => {
    const { document } = parse("Talks stalled.\n\nThe accord was first signed on 4 July 1998 and renewed on March 9, 2004.");
    expect(document.date).toBe("1998-07-04");
  });
});

describe("resolveDateMentions", () => {
  const text = "Officials met on October 21 and again on Aug. 17, 2021, then on 2022-01-05.";

  it("resolves a mention without a year against the reference date", () => {
    const mentions = resolveDateMentions(text, "2022-10-18");
    expect(mentions.map((m) => [m.text, m.date, m.yearInferred])).toEqual([
      ["October 21", "2022-10-21", true],
      ["Aug. 17, 2021", "2021-08-17", false],
      ["2022-01-05", "2022-01-05", false],
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it("leaves a year-less mention unresolved without a reference date", () => {
    const mentions = resolveDateMentions(text, null);
    expect(mentions[0]).toMatchObject({ text: "October 21", date: null, yearInferred: false });
    expect(mentions[1].date).toBe("2021-08-17");
  });

  it("ignores relative expressions", () => {
    expect(resolveDateMentions("They met last month, on Wednesday, and again yesterday.", "2022-10-18")).toEqual([]);
  });
});

describe("parseArticle: title", () => {
  it("takes the first headline-like line after furniture", () => {
    const { document } = parse("Share\nNews\n\nEnvoys Meet In Geneva\n\nThe envoys met on Monday.");
    expect(document.title).toBe("Envoys Meet In Geneva");
  });

  it("falls back to the first sentence, truncated with an ellipsis", () => {
    const { document } = parseArticle("n", "n.txt", fixture("no-date.txt"));
    expect(document.title.endsWith("…")).toBe(true);
    expect(document.title.length).toBeLessThanOrEqual(121);
    const stem = document.title.slice(0, -1);
    expect(document.text.startsWith(stem)).toBe(true);
    expect(stem).toBe(stem.trimEnd());
  });

  it("uses a short first sentence as it is", () => {
    const { document } = parse("The envoys met on Monday. They talked for hours about the border and trade.");
    expect(document.title).toBe("The envoys met on Monday.");
  });

  it("does not cut the first sentence at an abbreviation", () => {
    const { document } = parse("The U.S. envoy met Gen. Smith. They talked.");
    expect(document.title).toBe("The U.S. envoy met Gen. Smith.");
  });

  it("uses the id when no text is left", () => {
    const { document, warnings } = parse("Share\nAdvertisement\n");
    expect(document.text).toBe("");
    expect(document.title).toBe("doc");
    expect(warnings).toContain("no article text left after removing page furniture");
  });
});

describe("parseArticle: hostile shapes stay linear", () => {
  // Each of these took seconds to tens of seconds at 80 KB when a regex
  // backtracked over a run (periods, question marks, spaces, tabs).
  const N = 80_000;
  const shapes: [string, string][] = [
    ["a run of periods", `Talks ended${".".repeat(N)}x`],
    ["a run of question marks", `${"?".repeat(N)}A`],
    ["a run of spaces inside a line", `Talks${" ".repeat(N)}x`],
    ["a run of tabs inside a line", `a${"\t".repeat(N)}b`],
    ["a promo label followed by spaces", `watch${" ".repeat(N)}x`],
    ["spaced periods", `${". ".repeat(N / 2)}A`],
    ["repeated photo-credit openers", "(photo by ".repeat(N / 10)],
    ["caps and slashes", `${"A / ".repeat(N / 4)}AFP`],
    ["many short lines", "a\n".repeat(N / 2)],
  ];
  it.each(shapes)("parses %s of 80 KB quickly", (_name, raw) => {
    const t0 = performance.now();
    parse(raw);
    // Linear code takes milliseconds; the old regexes took 14–34 s. Generous for a busy machine.
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it("still finds the first sentence after a run of periods", () => {
    const { document } = parse(`The talks ended...... Nobody said more.`);
    expect(document.title).toBe("The talks ended......");
  });
});
