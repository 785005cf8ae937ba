import { useTranslation } from 'react-i18next';
import { buttonClassName } from '@/components/ui';
import { useOnline } from '@/lib/network/online';
import './pages.css';

/**
 * Shown instead of the layout when rendering a route throws. It links with a plain <a>
 * so that the reload does not depend on the router that just failed.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  // Offline, the likely cause is a page's code that could not be loaded: say so.
  const online = useOnline();
  return (
    <main className="status-page status-page--standalone">
      <h1 className="status-page__title">{online ? t('errors.unexpectedTitle') : t('errors.offlineTitle')}</h1>
      <p className="status-page__body">{online ? t('errors.unexpectedBody') : t('errors.offlineBody')}</p>
      <a className={buttonClassName({ variant: 'primary' })} href={window.location.pathname}>
        {t('errors.reload')}
      </a>
    </main>
  );
}
