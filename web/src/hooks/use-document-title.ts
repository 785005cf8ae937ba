import { useEffect } from 'react';

/** Sets the tab's title while the calling page is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/**
 * The tab's title for a page state that has no PageHeader (a page-sized wait): PageHeader sets
 * it otherwise, so a page never sets it twice.
 */
export function DocumentTitle({ title }: { title: string }): null {
  useDocumentTitle(title);
  return null;
}
