import { Component, type ReactNode } from "react";
import { ProblemPage } from "./ProblemPage";

/** Last line of defence: a render error shows a message, not a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error) {
    console.error("explorer crashed:", error);
  }
  render() {
    if (this.state.error) return <ProblemPage kind="crash" detail={this.state.error.message || String(this.state.error)} />;
    return this.props.children;
  }
}
