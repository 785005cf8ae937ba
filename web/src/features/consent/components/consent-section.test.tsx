import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { ConsentSection } from './consent-section';

const paths = { policy: '/privacy-policy', export: '/settings/security#export', deleteAccount: '/settings/security#delete-account' };
const policy = { version: 2, text: '# Policy', published_at: '2026-05-01T10:00:00Z' };

describe('ConsentSection', () => {
  it('lists what was consented to and when, and explains that withdrawing is deleting, export first', async () => {
    fakeApi({
      'GET /api/v1/me/consents': () =>
        json({
          required: false,
          current_policy: policy,
          items: [
            { id: 'c2', purpose: 'health_data', policy_version: 2, given_at: '2026-05-02T10:00:00Z', withdrawn_at: null },
            {
              id: 'c1',
              purpose: 'health_data',
              policy_version: 1,
              given_at: '2026-01-02T10:00:00Z',
              withdrawn_at: '2026-03-01T10:00:00Z',
            },
          ],
        }),
    });
    renderWithApp(<ConsentSection paths={paths} />);

    expect(await screen.findByText(/privacy policy version 2, given/)).toBeInTheDocument();
    expect(screen.getByText(/privacy policy version 1, given .* Withdrawn/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Read the current privacy policy (version 2)' })).toHaveAttribute(
      'href',
      '/privacy-policy',
    );
    expect(screen.queryByRole('link', { name: 'Delete your account' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Withdraw consent…' }));
    expect(screen.getByText(/withdrawing your consent means deleting your account/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download your data' })).toHaveAttribute('href', paths.export);
    expect(screen.getByRole('link', { name: 'Delete your account' })).toHaveAttribute('href', paths.deleteAccount);
  });

  it('says so when the user has not consented yet', async () => {
    fakeApi({ 'GET /api/v1/me/consents': () => json({ required: true, current_policy: policy, items: [] }) });
    renderWithApp(<ConsentSection paths={paths} />);
    expect(await screen.findByText('You have not consented yet.')).toBeInTheDocument();
  });
});
