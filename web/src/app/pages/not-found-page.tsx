import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ButtonLink } from '@/components/ui';
import { paths } from '../paths';
import './pages.css';

/** Any client path the route table does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.documentTitle'));
  return (
    <div className="status-page">
      <p className="status-page__code" aria-hidden="true">
        404
      </p>
      <h1 className="status-page__title">{t('notFound.title')}</h1>
      <p className="status-page__body">{t('notFound.body')}</p>
      <ButtonLink to={paths.home} variant="primary">
        {t('notFound.home')}
      </ButtonLink>
    </div>
  );
}
