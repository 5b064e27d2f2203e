// One error boundary per view (and per lazily loaded part): a view that throws, or whose code cannot be
// fetched (a redeploy while the tab was open, or offline without the offline copy), shows what happened
// and a retry in its own place; the header, the library and the other views keep working.
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

/** Whether an error is a failed fetch of a lazily loaded chunk (the messages differ by browser). */
export function isChunkError(error: unknown): boolean {
  const msg = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|module script failed|Loading chunk|Failed to fetch/i.test(msg);
}

export function describeFailure(error: unknown): string {
  if (isChunkError(error))
    return 'Its code could not be loaded: you may be offline, or the app was updated on the server since this page was opened. The rest of the app still works; try again, or reload the page.';
  const msg = error instanceof Error ? error.message : String(error);
  return `It stopped with an error: ${msg}. The rest of the app still works.`;
}

interface BoundaryProps {
  /** What failed, for the message ("the compare view"). */
  what: string;
  children: ReactNode;
  onRetry?: () => void;
}

export class ViewBoundary extends Component<BoundaryProps, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  private retry = (): void => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <section className="panel callout banner-danger view-failed" role="alert">
        <h2>{`${this.props.what[0].toUpperCase()}${this.props.what.slice(1)} could not be shown`}</h2>
        <p>{describeFailure(error)}</p>
        <button type="button" onClick={this.retry}>
          Try again
        </button>
      </section>
    );
  }
}

/**
 * A lazily loaded component inside its own boundary. React.lazy remembers a failed import for good, so
 * a retry makes a fresh lazy component that imports again.
 */
export function lazyPart(
  load: () => Promise<{ default: ComponentType }>,
  what: string,
  loading: string,
): ComponentType {
  let Lazy = lazy(load);
  function Part() {
    const [, setAttempt] = useState(0);
    const retry = (): void => {
      Lazy = lazy(load);
      setAttempt((n) => n + 1);
    };
    const Current = Lazy;
    return (
      <ViewBoundary what={what} onRetry={retry}>
        <Suspense fallback={<p className="hint">{loading}</p>}>
          <Current />
        </Suspense>
      </ViewBoundary>
    );
  }
  return Part;
}
