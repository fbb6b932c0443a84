// View state kept in the URL: changes that a person would want "Back" to undo
// push a history entry; typing replaces the current one: the search box always,
// and a run of changes to one field (a number box, a slider, a date, playback)
// within a short while is one entry, not one per keystroke or spinner click.
import { useCallback, useEffect, useRef, useState } from "react";
import { decodeViewState, encodeViewState, type ViewState } from "../explore/urlState";

/** "push", "replace", or a field name: pushes once, then replaces while that field keeps changing. */
export type UpdateMode = "push" | "replace" | { coalesce: string };
export type UpdateViewState = (update: (s: ViewState) => ViewState, mode?: UpdateMode) => void;

const COALESCE_MS = 1500;

export function useViewState(): [ViewState, UpdateViewState] {
  const [state, setState] = useState<ViewState>(() => decodeViewState(window.location.search));
  const stateRef = useRef(state);
  stateRef.current = state;
  const last = useRef<{ key: string; at: number } | null>(null);

  useEffect(() => {
    const onPop = () => {
      last.current = null;
      setState(decodeViewState(window.location.search));
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const update = useCallback<UpdateViewState>((fn, mode = "push") => {
    const next = fn(stateRef.current);
    const qs = encodeViewState(next);
    const current = window.location.search.replace(/^\?/, "");
    if (qs !== current) {
      const url = `${window.location.pathname}${qs ? `?${qs}` : ""}${window.location.hash}`;
      let push = mode === "push";
      if (typeof mode === "object") {
        const now = Date.now();
        push = !(last.current && last.current.key === mode.coalesce && now - last.current.at < COALESCE_MS);
        last.current = { key: mode.coalesce, at: now };
      } else last.current = null;
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
    stateRef.current = next;
    setState(next);
  }, []);

  return [state, update];
}
