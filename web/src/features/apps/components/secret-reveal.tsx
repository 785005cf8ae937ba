import { useTranslation } from 'react-i18next';
import { Button, CopyButton, Notice } from '@/components/ui';

/** An app's client_id and its new secret, once: after "Done" the secret is gone from the page for good. */
export function SecretReveal({
  name,
  clientId,
  secret,
  onDone,
}: {
  name: string;
  clientId: string;
  secret: string | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="one-time">
      <Notice title={t('apps.reveal.title', { name })}>
        <p className="one-time__warning">{secret ? t('apps.reveal.once') : t('apps.reveal.public')}</p>
      </Notice>
      <dl className="app-facts">
        <dt>{t('apps.details.clientId')}</dt>
        <dd>
          <code className="one-time__secret" data-testid="new-client-id">
            {clientId}
          </code>
          <CopyButton text={clientId} label={t('apps.details.copyClientId')} />
        </dd>
        {secret ? (
          <>
            <dt>{t('apps.details.clientSecret')}</dt>
            <dd>
              <code className="one-time__secret" data-testid="new-client-secret">
                {secret}
              </code>
              <CopyButton text={secret} label={t('apps.details.copySecret')} />
            </dd>
          </>
        ) : null}
      </dl>
      <div className="form__actions">
        <Button variant="primary" onClick={onDone}>
          {t('apps.reveal.done')}
        </Button>
      </div>
    </div>
  );
}
