import { useTranslation } from 'react-i18next';
import { Button, Card, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useAuthorizationRequest } from '../api/get-authorization-request';
import { useDecideAuthorizationRequest } from '../api/decide-authorization-request';
import { AppIdentity, hostOf } from './app-identity';
import { ScopeWords } from './scope-words';
import './apps.css';

export interface ConsentPageProps {
  /** `?request=` of /oauth/consent: the parked authorization request. */
  requestId: string;
  username: string;
  /** Sends the browser on (to the app); a prop so tests can watch it. */
  leaveTo?: (url: string) => void;
}

const leave = (url: string) => window.location.assign(url);

/** /oauth/consent?request=: names the app and what it asks for; Allow or Deny. */
export function ConsentPage({ requestId, username, leaveTo = leave }: ConsentPageProps) {
  const { t } = useTranslation();
  const request = useAuthorizationRequest(requestId);
  const decide = useDecideAuthorizationRequest();

  let content;
  if (requestId === '' || (request.isError && request.error instanceof ApiError && request.error.status === 404)) {
    content = <ErrorState title={t('apps.consent.goneTitle')} message={t('apps.consent.goneBody')} />;
  } else if (request.isPending) {
    content = <Skeleton width="lg" label={t('apps.consent.loading')} />;
  } else if (request.isError) {
    content = <ErrorState message={errorMessage(request.error, t)} onRetry={() => void request.refetch()} />;
  } else {
    const { client, scopes } = request.data;
    const decideAs = (approve: boolean) =>
      decide.mutate({ id: requestId, approve }, { onSuccess: (answer) => leaveTo(answer.redirect_to) });
    const answered = decide.isPending || decide.isSuccess;
    content = (
      <Card className="settings-section app-decision">
        <AppIdentity name={client.name} logoUrl={client.logo_url} homepageUrl={client.homepage_url} as="h2" />
        <p>{t('apps.consent.asks', { name: client.name, username })}</p>
        <ScopeWords scopes={scopes} label={t('apps.consent.scopesLabel')} />
        <p className="app-decision__redirect">
          {t('apps.consent.redirect', { host: hostOf(client.redirect_uri) ?? client.redirect_uri })}
        </p>
        <p className="item-list__meta">{t('apps.consent.revokeLater')}</p>
        {decide.isError ? <ErrorState message={errorMessage(decide.error, t)} /> : null}
        <div className="form__actions">
          <Button variant="primary" disabled={answered} onClick={() => decideAs(true)}>
            {t('apps.consent.allow')}
          </Button>
          <Button variant="secondary" disabled={answered} onClick={() => decideAs(false)}>
            {t('apps.consent.deny')}
          </Button>
        </div>
      </Card>
    );
  }

  return (
    <div className="settings-page">
      <PageHeader title={t('apps.consent.title')} />
      {content}
    </div>
  );
}
