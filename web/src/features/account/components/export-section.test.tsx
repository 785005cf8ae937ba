import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json } from '@/testing/fake-api';
import { ExportSection } from './export-section';

const base = {
  created_at: '2026-03-01T10:00:00Z',
  ready_at: null,
  expires_at: '2026-03-08T10:00:00Z',
  size_bytes: null,
  sha256: null,
  download_url: null,
};

describe('ExportSection', () => {
  it('requests an export, shows its progress, then the download link with its expiry', async () => {
    let items: unknown[] = [];
    let polls = 0;
    const api = fakeApi({
      'GET /api/v1/me/exports': () => {
        polls += 1;
        // The job finishes between the second and the third look.
        if (polls >= 3 && items.length > 0) {
          items = [
            {
              ...base,
              id: 'e1',
              status: 'ready',
              progress: 1,
              ready_at: '2026-03-01T10:00:05Z',
              size_bytes: 3 * 1024 * 1024,
              sha256: 'ab',
              download_url: '/api/v1/me/exports/e1/download',
            },
          ];
        }
        return json({ items });
      },
      'POST /api/v1/me/exports': () => {
        items = [{ ...base, id: 'e1', status: 'running', progress: 0.5 }];
        return json(items[0], 202);
      },
    });
    renderWithApp(<ExportSection />);

    expect(await screen.findByText('No export yet.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Export all my data' }));
    await waitFor(() => expect(api.to('POST /api/v1/me/exports')).toHaveLength(1));

    const progress = await screen.findByRole('progressbar');
    expect(progress).toHaveAttribute('value', '0.5');
    // No second request while one is being prepared.
    expect(screen.getByRole('button', { name: 'Export all my data' })).toBeDisabled();

    const link = await screen.findByRole('link', { name: /Download/ }, { timeout: 4000 });
    expect(link).toHaveAttribute('href', '/api/v1/me/exports/e1/download');
    expect(screen.getByText(/3 MB, download until/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export all my data' })).toBeEnabled());
  });
});
