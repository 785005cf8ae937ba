import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ServerVersion } from '@/features/meta/components/server-version';
import { AppNav } from './app-nav';
import './app-layout.css';

export interface AppLayoutProps {
  /** Shows the app navigation (tab bar / sidebar); signed-out pages stand alone. */
  signedIn: boolean;
}

export function AppLayout({ signedIn }: AppLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className={signedIn ? 'app-shell app-shell--signed-in' : 'app-shell'}>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      {signedIn ? <AppNav /> : null}
      <div className="app-shell__body">
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
