import { Fragment, type ReactNode } from 'react';

/**
 * The privacy policy's markdown, as React elements (never HTML: the admin's text cannot inject
 * markup). Enough for a policy: `#`/`##`/`###` headings, paragraphs, `-` or `*` lists and
 * `**bold**`. Headings start one level below `topLevel`, so they nest under the page's own.
 */
export function renderPolicyMarkdown(text: string, topLevel: 1 | 2 = 1): ReactNode[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const out: ReactNode[] = [];
  blocks.forEach((raw, index) => {
    const lines = raw.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) return;
    let listItems: string[] = [];
    let paragraph: string[] = [];
    const flush = (key: string) => {
      if (paragraph.length > 0) {
        out.push(<p key={`${key}p`}>{inline(paragraph.join(' '))}</p>);
        paragraph = [];
      }
      if (listItems.length > 0) {
        out.push(
          <ul key={`${key}ul`}>
            {listItems.map((item, i) => (
              <li key={i}>{inline(item)}</li>
            ))}
          </ul>,
        );
        listItems = [];
      }
    };
    lines.forEach((line, lineIndex) => {
      const key = `${index}-${lineIndex}`;
      const heading = /^(#{1,3})\s+(.*)$/.exec(line.trim());
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (heading) {
        flush(key);
        const level = Math.min(6, heading[1]!.length + topLevel);
        const Tag = `h${level}` as 'h2';
        out.push(<Tag key={`${key}h`}>{inline(heading[2]!)}</Tag>);
      } else if (item) {
        if (paragraph.length > 0) flush(key);
        listItems.push(item[1]!);
      } else if (listItems.length > 0 && /^\s+/.test(line)) {
        // A continuation line of the list item before it.
        listItems[listItems.length - 1] += ` ${line.trim()}`;
      } else {
        if (listItems.length > 0) flush(key);
        paragraph.push(line.trim());
      }
    });
    flush(`${index}-end`);
  });
  return out;
}

/** `**bold**` within a line; everything else is text. */
function inline(text: string): ReactNode {
  const parts = text.split(/\*\*(.+?)\*\*/g);
  return parts.map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : <Fragment key={i}>{part}</Fragment>));
}
