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

/** Resolves a module once; a failed download is forgotten so the next call tries again. */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = null;
      throw e;
    });
    return pending;
  };
}
