import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '@/testing/render';
import { ServerVersion } from './server-version';

const meta = {
  name: 'Vigor',
  version: '0.1.0',
  api_version: 'v1',
  instance_name: 'Home Gym',
  registration: 'open',
};

describe('ServerVersion', () => {
  it('shows the version and instance name the server reports', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(meta));

    renderWithApp(<ServerVersion />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading server version…');
    expect(await screen.findByTestId('server-version')).toHaveTextContent('Vigor 0.1.0 · instance: Home Gym');
    expect(fetchSpy).toHaveBeenCalledWith('/api/v1/meta', expect.objectContaining({ method: 'GET' }));
  });

  it('says the server did not answer and recovers on "Try again"', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(
        jsonResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500 }, 500, 'application/problem+json'),
      )
      .mockResolvedValueOnce(jsonResponse({ ...meta, version: '0.1.1' }));

    renderWithApp(<ServerVersion />);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Server version unavailable: the server answered with an error (HTTP 500).',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByTestId('server-version')).toHaveTextContent('Vigor 0.1.1 · instance: Home Gym');
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('says the server did not answer when there is no response at all', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderWithApp(<ServerVersion />);
      // The client retries the GET twice (after 0.3 s and 1 s) before giving up.
      await vi.advanceTimersByTimeAsync(1500);
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Server version unavailable: the server did not answer.',
      );
      expect(globalThis.fetch).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
