import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useMe, type Me } from '@/lib/auth/get-me';
import { loginPathFor, safeNextPath } from '@/lib/auth/safe-next';
import { OfflineCache } from './offline-cache';
import { NotFoundPage } from './pages/not-found-page';
import { paths } from './paths';
import './pages/pages.css';

/** A page-sized wait: who is signed in (the default), or a page's code, is on its way. */
export function Waiting({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="route-wait">
      <LoadingState label={label ?? t('auth.checking')} />
    </div>
  );
}

function MeFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="route-wait">
      <ErrorState title={t('auth.checkFailed')} message={errorMessage(error, t)} onRetry={retry} />
    </div>
  );
}

/** Renders its page for a signed-in user; sends anyone else to sign in, and back here after. */
export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Waiting />;
  if (me.isError) return <MeFailed error={me.error} retry={() => void me.refetch()} />;
  if (me.data === null) {
    return <Navigate to={loginPathFor(paths.login, location.pathname + location.search)} replace />;
  }
  return <OfflineCache userId={me.data.id}>{children(me.data)}</OfflineCache>;
}

/**
 * Renders its page for an admin. Signed-out visitors are sent to sign in (an admin's deep
 * link still works); everybody else gets Not Found, so the page does not even exist for them.
 */
export function RequireAdmin({ children }: { children: (me: Me) => ReactNode }) {
  return <RequireAuth>{(me) => (me.role === 'admin' ? children(me) : <NotFoundPage />)}</RequireAuth>;
}

/** Renders its page for a moderator or an admin; like RequireAdmin, Not Found for everybody else. */
export function RequireModerator({ children }: { children: (me: Me) => ReactNode }) {
  return (
    <RequireAuth>{(me) => (me.role === 'admin' || me.role === 'moderator' ? children(me) : <NotFoundPage />)}</RequireAuth>
  );
}

/**
 * Sign-in and sign-up are for signed-out visitors; a signed-in user goes on to `?next=`
 * (when it is a path on this site) or home. While /me is pending the page shows already.
 */
export function SignedOutOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  const [searchParams] = useSearchParams();
  if (me.data) {
    return <Navigate to={safeNextPath(searchParams.get('next')) ?? paths.home} replace />;
  }
  return <>{children}</>;
}
