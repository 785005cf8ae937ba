import type { ReactNode } from 'react';
import { Card } from '@/components/ui';
import './auth.css';

export interface AuthFrameProps {
  title: string;
  /** One line under the title. */
  intro?: ReactNode;
  children: ReactNode;
  /** Links under the card, e.g. "Already have an account? Sign in". */
  footer?: ReactNode;
}

/** The narrow, centred card every sign-up and sign-in page uses. */
export function AuthFrame({ title, intro, children, footer }: AuthFrameProps) {
  return (
    <div className="auth-page">
      <Card className="auth-page__card">
        <h1 className="auth-page__title">{title}</h1>
        {intro ? <p className="auth-page__intro">{intro}</p> : null}
        {children}
      </Card>
      {footer ? <div className="auth-page__footer">{footer}</div> : null}
    </div>
  );
}
