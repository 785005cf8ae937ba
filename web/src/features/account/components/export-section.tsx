import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonClassName, Button, ErrorState, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime, formatNumber, formatPercent } from '@/lib/format';
import { isPending, useExports, type DataExport } from '../api/list-exports';
import { useRequestExport } from '../api/request-export';
import { Section } from './section';

/** The anchor other pages (and the "export ready" mail) link to: /settings/security#export. */
export const exportAnchor = 'export';

function megabytes(bytes: number, locale: string): string {
  return formatNumber(bytes / (1024 * 1024), locale, { maxFractionDigits: 1 });
}

function ExportItem({ item }: { item: DataExport }) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const created = formatDateTime(item.created_at, i18n.language);
  if (isPending(item)) {
    return (
      <li className="item-list__item">
        <div className="item-list__main">
          <p id={labelId} className="item-list__title">
            {t('security.export.preparing', { when: created })}
          </p>
          <progress className="export-progress" aria-labelledby={labelId} max={1} value={item.progress} />
          <p className="item-list__meta" role="status">
            {formatPercent(item.progress, i18n.language)}
          </p>
        </div>
      </li>
    );
  }
  return (
    <li className="item-list__item">
      <div className="item-list__main">
        <p className="item-list__title">{t('security.export.madeAt', { when: created })}</p>
        <p className="item-list__meta">
          {item.status === 'ready'
            ? t('security.export.expires', {
                when: formatDateTime(item.expires_at, i18n.language),
                size: megabytes(item.size_bytes ?? 0, i18n.language),
              })
            : t('security.export.failed')}
        </p>
      </div>
      {item.status === 'ready' && item.download_url ? (
        <a className={buttonClassName({ variant: 'secondary' })} href={item.download_url} download="vigor-export.zip">
          {t('security.export.download')}
          <span className="visually-hidden"> {created}</span>
        </a>
      ) : null}
    </li>
  );
}

/** Settings → Your data: request an export of everything, follow its progress, download it. */
export function ExportSection() {
  const { t } = useTranslation();
  const exports = useExports();
  const request = useRequestExport();
  const anchor = useRef<HTMLDivElement>(null);

  // The page is loaded lazily: the browser's own jump to #export happened before it existed.
  useEffect(() => {
    if (window.location.hash === `#${exportAnchor}`) anchor.current?.scrollIntoView();
  }, []);

  let content;
  if (exports.isPending) {
    content = <Skeleton width="lg" label={t('security.export.loading')} />;
  } else if (exports.isError) {
    content = <ErrorState message={errorMessage(exports.error, t)} onRetry={() => void exports.refetch()} />;
  } else if (exports.data.items.length === 0) {
    content = <p className="item-list__meta">{t('security.export.none')}</p>;
  } else {
    content = (
      <ul className="item-list">
        {exports.data.items.map((item) => (
          <ExportItem key={item.id} item={item} />
        ))}
      </ul>
    );
  }
  const busy = request.isPending || (exports.data?.items.some(isPending) ?? false);

  return (
    <div id={exportAnchor} ref={anchor}>
      <Section title={t('security.export.title')} intro={t('security.export.intro')}>
        {content}
        {request.isError ? <ErrorState message={errorMessage(request.error, t)} /> : null}
        <div className="form__actions">
          <Button variant="primary" disabled={busy} onClick={() => request.mutate()}>
            {t('security.export.request')}
          </Button>
        </div>
      </Section>
    </div>
  );
}
