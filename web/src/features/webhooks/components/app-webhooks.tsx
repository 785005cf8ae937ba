import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, EmptyState, ErrorState, Skeleton, type BadgeTone } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { useAppWebhooks, type WebhookDelivery } from '../api/get-app-webhooks';
import './webhooks.css';

const statusTone: Record<WebhookDelivery['status'], BadgeTone> = {
  queued: 'neutral',
  delivered: 'accent',
  failed: 'danger',
};

/**
 * An app's webhooks for its owner: each subscription with its last delivery, then the recent
 * deliveries. Meant for the app's details page (the apps feature mounts it with the client_id).
 */
export function AppWebhooks({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const webhooks = useAppWebhooks(clientId);

  if (webhooks.isPending) return <Skeleton width="lg" label={t('webhooks.loading')} />;
  if (webhooks.isError) {
    return <ErrorState message={errorMessage(webhooks.error, t)} onRetry={() => void webhooks.refetch()} />;
  }
  const subscriptions = webhooks.data.pages[0]?.subscriptions ?? [];
  const deliveries = webhooks.data.pages.flatMap((page) => page.deliveries.items);

  return (
    <section aria-labelledby="app-webhooks-title" className="app-webhooks">
      <h2 id="app-webhooks-title">{t('webhooks.title')}</h2>
      {subscriptions.length === 0 ? (
        <EmptyState>{t('webhooks.none')}</EmptyState>
      ) : (
        <ul className="app-webhooks__list">
          {subscriptions.map((subscription) => (
            <li key={subscription.id}>
              <Card className="app-webhooks__subscription">
                <p className="app-webhooks__url">{subscription.url}</p>
                <p className="app-webhooks__events">{subscription.events.join(', ')}</p>
                {subscription.last_delivery ? (
                  <DeliveryLine delivery={subscription.last_delivery} label={t('webhooks.lastDelivery')} />
                ) : (
                  <p>{t('webhooks.noDeliveryYet')}</p>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {deliveries.length > 0 ? (
        <>
          <h3>{t('webhooks.recent')}</h3>
          <ul className="app-webhooks__list">
            {deliveries.map((delivery) => (
              <li key={delivery.id}>
                <DeliveryLine delivery={delivery} label={delivery.event} />
              </li>
            ))}
          </ul>
          {webhooks.hasNextPage ? (
            <Button variant="secondary" onClick={() => void webhooks.fetchNextPage()} disabled={webhooks.isFetchingNextPage}>
              {t('webhooks.loadMore')}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function DeliveryLine({ delivery, label }: { delivery: WebhookDelivery; label: string }) {
  const { t, i18n } = useTranslation();
  const when = delivery.last_attempt_at ?? delivery.created_at;
  return (
    <p className="app-webhooks__delivery">
      <span>{label}</span> <Badge tone={statusTone[delivery.status]}>{t(`webhooks.status.${delivery.status}`)}</Badge>{' '}
      <span>
        {t('webhooks.attempts', { count: delivery.attempts })}
        {delivery.last_status_code !== null ? ` · HTTP ${delivery.last_status_code}` : ''}
        {' · '}
        <time dateTime={when}>{formatDateTime(when, i18n.language)}</time>
      </span>
      {delivery.last_error && delivery.status !== 'delivered' ? (
        <span className="app-webhooks__error">{delivery.last_error}</span>
      ) : null}
    </p>
  );
}
