import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';
import './page-header.css';

export interface PageHeaderProps {
  /** The page's heading (its only h1). */
  title: string;
  /** The tab's title; the heading when not given. */
  documentTitle?: string | undefined;
  /** One line under the title. */
  intro?: ReactNode;
  /** The page's actions, at the end of the title row (wrapping under it on phones). */
  actions?: ReactNode;
  /** A link back up ("← History"), above the title. */
  back?: ReactNode;
  /** Extra content next to the title (a badge). */
  children?: ReactNode;
}

/** Every page's title row: the h1, the tab's title, an intro and the page's actions. */
export function PageHeader({ title, documentTitle, intro, actions, back, children }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <header className="page-header">
      {back ? <div className="page-header__back">{back}</div> : null}
      <div className="page-header__row">
        <h1 className="page-header__title">{title}</h1>
        {children}
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
      {intro ? <div className="page-header__intro">{intro}</div> : null}
    </header>
  );
}
