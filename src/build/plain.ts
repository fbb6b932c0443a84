// Worker results and cache entries are plain data (JSON-safe): Maps and Sets
// are written as tagged arrays and rebuilt in the same order, so a result that
// went through a worker or the disk cache is indistinguishable from one made
// in-process.
const MAP = "\u0000map";
const SET = "\u0000set";

export function toPlain(x: unknown): unknown {
  if (x === null || typeof x !== "object") return x;
  if (x instanceof Map) return { [MAP]: [...x].map(([k, v]) => [toPlain(k), toPlain(v)]) };
  if (x instanceof Set) return { [SET]: [...x].map(toPlain) };
  if (Array.isArray(x)) return x.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) if (v !== undefined) out[k] = toPlain(v);
  return out;
}

export function fromPlain<T>(x: unknown): T {
  return revive(x) as T;
}

/** For JSON.parse: rebuilds Maps and Sets while parsing, with no second copy of the tree. */
export function plainReviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  if (MAP in o) return new Map(o[MAP] as [unknown, unknown][]);
  if (SET in o) return new Set(o[SET] as unknown[]);
  return value;
}

function revive(x: unknown): unknown {
  if (x === null || typeof x !== "object") return x;
  if (Array.isArray(x)) return x.map(revive);
  const o = x as Record<string, unknown>;
  if (MAP in o) return new Map((o[MAP] as [unknown, unknown][]).map(([k, v]) => [revive(k), revive(v)]));
  if (SET in o) return new Set((o[SET] as unknown[]).map(revive));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = revive(v);
  return out;
}
