import { useTranslation } from 'react-i18next';
import { ErrorState, Skeleton } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { useMeta } from '../api/get-meta';

/** "Vigor 0.1.0 · instance: <name>", as the server reports it. */
export function ServerVersion() {
  const { t } = useTranslation();
  const meta = useMeta();

  if (meta.isPending) {
    return <Skeleton width="md" label={t('meta.loading')} />;
  }
  if (meta.isError) {
    const { error } = meta;
    const message =
      error instanceof ApiError && !error.isNetworkError
        ? t('meta.errorServer', { status: error.status })
        : t('meta.errorNetwork');
    return <ErrorState inline message={message} onRetry={() => void meta.refetch()} />;
  }
  return (
    <p className="server-version" data-testid="server-version">
      {t('meta.version', {
        name: meta.data.name,
        version: meta.data.version,
        instance: meta.data.instance_name,
      })}
    </p>
  );
}
