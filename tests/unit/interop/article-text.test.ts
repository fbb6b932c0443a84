// HTML and Markdown articles → the plain text the extractor reads (Node side:
// htmlparser2), and the corpus reader taking .md and .html beside .txt.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleFormat, markdownToText, stripArticleExtension } from "../../../src/interop/articleText";
import { articleSourceText, htmlFileToText } from "../../../src/io/html";
import { readCorpus } from "../../../src/io/corpus";

const HTML = `<!doctype html><html><head><title>Site | Talks</title><style>p{color:red}</style>
<script>window.pwned = true; document.write("<p>Injected</p>")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header>Subscribe now</header>
<article><h1>Turkey &amp; Egypt restore ties</h1>
<p>ANKARA — Turkey <b>restored</b> diplomatic ties with Egypt on Monday,
officials said.</p><figure><img src="x.jpg" onerror="alert(1)"><figcaption>Photo: Reuters</figcaption></figure>
<p>Iran condemned Israel.<br>A second line.</p><script>alert(2)</script><div hidden>secret</div>
<ul><li>Qatar mediated.</li></ul></article>
<footer>© 2024 Example News</footer></body></html>`;

describe("HTML to text (htmlparser2)", () => {
  it("keeps the title and the article's paragraphs; drops scripts, styles, navigation, figures, hidden parts", () => {
    const text = htmlFileToText(HTML);
    expect(text.split("\n")[0]).toBe("Turkey & Egypt restore ties");
    expect(text).toContain("ANKARA — Turkey restored diplomatic ties with Egypt on Monday, officials said.");
    expect(text).toContain("Iran condemned Israel.\n\nA second line.");
    expect(text).toContain("Qatar mediated.");
    for (const gone of ["pwned", "alert", "Injected", "Home", "Subscribe", "Photo: Reuters", "secret", "©", "color:red"]) expect(text).not.toContain(gone);
  });
  it("a page without <article> reads <body>; <title> is the title without an <h1>", () => {
    const text = htmlFileToText("<html><head><title>Aid Arrives</title></head><body><p>Egypt sent aid to Gaza.</p></body></html>");
    expect(text).toBe("Aid Arrives\n\nEgypt sent aid to Gaza.");
  });
});

describe("Markdown to text", () => {
  it("drops marks, code, images and link targets; keeps headings and list items as lines", () => {
    const md = [
      "---",
      "title: Envoys meet",
      "---",
      "# Envoys meet in Geneva",
      "",
      "The **envoys** of [Russia](https://x.example/ru) and _Ukraine_ met in `Geneva`.",
      "",
      "![map](map.png)",
      "",
      "```js",
      "alert('no')",
      "```",
      "",
      "- Qatar mediated between Hamas and Israel.",
      "> Iran condemned the strikes.",
      "",
      "[ref]: https://example.com",
      "<script>alert(1)</script>",
    ].join("\n");
    const text = markdownToText(md);
    expect(text.split("\n")[0]).toBe("Envoys meet");
    expect(text).toContain("Envoys meet in Geneva");
    expect(text).toContain("The envoys of Russia and Ukraine met in Geneva.");
    expect(text).toContain("Qatar mediated between Hamas and Israel.");
    expect(text).toContain("Iran condemned the strikes.");
    for (const gone of ["alert", "map.png", "https://", "**", "```", "<script"]) expect(text).not.toContain(gone);
  });
  it("leaves snake_case and arithmetic alone", () => {
    expect(markdownToText("the file_name_here and 2*3*4")).toBe("the file_name_here and 2*3*4");
  });
});

describe("formats by name", () => {
  it("knows .txt, .md, .html", () => {
    expect(["a.txt", "a.md", "a.markdown", "a.html", "a.HTM", "a.pdf"].map(articleFormat)).toEqual(["txt", "md", "md", "html", "html", null]);
    expect(stripArticleExtension("dir/a.html")).toBe("dir/a");
    expect(articleSourceText("x.txt", "<b>kept</b>")).toBe("<b>kept</b>");
  });
});

describe("readCorpus reads .md and .html beside .txt", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-formats-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("ids without the extension, text converted, other files still skipped", async () => {
    writeFileSync(join(dir, "plain.txt"), "Talks\n\nIran met Iraq.\n");
    writeFileSync(join(dir, "page.html"), HTML);
    writeFileSync(join(dir, "notes.md"), "# Aid\n\nEgypt **sent** aid to Gaza.\n");
    writeFileSync(join(dir, "sheet.csv"), "a,b\n");
    const r = await readCorpus(dir);
    const byId = Object.fromEntries(r.documents.map((d) => [d.id, d]));
    expect(Object.keys(byId).sort()).toEqual(["notes", "page", "plain"]);
    expect(byId.page.title).toBe("Turkey & Egypt restore ties");
    expect(byId.page.text).not.toContain("alert");
    expect(byId.notes.text).toContain("Egypt sent aid to Gaza.");
    expect(r.skipped.map((s) => s.path.slice(dir.length + 1))).toEqual(["sheet.csv"]);
  });
});
