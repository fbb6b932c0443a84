// Writing the graph file: write a temporary file beside it, then rename, so a
// reader never sees half a file; a failed write or rename removes the temporary.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export async function writeFileAtomic(
  out: string,
  content: string,
  fs: { rename: typeof rename } = { rename },
): Promise<void> {
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
