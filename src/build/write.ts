// Writing the graph file: write a temporary file beside it, then rename, so a
// reader never sees half a file; a failed write or rename removes the temporary.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export async function writeFileAtomic(out: string, content: string, fs: { rename: typeof rename } = { rename }): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content);
    await fs.rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** How many documents the graph file at `path` holds; null when there is none or it is not a graph. */
export async function existingGraphDocuments(path: string): Promise<number | null> {
  try {
    const g = JSON.parse(await readFile(path, "utf8")) as { documents?: unknown };
    return Array.isArray(g.documents) ? g.documents.length : null;
  } catch {
    return null;
  }
}

/**
 * Writes `JSON.stringify(value, null, 1) + "\n"` to `out` atomically, byte for
 * byte the same, but streamed: the top-level object and its arrays element by
 * element, so a large graph is never one string in memory.
 */
export async function writeJsonAtomic(out: string, value: unknown, fs: { rename: typeof rename } = { rename }): Promise<void> {
  const { createWriteStream } = await import("node:fs");
  await mkdir(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    const stream = createWriteStream(tmp);
    const done = new Promise<void>((ok, fail) => {
      stream.on("finish", ok);
      stream.on("error", fail);
    });
    const failed = new Promise<never>((_, fail) => stream.on("error", fail));
    failed.catch(() => {});
    let buf = "";
    const write = async (s: string) => {
      buf += s;
      if (buf.length < 1 << 16) return;
      const chunk = buf;
      buf = "";
      if (!stream.write(chunk)) await Promise.race([new Promise<void>((ok) => stream.once("drain", () => ok())), failed]);
    };
    await streamJson(value, 0, write);
    await write("\n");
    stream.end(buf);
    await done;
    await fs.rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

const indent = (s: string, pad: string) => (pad ? s.replace(/\n/g, `\n${pad}`) : s);

/** JSON.stringify(value, null, 1) at nesting `depth`, written in pieces (depth ≤ 1 streamed, deeper whole). */
async function streamJson(value: unknown, depth: number, write: (s: string) => Promise<void>): Promise<void> {
  const pad = " ".repeat(depth);
  const inner = " ".repeat(depth + 1);
  if (depth <= 1 && Array.isArray(value) && value.length > 0) {
    await write("[");
    for (let i = 0; i < value.length; i++) {
      await write(`${i ? "," : ""}\n${inner}`);
      // As JSON.stringify: undefined and functions in an array are null.
      const s = JSON.stringify(value[i], null, 1) as string | undefined;
      await write(s === undefined ? "null" : indent(s, inner));
    }
    await write(`\n${pad}]`);
    return;
  }
  if (depth === 0 && value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
    if (entries.length === 0) return write("{}");
    await write("{");
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i];
      await write(`${i ? "," : ""}\n${inner}${JSON.stringify(k)}: `);
      await streamJson(v, depth + 1, write);
    }
    await write(`\n${pad}}`);
    return;
  }
  const s = JSON.stringify(value, null, 1);
  await write(indent(s ?? "null", pad));
}
