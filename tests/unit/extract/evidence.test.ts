// Evidence offsets are half-open ranges into the document text: the sentence,
// the trigger and both mentions can be cut back out of it.
import { describe, expect, it } from "vitest";
import { extract } from "./helpers";

const TEXT = "Negotiators arrived on Monday.  Hezbollah leader Karim Haddad criticized Israel.\n\nLater, Egypt, a key broker, welcomed Qatar's role. Moscow condemned Kyiv.";

describe("evidence offsets", () => {
  const x = extract(TEXT);

  it("finds the relations of a multi-sentence text", () => {
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`).sort()).toEqual([
      "egypt>support.asserted>qatar",
      "person:Karim Haddad>affiliation.asserted>hezbollah",
      "person:Karim Haddad>criticism.asserted>israel",
      "russia>criticism.asserted>ukraine",
    ]);
  });

  it("the sentence is text.slice(start, end) and the trigger is text.slice(trigger.start, trigger.end)", () => {
    for (const r of x.relations) {
      const e = r.evidence;
      expect(TEXT.slice(e.start, e.end)).toBe(e.sentence);
      expect(TEXT.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(e.trigger.start).toBeGreaterThanOrEqual(e.start);
      expect(e.trigger.end).toBeLessThanOrEqual(e.end);
    }
  });

  it("mention spans point at the actor's words", () => {
    const cut = (s?: { start: number; end: number }) => (s ? TEXT.slice(s.start, s.end) : undefined);
    const by = (type: string, source: string) => x.relations.find((r) => r.type === type && r.source === source)!;
    expect([cut(by("criticism", "person:Karim Haddad").evidence.sourceMention), cut(by("criticism", "person:Karim Haddad").evidence.targetMention)]).toEqual([
      "Karim Haddad",
      "Israel",
    ]);
    expect(cut(by("affiliation", "person:Karim Haddad").evidence.targetMention)).toBe("Hezbollah");
    expect(cut(by("support", "egypt").evidence.sourceMention)).toBe("Egypt");
    expect(cut(by("support", "egypt").evidence.targetMention)).toMatch(/^Qatar/);
    expect([cut(by("criticism", "russia").evidence.sourceMention), cut(by("criticism", "russia").evidence.targetMention)]).toEqual(["Moscow", "Kyiv"]);
  });

  it("the trigger text is the words of the relation", () => {
    expect(x.relations.find((r) => r.source === "russia")!.evidence.trigger.text).toBe("condemned");
    expect(x.relations.find((r) => r.type === "affiliation")!.evidence.trigger.text).toBe("leader");
  });
});
