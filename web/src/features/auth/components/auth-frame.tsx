import type { ReactNode } from 'react';
import { Card, PageHeader } from '@/components/ui';
import './auth.css';

export interface AuthFrameProps {
  title: string;
  /** The tab's title (the frame sets it, so the page does not). */
  documentTitle: string;
  /** One line under the title. */
  intro?: ReactNode;
  children: ReactNode;
  /** Links under the card, e.g. "Already have an account? Sign in". */
  footer?: ReactNode;
}

/** The narrow, centred card every sign-up and sign-in page uses. */
export function AuthFrame({ title, documentTitle, intro, children, footer }: AuthFrameProps) {
  return (
    <div className="auth-page">
      <Card className="auth-page__card">
        <PageHeader title={title} documentTitle={documentTitle} intro={intro} />
        {children}
      </Card>
      {footer ? <div className="auth-page__footer">{footer}</div> : null}
    </div>
  );
}
