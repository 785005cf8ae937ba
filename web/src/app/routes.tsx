import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { createBrowserRouter } from 'react-router';
import { ForgotPasswordPage } from '@/features/auth/components/forgot-password-page';
import { LoginPage } from '@/features/auth/components/login-page';
import { ResetPasswordPage } from '@/features/auth/components/reset-password-page';
import { SignupPage } from '@/features/auth/components/signup-page';
import { VerifyEmailPage } from '@/features/auth/components/verify-email-page';
import { LandingPage } from '@/features/landing/components/landing-page';
import { useMeta } from '@/features/meta/api/get-meta';
import { TodayPage } from '@/features/today/components/today-page';
import { useMe } from '@/lib/auth/get-me';
import { RequireAdmin, RequireAuth, SignedOutOnly, Waiting } from './guards';
import { RootLayout } from './layout/app-layout';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';
import { adminPaths, paths } from './paths';

// Pages only signed-in users (or only admins) reach load on first use, so a first visit
// to the landing page or sign-in does not download them.
const SecurityPage = lazy(() =>
  import('@/features/account/components/security-page').then((m) => ({ default: m.SecurityPage })),
);
const AdminUsersPage = lazy(() =>
  import('@/features/admin/components/admin-users-page').then((m) => ({ default: m.AdminUsersPage })),
);
const AdminSettingsPage = lazy(() =>
  import('@/features/admin/components/admin-settings-page').then((m) => ({ default: m.AdminSettingsPage })),
);

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Waiting />}>{children}</Suspense>;
}

/** `/`: Today for a signed-in user, the landing page for everybody else. */
function HomeRoute() {
  const me = useMe();
  if (me.data) return <TodayPage username={me.data.username} securityPath={paths.securitySettings} />;
  // Signed out, still asking, or /me failed: the landing page is right (or harmless) for all.
  return <LandingPage signupPath={paths.signup} loginPath={paths.login} />;
}

/** Sign-up needs the instance's registration mode, which GET /meta reports. */
function SignupRoute() {
  const meta = useMeta();
  return (
    <SignupPage registration={meta.data?.registration} registrationPending={meta.isPending} loginPath={paths.login} />
  );
}

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomeRoute /> },
      {
        path: paths.signup,
        element: (
          <SignedOutOnly>
            <SignupRoute />
          </SignedOutOnly>
        ),
      },
      {
        path: paths.login,
        element: (
          <SignedOutOnly>
            <LoginPage homePath={paths.home} signupPath={paths.signup} forgotPasswordPath={paths.forgotPassword} />
          </SignedOutOnly>
        ),
      },
      { path: paths.verifyEmail, element: <VerifyEmailPage loginPath={paths.login} homePath={paths.home} /> },
      { path: paths.forgotPassword, element: <ForgotPasswordPage loginPath={paths.login} /> },
      {
        path: paths.resetPassword,
        element: <ResetPasswordPage loginPath={paths.login} forgotPasswordPath={paths.forgotPassword} />,
      },
      {
        path: paths.securitySettings,
        element: (
          <RequireAuth>
            {(me) => (
              <Loading>
                <SecurityPage me={me} homePath={paths.home} />
              </Loading>
            )}
          </RequireAuth>
        ),
      },
      {
        path: paths.adminUsers,
        element: (
          <RequireAdmin>
            {(me) => (
              <Loading>
                <AdminUsersPage meId={me.id} paths={adminPaths} />
              </Loading>
            )}
          </RequireAdmin>
        ),
      },
      {
        path: paths.adminSettings,
        element: (
          <RequireAdmin>
            {() => (
              <Loading>
                <AdminSettingsPage paths={adminPaths} />
              </Loading>
            )}
          </RequireAdmin>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
