// Parts of the page loaded on demand (dynamic import(): their own chunks). A part
// that fails to download shows a message in its place, never a blank screen.
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from "react";

export const CHUNK_PROBLEM = "A part of the page could not be loaded (the connection may have dropped, or the site was updated). Reload the page to try again.";

class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? (
      <p role="alert" className="notice small" data-testid="part-problem">
        {CHUNK_PROBLEM}
      </p>
    ) : (
      this.props.children
    );
  }
}

/** A component from a chunk of its own, shown inside a boundary that turns a failed download into a message. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((c) => ({ default: c })));
  const Part = (props: P) => (
    <PartBoundary>
      <Suspense fallback={<p className="muted small">Loading…</p>}>
        <Lazy {...props} />
      </Suspense>
    </PartBoundary>
  );
  return Part;
}

/** A module loaded on first call; `loaded()` gives it once it is in. A failed download is forgotten so the next call tries again. */
export interface OnDemand<T> {
  (): Promise<T>;
  loaded: () => T | null;
}

export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let pending: Promise<T> | null = null;
  let value: T | null = null;
  const get = () => {
    pending ??= load().then(
      (m) => (value = m),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    );
    return pending;
  };
  return Object.assign(get, { loaded: () => value });
}
