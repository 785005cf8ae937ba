import './spinner.css';

export interface SpinnerProps {
  /** What is loading, for screen readers, e.g. "Loading workouts…". */
  label: string;
}

/** For waits with no known shape. When the shape is known, prefer Skeleton. */
export function Spinner({ label }: SpinnerProps) {
  return (
    <span className="spinner" role="status">
      <span className="spinner__ring" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export type SkeletonWidth = 'xs' | 'sm' | 'md' | 'lg' | 'full';

export interface SkeletonProps {
  /** Width of the placeholder (a class, since the CSP forbids inline styles). */
  width?: SkeletonWidth;
  /** Text that screen readers get instead of the placeholder, e.g. "Loading server version…". */
  label?: string;
}

/** A placeholder line in the shape of the text that is loading. */
export function Skeleton({ width = 'md', label }: SkeletonProps) {
  return (
    <span className="skeleton-wrap" {...(label ? { role: 'status' } : {})}>
      <span className={`skeleton skeleton--${width}`} aria-hidden="true" />
      {label ? <span className="visually-hidden">{label}</span> : null}
    </span>
  );
}
