// Node side of the article formats: HTML parsed by htmlparser2 (a maintained,
// spec-minded parser; nothing is run), Markdown as text, both through the same
// conversion the page uses (src/interop/articleText.ts).
import { parseDocument } from "htmlparser2";
import type { AnyNode, Element } from "domhandler";
import { articleFormat, htmlToText, markdownToText, type HtmlTree } from "../interop/articleText";

const tree: HtmlTree<AnyNode> = {
  kind: (n) => (n.type === "text" ? "text" : n.type === "tag" || n.type === "script" || n.type === "style" ? "element" : n.type === "root" ? "element" : "other"),
  name: (n) => ((n as Element).name ?? "").toLowerCase(),
  text: (n) => (n as unknown as { data: string }).data ?? "",
  children: (n) => (n as Element).children ?? [],
  attr: (n, name) => (n as Element).attribs?.[name] ?? null,
};

export function htmlFileToText(html: string): string {
  return htmlToText(tree, parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }));
}

/** The article text of a file's decoded contents, by its name: HTML and Markdown converted, plain text as it is. */
export function articleSourceText(name: string, text: string): string {
  const format = articleFormat(name);
  return format === "html" ? htmlFileToText(text) : format === "md" ? markdownToText(text) : text;
}
