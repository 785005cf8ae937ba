import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isSafeLinkTarget, MarkdownLite } from './markdown-lite';

function html(text: string): string {
  const { container } = render(
    <p>
      <MarkdownLite text={text} />
    </p>,
  );
  return (container.firstChild as HTMLElement).innerHTML;
}

const rel = 'rel="nofollow noopener ugc"';

describe('markdown-lite', () => {
  it('renders bold, italics, links and line breaks as the server does', () => {
    expect(html('**strong** and *soft*\nnext')).toBe('<strong>strong</strong> and <em>soft</em><br>next');
    expect(html('[my run](https://example.org/a?b=1&c=2)')).toBe(
      `<a href="https://example.org/a?b=1&amp;c=2" ${rel}>my run</a>`,
    );
    expect(html('see https://example.org/x.')).toBe(`see <a href="https://example.org/x" ${rel}>https://example.org/x</a>.`);
    expect(html('**a *b* c**')).toBe('<strong>a <em>b</em> c</strong>');
  });

  it('keeps hostile markup as text: no element the user typed is made', () => {
    const { container } = render(
      <div>
        <MarkdownLite text={'<script>alert(1)</script><img src=x onerror=alert(1)><style>*{}</style>'} />
      </div>,
    );
    expect(container.querySelector('script, img, style')).toBeNull();
    expect(container.textContent).toBe('<script>alert(1)</script><img src=x onerror=alert(1)><style>*{}</style>');
    expect(html('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });

  it('makes no link to javascript:, data: or anything but http and https', () => {
    for (const text of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](vbscript:msgbox)',
      '[x](//evil.org)',
    ]) {
      const { container } = render(<MarkdownLite text={text} />);
      expect(container.querySelector('a')).toBeNull();
      expect(container.textContent).toBe(text);
    }
  });

  it('lets no quote break out of an attribute', () => {
    const { container } = render(<MarkdownLite text={'https://a.org/"onmouseover="alert(1)'} />);
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://a.org/');
    expect(links[0]?.getAttributeNames().sort()).toEqual(['href', 'rel']);
  });

  it('checks link targets', () => {
    expect(isSafeLinkTarget('https://a.org')).toBe(true);
    expect(isSafeLinkTarget('HTTP://a.org')).toBe(true);
    expect(isSafeLinkTarget('https://')).toBe(false);
    expect(isSafeLinkTarget('https://a.org/ x')).toBe(false);
    expect(isSafeLinkTarget('ftp://a.org')).toBe(false);
  });
});
