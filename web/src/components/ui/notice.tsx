import type { ReactNode } from 'react';
import './notice.css';

export interface NoticeProps {
  title?: string;
  children: ReactNode;
  /** success: something worked; info: what happens next. */
  tone?: 'success' | 'info';
  className?: string;
}

/** Good news or a next step, announced politely to screen readers. Errors use ErrorState. */
export function Notice({ title, children, tone = 'success', className }: NoticeProps) {
  return (
    <div className={['notice', `notice--${tone}`, className ?? ''].filter(Boolean).join(' ')} role="status">
      {title ? <p className="notice__title">{title}</p> : null}
      <div className="notice__body">{children}</div>
    </div>
  );
}

export type BadgeTone = 'neutral' | 'accent' | 'danger';

/** A short label such as "This device" or "Admin". */
export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: BadgeTone }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
