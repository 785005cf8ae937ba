import type { RouteObject } from 'react-router';
import { createBrowserRouter } from 'react-router';
import { LandingPage } from '@/features/landing/components/landing-page';
import { AppLayout } from './layout/app-layout';
import { paths } from './paths';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';

/**
 * Whether someone is signed in. Accounts arrive with the next piece of work; until
 * then every visitor is signed out, so the shell shows no tab bar.
 */
const signedIn = false;

export const routes: RouteObject[] = [
  {
    element: <AppLayout signedIn={signedIn} />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        index: true,
        element: <LandingPage signupPath={paths.signup} loginPath={paths.login} />,
      },
      // /signup and /login land here too until accounts exist.
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
