import { screen } from '@testing-library/react';
import { Navigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi } from '@/testing/fake-api';
import { LandingPage } from './landing-page';

function renderLanding(start: string) {
  return renderRoutes(
    [
      { path: '/', element: <LandingPage signupPath="/signup" loginPath="/login" /> },
      // How the security page arrives here after deleting the account.
      { path: '/deleted', element: <Navigate to="/" replace state={{ accountDeletion: { eraseAfter: '2026-12-13T22:00:00.000Z' } }} /> },
    ],
    start,
  );
}

describe('LandingPage', () => {
  it('after deleting the account, says when it is erased and that signing in keeps it', async () => {
    fakeApi({});
    renderLanding('/deleted');
    expect(await screen.findByText('Your account will be deleted')).toBeInTheDocument();
    expect(screen.getByText(/Your account is erased after .*2026.*\. Sign in before then to keep it\./)).toBeInTheDocument();
  });

  it('says nothing of a deletion otherwise', () => {
    fakeApi({});
    renderLanding('/');
    expect(screen.queryByText('Your account will be deleted')).toBeNull();
  });
});
