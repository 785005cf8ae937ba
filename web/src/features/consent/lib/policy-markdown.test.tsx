import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPolicyMarkdown } from './policy-markdown';

function html(text: string) {
  const { container } = render(<div>{renderPolicyMarkdown(text)}</div>);
  return container.firstElementChild!.innerHTML;
}

describe('renderPolicyMarkdown', () => {
  it('turns headings, paragraphs, lists and bold into elements, one level below the page title', () => {
    expect(html('# Policy\n\nWe keep **health data**\nsafely.\n\n- one\n- two\n  continued')).toBe(
      '<h2>Policy</h2><p>We keep <strong>health data</strong> safely.</p><ul><li>one</li><li>two continued</li></ul>',
    );
  });

  it('shows markup in the text as text', () => {
    expect(html('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});
