import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Logo } from '@/components/ui';
import { useLogout } from '@/features/auth/api/logout';
import { GoalReachedListener } from '@/features/goals/components/goal-reached-listener';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { TimeZoneNotice } from '@/features/me/components/time-zone-notice';
import { ServerVersion } from '@/features/meta/components/server-version';
import { PendingWorkoutsBar } from '@/features/workouts/components/pending-workouts';
import { WorkoutInProgressBar } from '@/features/workouts/components/workout-in-progress-bar';
import { lastSignedInUser, useMe, type Me } from '@/lib/auth/get-me';
import { useProfileLanguage } from '@/lib/i18n/use-profile-language';
import { useOnline } from '@/lib/network/online';
import { consentPaths, linkTo, paths } from '../paths';
import { AccountMenu } from './account-menu';
import { AppNav } from './app-nav';
import './app-layout.css';

// Shown instead of the app only to a suspended user or one who has yet to accept a new privacy
// policy: their code loads when needed, not on every first page.
const SuspendedAccountPage = lazy(() =>
  import('@/features/moderation/components/suspended-account-page').then((m) => ({ default: m.SuspendedAccountPage })),
);
const ConsentGatePage = lazy(() =>
  import('@/features/consent/components/consent-gate-page').then((m) => ({ default: m.ConsentGatePage })),
);

export interface AppLayoutProps {
  /**
   * The signed-in user: shows the app navigation (tab bar / sidebar) and the account menu.
   * Signed-out pages (null) stand alone.
   */
  user: Me | null;
}

export function AppLayout({ user }: AppLayoutProps) {
  const { t } = useTranslation();
  const location = useLocation();
  useProfileLanguage(user?.preferences.locale);
  if (user?.suspended_until) return <SuspendedShell until={user.suspended_until} />;
  // Consent first (issue 15). The policy and the settings page, with the export and the
  // deletion a user who declines needs, stay open.
  if (user?.consent_required && !consentGateOpen(location.pathname)) return <ConsentShell />;
  return (
    <div className={user ? 'app-shell app-shell--signed-in' : 'app-shell'}>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      {user ? <AppNav /> : null}
      <div className="app-shell__body">
        {user ? (
          <header className="app-topbar">
            <Link to={paths.home} className="app-topbar__brand" aria-label={t('app.homeLink')}>
              <Logo className="app-topbar__logo" />
              <span aria-hidden="true">{t('app.name')}</span>
            </Link>
            <div className="app-topbar__actions">
              <NotificationBell to={paths.notifications} />
              <AccountMenu me={user} />
            </div>
          </header>
        ) : null}
        <OfflineNotice />
        {user ? <WorkoutInProgressBar userId={user.id} activePath={paths.logActive} /> : null}
        {user ? <PendingWorkoutsBar userId={user.id} logPath={paths.log} activePath={paths.logActive} /> : null}
        {user ? <TimeZoneNotice me={user} /> : null}
        {user ? <GoalReachedListener goalPath={linkTo.goal} /> : null}
        <main id="main-content" className="app-shell__main" tabIndex={-1}>
          <Outlet />
        </main>
        <footer className="app-shell__footer">
          <ServerVersion />
        </footer>
      </div>
    </div>
  );
}

/**
 * A suspended user's session reaches only their moderation decisions, the appeal and signing
 * out (the server refuses the rest): every address shows that page, without the navigation.
 */
function SuspendedShell({ until }: { until: string }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <StandaloneShell>
      <SuspendedAccountPage
        until={until}
        signOut={
          <Button onClick={signOut.run} disabled={signOut.pending}>
            {t('account.signOut')}
          </Button>
        }
      />
    </StandaloneShell>
  );
}

/** The addresses a user whose consent is required still reaches. */
function consentGateOpen(pathname: string): boolean {
  return pathname === paths.privacyPolicy || pathname === paths.securitySettings;
}

/**
 * A signed-in user whose consent to processing their health data is required (never given, or
 * a newer privacy policy): the policy and the choice on every address, without the navigation.
 */
function ConsentShell() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <StandaloneShell>
      <ConsentGatePage
        paths={consentPaths}
        signOut={
          <Button variant="secondary" onClick={signOut.run} disabled={signOut.pending}>
            {t('account.signOut')}
          </Button>
        }
      />
    </StandaloneShell>
  );
}

/** Signs out and goes home; for the pages shown instead of the app. */
function useSignOut() {
  const navigate = useNavigate();
  const logout = useLogout({ onSignedOut: () => navigate(paths.home, { replace: true, flushSync: true }) });
  return { run: () => logout.mutate(), pending: logout.isPending };
}

/** The app's frame without its navigation, around one page whose code loads on first use. */
function StandaloneShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <div className="app-shell__body">
        <header className="app-topbar">
          <span className="app-topbar__brand">
            <Logo className="app-topbar__logo" />
            <span>{t('app.name')}</span>
          </span>
        </header>
        <OfflineNotice />
        <main id="main-content" className="app-shell__main" tabIndex={-1}>
          <Suspense fallback={null}>{children}</Suspense>
        </main>
        <footer className="app-shell__footer">
          <ServerVersion />
        </footer>
      </div>
    </div>
  );
}

/**
 * While the browser is offline: one line that says so on every page, so that a page whose data
 * cannot load is not taken for an empty one.
 */
function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <p className="offline-notice" role="status">
      {t('app.offline')}
    </p>
  );
}

/**
 * The route table's root: the shell, with the navigation for whoever /me says is signed in.
 * While the first answer is on its way, the navigation of the user this browser last saw
 * signed in is drawn already (pages still wait), so that it does not push the page down when
 * the answer comes (Lighthouse measured 0.1 of layout shift on every signed-in page).
 */
export function RootLayout() {
  const me = useMe();
  const user = me.data !== undefined ? me.data : me.isPending ? (lastSignedInUser() ?? null) : null;
  return <AppLayout user={user} />;
}
