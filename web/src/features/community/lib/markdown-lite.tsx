import { Fragment, type ReactNode } from 'react';

/**
 * Markdown-lite as the server renders it (src/core/markdown_lite.cpp): **bold**, *italics*,
 * [text](https://...) and bare https:// links (http and https only, rel="nofollow noopener ugc"),
 * line breaks; everything else is text. Built as React elements from the comment's `body`, so
 * nothing the user typed is ever parsed as HTML (no innerHTML anywhere).
 */
type Allow = 'all' | 'italicsAndLinks' | 'links';

const REL = 'nofollow noopener ugc';

function isUrlChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code <= 0x20 || code === 0x7f) return false;
  return c !== '<' && c !== '>' && c !== '"' && c !== "'" && c !== '\\';
}

/** Whether a link may point there: http:// or https://, then URL characters only. */
export function isSafeLinkTarget(url: string): boolean {
  const lower = url.slice(0, 8).toLowerCase();
  const scheme = lower.startsWith('https://') ? 8 : lower.startsWith('http://') ? 7 : 0;
  if (scheme === 0 || url.length === scheme) return false;
  return [...url].every(isUrlChar);
}

const isTrailingPunctuation = (c: string) => '.,;:!?)'.includes(c);

function render(text: string, allow: Allow, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(plain);
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const k = `${key}.${i}`;
    if (rest[0] === '\n') {
      flush();
      out.push(<br key={k} />);
      i += 1;
      continue;
    }
    if (allow === 'all' && rest.startsWith('**')) {
      const close = rest.indexOf('**', 2);
      if (close > 2 && !rest.slice(2, close).includes('\n')) {
        flush();
        out.push(<strong key={k}>{render(rest.slice(2, close), 'italicsAndLinks', k)}</strong>);
        i += close + 2;
        continue;
      }
    }
    if (allow !== 'links' && rest[0] === '*' && !rest.startsWith('**')) {
      const close = rest.indexOf('*', 1);
      if (close > 1 && !rest.slice(1, close).includes('\n')) {
        flush();
        out.push(<em key={k}>{render(rest.slice(1, close), 'links', k)}</em>);
        i += close + 1;
        continue;
      }
    }
    if (rest[0] === '[') {
      const closeText = rest.indexOf(']');
      if (closeText >= 2) {
        const label = rest.slice(1, closeText);
        if (!label.includes('\n') && !label.includes('[') && rest[closeText + 1] === '(') {
          const closeUrl = rest.indexOf(')', closeText + 2);
          const url = closeUrl < 0 ? '' : rest.slice(closeText + 2, closeUrl);
          if (closeUrl >= 0 && isSafeLinkTarget(url)) {
            flush();
            out.push(
              <a key={k} href={url} rel={REL}>
                {label}
              </a>,
            );
            i += closeUrl + 1;
            continue;
          }
        }
      }
    }
    if (rest.slice(0, 8).toLowerCase() === 'https://' && (i === 0 || !isUrlChar(text[i - 1] ?? ' '))) {
      let end = 0;
      while (end < rest.length && isUrlChar(rest[end] ?? ' ')) end += 1;
      while (end > 0 && isTrailingPunctuation(rest[end - 1] ?? '')) end -= 1;
      if (end > 8) {
        flush();
        const url = rest.slice(0, end);
        out.push(
          <a key={k} href={url} rel={REL}>
            {url}
          </a>,
        );
        i += end;
        continue;
      }
    }
    if (rest[0] !== '\r') plain += rest[0];
    i += 1;
  }
  flush();
  return out;
}

/** A comment's body as elements. */
export function MarkdownLite({ text }: { text: string }) {
  return <Fragment>{render(text, 'all', 'm')}</Fragment>;
}
