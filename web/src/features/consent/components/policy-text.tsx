import { useMemo } from 'react';
import { renderPolicyMarkdown } from '../lib/policy-markdown';
import './consent.css';

/** A privacy policy's text, its headings below the page's own title. */
export function PolicyText({ text }: { text: string }) {
  const content = useMemo(() => renderPolicyMarkdown(text), [text]);
  return <div className="policy-text">{content}</div>;
}
