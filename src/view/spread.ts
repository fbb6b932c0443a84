// Positions for the drawn part of a large graph. The build lays out large graphs in
// fcose's draft quality (spectral only), which packs thousands of actors into a few
// hundred units: the few hundred drawn from it would sit on top of each other. Each
// axis is replaced by the actor's rank on it among the drawn actors, scaled so that
// neighbours are about `gap` apart: left stays left and up stays up, clumps open out.
export interface Position {
  x: number;
  y: number;
}

export function spreadByRank(nodes: readonly { id: string; position?: Position }[], gap = 55): Map<string, Position> {
  const placed = nodes.filter((n) => n.position);
  const count = placed.length;
  const out = new Map<string, Position>();
  if (count === 0) return out;
  // Ranks over a √n × √n spread: a point's nearest neighbour is then about `gap` away.
  const step = (2 * gap) / Math.sqrt(count);
  const rankOn = (axis: "x" | "y") => {
    const order = placed.map((_, i) => i).sort((a, b) => placed[a].position![axis] - placed[b].position![axis] || (placed[a].id < placed[b].id ? -1 : 1));
    const rank = new Array<number>(count);
    order.forEach((i, r) => (rank[i] = r));
    return rank;
  };
  const rx = rankOn("x");
  const ry = rankOn("y");
  placed.forEach((n, i) => out.set(n.id, { x: Math.round((rx[i] - count / 2) * step), y: Math.round((ry[i] - count / 2) * step) }));
  return out;
}
