// Evidence by date under the graph: a bar per day, week or month (the article's
// date: the graph file carries no event dates), a brush that sets the date filter
// (drag across the bars), and playback that steps a window of the same width
// through the whole span. All changes go through the ordinary date filter, so
// the URL, counts and Back work as for the date boxes.
import { useEffect, useMemo, useRef, useState, type PointerEvent } from "react";

const DAY = 86_400_000;
const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

interface Bin {
  start: number;
  end: number; // inclusive day
  count: number;
}

export function binDates(byDate: Map<string, number>, extent: { min: string; max: string }): { bins: Bin[]; unit: string } {
  const min = toDay(extent.min);
  const max = toDay(extent.max);
  const span = max - min + 1;
  const step = span <= 120 ? 1 : span <= 730 ? 7 : 30;
  const bins: Bin[] = [];
  for (let d = min; d <= max; d += step) bins.push({ start: d, end: Math.min(max, d + step - 1), count: 0 });
  for (const [iso, n] of byDate) {
    const i = Math.floor((toDay(iso) - min) / step);
    if (bins[i]) bins[i].count += n;
  }
  return { bins, unit: step === 1 ? "day" : step === 7 ? "week" : "30 days" };
}

export function Timeline({
  byDate,
  extent,
  from,
  to,
  onRange,
}: {
  byDate: Map<string, number>;
  extent: { min: string; max: string };
  from: string | null;
  to: string | null;
  onRange: (from: string | null, to: string | null, mode: "push" | "replace") => void;
}) {
  const { bins, unit } = useMemo(() => binDates(byDate, extent), [byDate, extent]);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const [playing, setPlaying] = useState(false);
  const svg = useRef<SVGSVGElement>(null);
  const max = Math.max(1, ...bins.map((b) => b.count));
  const W = 1000;
  const H = 44;
  const bw = W / bins.length;
  const fromDay = from ? toDay(from) : null;
  const toDayN = to ? toDay(to) : null;
  const binAt = (e: PointerEvent) => {
    const r = svg.current!.getBoundingClientRect();
    return Math.max(0, Math.min(bins.length - 1, Math.floor(((e.clientX - r.left) / r.width) * bins.length)));
  };
  const selected = (b: Bin, i: number) =>
    drag ? i >= Math.min(drag.a, drag.b) && i <= Math.max(drag.a, drag.b) : (fromDay === null || b.end >= fromDay) && (toDayN === null || b.start <= toDayN);
  const ranged = from !== null || to !== null;

  // Playback: a window as wide as the current range (or a sixth of the span), one bin per step.
  const playRef = useRef({ from, to });
  playRef.current = { from, to };
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const cur = playRef.current;
      const first = bins[0].start;
      const last = bins[bins.length - 1].end;
      const width = cur.from && cur.to ? toDay(cur.to) - toDay(cur.from) : Math.max(0, Math.round((last - first) / 6));
      const step = bins[0].end - bins[0].start + 1;
      const start = cur.from && cur.to ? toDay(cur.from) + step : first;
      if (start + width > last + step - 1 || start > last) {
        setPlaying(false);
        return;
      }
      onRange(toIso(start), toIso(Math.min(last, start + width)), "replace");
    }, 900);
    return () => clearInterval(id);
  }, [playing, bins, onRange]);

  const total = bins.reduce((n, b) => n + b.count, 0);
  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-head small">
        <span>
          <b>Evidence by date</b> <span className="muted">(article date; a bar per {unit}; drag to choose a period)</span>
        </span>
        <span className="timeline-range" data-testid="timeline-range">
          {ranged ? `${from ?? extent.min} – ${to ?? extent.max}` : `${extent.min} – ${extent.max}, all`}
        </span>
        <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="timeline-play" aria-pressed={playing}>
          {playing ? "❚❚ Pause" : "▶ Play"}
        </button>
        {ranged && (
          <button type="button" className="link" onClick={() => onRange(null, null, "push")} data-testid="timeline-clear">
            All dates
          </button>
        )}
      </div>
      <svg
        ref={svg}
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="timeline-bars"
        role="slider"
        aria-label="Date range of the evidence shown"
        aria-valuemin={0}
        aria-valuemax={bins.length - 1}
        aria-valuenow={
          fromDay !== null
            ? Math.max(
                0,
                bins.findIndex((b) => b.end >= fromDay),
              )
            : 0
        }
        aria-valuetext={ranged ? `${from ?? extent.min} to ${to ?? extent.max}` : "all dates"}
        tabIndex={0}
        data-testid="timeline-brush"
        onPointerDown={(e) => {
          (e.target as Element).setPointerCapture?.(e.pointerId);
          const i = binAt(e);
          setDrag({ a: i, b: i });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, b: binAt(e) })}
        onPointerUp={() => {
          if (!drag) return;
          const [a, b] = [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)];
          setDrag(null);
          setPlaying(false);
          onRange(toIso(bins[a].start), toIso(bins[b].end), "push");
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape" && ranged) onRange(null, null, "push");
          // Arrow keys move the chosen period by one bar (or start a one-bar period at either end).
          if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
            e.preventDefault();
            const dir = e.key === "ArrowRight" ? 1 : -1;
            const idx = (day: number) => bins.findIndex((b) => b.start <= day && day <= b.end);
            const a = fromDay !== null ? Math.max(0, idx(fromDay)) : dir > 0 ? -1 : bins.length;
            const z = toDayN !== null ? Math.max(0, idx(toDayN)) : a;
            const na = Math.max(0, Math.min(bins.length - 1, a + dir));
            const nz = Math.max(0, Math.min(bins.length - 1, (ranged ? z : na - dir) + dir));
            onRange(toIso(bins[na].start), toIso(bins[Math.max(na, nz)].end), "replace");
          }
        }}
      >
        {bins.map((b, i) => {
          const h = b.count ? Math.max(2, (b.count / max) * (H - 4)) : 0;
          return (
            <rect key={b.start} x={i * bw + 0.5} y={H - h} width={Math.max(0.5, bw - 1)} height={h} className={selected(b, i) ? "bar on" : "bar"}>
              <title>
                {toIso(b.start)}
                {b.end !== b.start ? ` – ${toIso(b.end)}` : ""}: {b.count} sentence{b.count === 1 ? "" : "s"}
              </title>
            </rect>
          );
        })}
        <line x1={0} x2={W} y1={H - 0.5} y2={H - 0.5} className="axis" />
      </svg>
      <div className="timeline-axis small muted" aria-hidden="true">
        <span>{extent.min}</span>
        <span>{total} dated sentences</span>
        <span>{extent.max}</span>
      </div>
    </div>
  );
}
