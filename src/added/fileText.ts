// Dropped or picked files → article text, in the page. HTML goes through the
// browser's DOMParser: the parsed document is inert (no script runs, nothing
// loads, nothing is shown) and only its text nodes are read. Markdown and plain
// text as in Node (src/interop/articleText.ts).
import { articleFormat, htmlToText, markdownToText, type ArticleFormat, type HtmlTree } from "../interop/articleText";

/** Larger than any article (the CLI's limit is 32 MB; a page holds less). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

const domTree: HtmlTree<Node> = {
  kind: (n) =>
    n.nodeType === Node.TEXT_NODE || n.nodeType === Node.CDATA_SECTION_NODE ? "text" : n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.DOCUMENT_NODE ? "element" : "other",
  name: (n) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element).localName.toLowerCase() : ""),
  text: (n) => n.nodeValue ?? "",
  children: (n) => Array.from(n.childNodes),
  attr: (n, name) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element).getAttribute(name) : null),
};

export function htmlStringToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  return htmlToText(domTree, doc as Node);
}

export function convertArticle(format: ArticleFormat, raw: string): string {
  const s = raw.replace(/^\uFEFF/, "");
  return format === "html" ? htmlStringToText(s) : format === "md" ? markdownToText(s) : s;
}

export type FileOutcome = { ok: true; name: string; format: ArticleFormat; text: string } | { ok: false; name: string; reason: string };

/** Reads one file as an article; every way it can fail is a reason, never a throw. */
export async function readArticleFile(file: File): Promise<FileOutcome> {
  const name = file.name || "unnamed file";
  const format = articleFormat(name);
  if (!format) return { ok: false, name, reason: "not a .txt, .md or .html file" };
  if (file.size === 0) return { ok: false, name, reason: "empty file" };
  if (file.size > MAX_FILE_BYTES) return { ok: false, name, reason: `file too large (${file.size} bytes; limit ${MAX_FILE_BYTES})` };
  let raw: string;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff))
      return { ok: false, name, reason: "binary file" };
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
    raw = new TextDecoder(utf16).decode(bytes);
  } catch (e) {
    return { ok: false, name, reason: `could not read the file: ${(e as Error).message}` };
  }
  let text: string;
  try {
    text = convertArticle(format, raw);
  } catch (e) {
    return { ok: false, name, reason: `could not read it as ${format.toUpperCase()}: ${(e as Error).message}` };
  }
  if (text.trim() === "") return { ok: false, name, reason: format === "html" ? "no article text in the page" : "empty file" };
  return { ok: true, name, format, text };
}
