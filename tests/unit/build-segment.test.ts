// The guards in segment(): what compromise is given is bounded, offsets stay exact,
// and what had to be done is reported.
import { describe, expect, it } from "vitest";
import { MAX_SENTENCE_TOKENS, collectDegradation, segment } from "../../src/extract/text";

function expectExactOffsets(text: string, sentences: ReturnType<typeof segment>) {
  let last = 0;
  for (const s of sentences) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    last = s.end;
  }
}

describe("segment guards", () => {
  it("leaves ordinary prose alone and reports nothing", () => {
    const text = "Iran and Iraq met in Baghdad. The Iraqi government welcomed the talks...\n\n“We will return,” he said.";
    const { value, degraded } = collectDegradation(() => segment(text));
    expect(degraded).toEqual([]);
    expect(value.map((s) => s.text)).toEqual(["Iran and Iraq met in Baghdad.", "The Iraqi government welcomed the talks...", "“We will return,” he said."]);
    expectExactOffsets(text, value);
  });

  it("splits a 60,000-word sentence with no punctuation at the token cap, quickly, and reports it", () => {
    const words = ["Iran", "Israel", "Hamas", "met", "attacked", "Qatar", "the", "and", "with"];
    const text = Array.from({ length: 60_000 }, (_, i) => words[(i * 7) % words.length]).join(" ");
    const t0 = performance.now();
    const { value, degraded } = collectDegradation(() => segment(text));
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(Math.max(...value.map((s) => s.tokens.length))).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    expect(value.reduce((n, s) => n + s.tokens.length, 0)).toBe(60_000);
    expect(degraded).toHaveLength(1);
    expect(degraded[0]).toMatch(/^split 1 overlong sentence/);
    expectExactOffsets(text, value);
  });

  it("splits an overlong sentence at clause punctuation when it has some", () => {
    const clause = "Iran and Iraq met again in the capital for talks on trade and water";
    const text = `${Array.from({ length: 60 }, () => clause).join(", ")}.`;
    const { value, degraded } = collectDegradation(() => segment(text));
    expect(degraded).toHaveLength(1);
    expect(value.length).toBeGreaterThan(1);
    for (const s of value.slice(0, -1)) expect(s.text.endsWith(",")).toBe(true);
    expectExactOffsets(text, value);
  });

  it("collapses runs of periods and spaces for the parser, with offsets into the original", () => {
    const text = `Iran met Iraq${".".repeat(50_000)} Then Qatar met Egypt.${" ".repeat(50_000)}Turkey hosted Hamas.`;
    const t0 = performance.now();
    const { value, degraded } = collectDegradation(() => segment(text));
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(degraded.some((d) => /collapsed 2 long runs/.test(d))).toBe(true);
    expectExactOffsets(text, value);
    const words = value.flatMap((s) => s.tokens.filter((t) => /\p{L}/u.test(t.text)).map((t) => t.text));
    expect(words).toEqual(["Iran", "met", "Iraq", "Then", "Qatar", "met", "Egypt", "Turkey", "hosted", "Hamas"]);
    // The parser still tagged the words after the runs.
    const hamas = value.flatMap((s) => s.tokens).find((t) => t.text === "Hamas")!;
    expect(hamas.tags.size).toBeGreaterThan(0);
    expect(Math.max(...value.map((s) => s.tokens.length))).toBeLessThan(20);
  });

  it("cuts a long paragraph of ordinary sentences into pieces without losing a sentence", () => {
    const s = "Qatar mediated talks between Israel and Hamas in Doha. Egypt hosted a delegation from Hamas. ";
    const text = s.repeat(600).trim();
    const { value, degraded } = collectDegradation(() => segment(text));
    expect(degraded).toEqual([]);
    expect(value).toHaveLength(1200);
    expectExactOffsets(text, value);
  });
});
