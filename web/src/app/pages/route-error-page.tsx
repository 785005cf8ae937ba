import { useTranslation } from 'react-i18next';
import { buttonClassName } from '@/components/ui';
import './pages.css';

/**
 * Shown instead of the layout when rendering a route throws. It links with a plain <a>
 * so that the reload does not depend on the router that just failed.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <main className="status-page status-page--standalone">
      <h1 className="status-page__title">{t('errors.unexpectedTitle')}</h1>
      <p className="status-page__body">{t('errors.unexpectedBody')}</p>
      <a className={buttonClassName({ variant: 'primary' })} href={window.location.pathname}>
        {t('errors.reload')}
      </a>
    </main>
  );
}
