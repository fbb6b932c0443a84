// View state kept in the URL: changes that a person would want "Back" to undo
// push a history entry; typing (search) replaces the current one; popstate restores.
import { useCallback, useEffect, useRef, useState } from "react";
import { decodeViewState, encodeViewState, type ViewState } from "../explore/urlState";

export type UpdateViewState = (update: (s: ViewState) => ViewState, mode?: "push" | "replace") => void;

export function useViewState(): [ViewState, UpdateViewState] {
  const [state, setState] = useState<ViewState>(() => decodeViewState(window.location.search));
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    const onPop = () => setState(decodeViewState(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const update = useCallback<UpdateViewState>((fn, mode = "push") => {
    const next = fn(stateRef.current);
    const qs = encodeViewState(next);
    const current = window.location.search.replace(/^\?/, "");
    if (qs !== current) {
      const url = `${window.location.pathname}${qs ? `?${qs}` : ""}${window.location.hash}`;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
    stateRef.current = next;
    setState(next);
  }, []);

  return [state, update];
}
