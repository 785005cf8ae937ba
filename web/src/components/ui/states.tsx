import type { ReactNode } from 'react';
import { Spinner } from './spinner';
import './states.css';

export interface EmptyStateProps {
  /** What is empty, in a few words ("No workouts yet"). */
  title?: string;
  /** What to do next. */
  children: ReactNode;
  /** The next step as a button or link. */
  action?: ReactNode;
}

/** An empty list says so, and what to do next. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="empty-state">
      {title ? <p className="empty-state__title">{title}</p> : null}
      <div className="empty-state__body">{typeof children === 'string' ? <p>{children}</p> : children}</div>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}

export interface LoadingStateProps {
  /** What is loading, read to screen readers and shown next to the spinner. */
  label: string;
}

/** A wait with no known shape (a page). When the shape is known, prefer Skeleton. */
export function LoadingState({ label }: LoadingStateProps) {
  return (
    <div className="loading-state">
      <Spinner label={label} />
      <span className="loading-state__label" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}
