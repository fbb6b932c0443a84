// Article files other than plain text, turned into the plain text the
// extractor reads: HTML (through a real parser's tree, given by the caller:
// DOMParser in the page, htmlparser2 in Node) and Markdown. Pure; the same
// conversion in both places. Nothing from a file is ever run or rendered:
// only text nodes are read, scripts, styles, navigation and forms dropped.

/** Read access to one parsed HTML tree, whichever parser built it. */
export interface HtmlTree<N> {
  /** "text" for text nodes, "element" for elements, anything else is skipped (comments, doctypes …). */
  kind(n: N): "text" | "element" | "other";
  /** Lower-case tag name of an element. */
  name(n: N): string;
  /** Text of a text node (entities decoded). */
  text(n: N): string;
  children(n: N): readonly N[];
  attr(n: N, name: string): string | null;
}

/** Elements whose content is never article prose (and never runs: nothing here is executed). */
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "button",
  "select",
  "textarea",
  "input",
  "label",
  "menu",
  "dialog",
  "figure",
  "figcaption",
  "picture",
  "img",
  "head",
  "link",
  "meta",
]);
/** Elements that break the text into paragraphs. */
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "body",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "table",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "address",
  "hr",
  "br",
  "center",
  "details",
  "summary",
]);
const ROLES_DROPPED = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert"]);

function hidden<N>(t: HtmlTree<N>, n: N): boolean {
  if (t.attr(n, "hidden") !== null || t.attr(n, "aria-hidden") === "true") return true;
  const role = t.attr(n, "role");
  if (role && ROLES_DROPPED.has(role.toLowerCase())) return true;
  const style = t.attr(n, "style");
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function find<N>(t: HtmlTree<N>, n: N, names: ReadonlySet<string>, skipDropped = true): N | null {
  for (const c of t.children(n)) {
    if (t.kind(c) !== "element") continue;
    const name = t.name(c);
    if (names.has(name)) return c;
    if (skipDropped && (DROPPED.has(name) || hidden(t, c))) continue;
    const hit = find(t, c, names, skipDropped);
    if (hit) return hit;
  }
  return null;
}

function plain<N>(t: HtmlTree<N>, n: N): string {
  if (t.kind(n) === "text") return t.text(n);
  if (t.kind(n) !== "element") return "";
  return t
    .children(n)
    .map((c) => plain(t, c))
    .join("");
}

const squash = (s: string) => s.replace(/[ \t\r\n\f\u00a0]+/g, " ").trim();

/**
 * Text of an HTML document: the title (first <h1>, else <title>) on the first
 * line, then the paragraphs of its <article> (else <main>, else <body>), one
 * per line with a blank line between them.
 */
export function htmlToText<N>(t: HtmlTree<N>, root: N): string {
  const titleEl = find(t, root, new Set(["title"]), false);
  const h1 = find(t, root, new Set(["h1"]));
  const title = squash(h1 ? plain(t, h1) : titleEl ? plain(t, titleEl) : "");
  const container = find(t, root, new Set(["article"])) ?? find(t, root, new Set(["main"])) ?? find(t, root, new Set(["body"]), false) ?? root;

  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const p = squash(current);
    if (p) paragraphs.push(p);
    current = "";
  };
  const walk = (n: N, pre: boolean) => {
    const kind = t.kind(n);
    if (kind === "text") {
      current += pre ? t.text(n) : t.text(n);
      return;
    }
    if (kind !== "element") return;
    const name = t.name(n);
    if (DROPPED.has(name) || hidden(t, n)) return;
    if (n === h1) {
      flush();
      return; // the title line
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === "pre") {
      // Preformatted text: each line a paragraph of its own.
      for (const line of plain(t, n).split(/\n/)) {
        current = line;
        flush();
      }
      return;
    }
    for (const c of t.children(n)) walk(c, false);
    if (block) flush();
    else if (name === "td" || name === "th") current += " ";
  };
  walk(container, false);
  flush();
  if (title && paragraphs[0] === title) paragraphs.shift();
  return (title ? [title, "", ...paragraphs.flatMap((p, i) => (i ? ["", p] : [p]))] : paragraphs.flatMap((p, i) => (i ? ["", p] : [p]))).join("\n");
}

/**
 * Text of a Markdown article: front matter (its `title:` kept as the title),
 * code blocks, images, link targets, HTML tags, tables' rules and emphasis marks
 * dropped; headings, list items and quotes kept as lines of text.
 */
export function markdownToText(md: string): string {
  let s = md.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let title = "";
  const front = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(s);
  if (front) {
    const m = /^title:\s*["']?(.*?)["']?\s*$/m.exec(front[1]);
    if (m) title = m[1];
    s = s.slice(front[0].length);
  }
  // Raw HTML blocks that are never prose, then any remaining tag.
  s = s.replace(/<(script|style|noscript|template|iframe|svg|nav)\b[\s\S]*?<\/\1\s*>/gi, "").replace(/<!--[\s\S]*?-->/g, "");
  const out: string[] = [];
  let fence: string | null = null;
  const lines = s.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push("");
      continue; // horizontal rule
    }
    if (/^\s{0,3}(=+|-+)\s*$/.test(line) && out.length && out[out.length - 1].trim() !== "") continue; // setext underline
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule
    line = line
      .replace(/^\s{0,3}#{1,6}\s+/, "")
      .replace(/\s+#+\s*$/, "")
      .replace(/^(\s*>)+\s?/, "")
      .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/, "")
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, "")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<(https?:[^>\s]+)>/g, "$1")
      .replace(/<\/?[A-Za-z][^>]*>/g, "")
      .replace(/`+([^`]+)`+/g, "$1")
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1$2")
      .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
      .replace(/^\s*\|\s*|\s*\|\s*$/g, "")
      .replace(/\s*\|\s*/g, " · ")
      .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, "$1");
    out.push(line.trimEnd());
  }
  const text = out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return title && text.split("\n")[0].trim() !== title ? `${title}\n\n${text}` : text;
}

export type ArticleFormat = "txt" | "md" | "html";

/** The format of a file by its name; null when it is not an article file entente reads. */
export function articleFormat(name: string): ArticleFormat | null {
  const m = /\.(txt|text|md|markdown|html?|xhtml)$/i.exec(name);
  if (!m) return null;
  const ext = m[1].toLowerCase();
  return ext === "md" || ext === "markdown" ? "md" : ext.startsWith("htm") || ext === "xhtml" ? "html" : "txt";
}

/** A file name without its article extension ("notes/a.md" → "notes/a"). */
export function stripArticleExtension(name: string): string {
  return name.replace(/\.(txt|text|md|markdown|html?|xhtml)$/i, "");
}
