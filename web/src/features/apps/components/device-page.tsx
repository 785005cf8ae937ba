import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ErrorState, Notice, PageHeader, Skeleton, TextField } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useDecideDeviceRequest } from '../api/decide-device-request';
import { useDeviceRequest } from '../api/get-device-request';
import { normalizeUserCode } from '../lib/user-code';
import { AppIdentity } from './app-identity';
import { ScopeWords } from './scope-words';
import './apps.css';

/** /device and /device?code=XXXX-XXXX: the code a device shows, the app it is for, Allow or Deny. */
export function DevicePage({ initialCode, username }: { initialCode: string; username: string }) {
  const { t } = useTranslation();
  const [input, setInput] = useState(initialCode);
  const [inputError, setInputError] = useState<string | undefined>();
  /** The code being looked at, normalised ("BCDF-GHJK"); null until one is entered. */
  const [code, setCode] = useState<string | null>(() => normalizeUserCode(initialCode));
  const [decided, setDecided] = useState<'approved' | 'denied' | null>(null);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const normalized = normalizeUserCode(input);
    if (normalized === null) {
      setInputError(t('apps.device.codeInvalid'));
      return;
    }
    setInputError(undefined);
    setCode(normalized);
  };

  if (decided) {
    return (
      <div className="settings-page">
        <PageHeader title={t('apps.device.title')} />
        <Notice title={decided === 'approved' ? t('apps.device.approvedTitle') : t('apps.device.deniedTitle')}>
          <p>{t('apps.device.returnToDevice')}</p>
        </Notice>
      </div>
    );
  }

  return (
    <div className="settings-page">
      <PageHeader title={t('apps.device.title')} intro={t('apps.device.intro')} />
      {code === null ? (
        <Card className="settings-section">
          <form className="form" noValidate onSubmit={onSubmit}>
            <TextField
              label={t('apps.device.code')}
              hint={t('apps.device.codeHint')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
              value={input}
              onValueChange={setInput}
              error={inputError}
              required
            />
            <div className="form__actions">
              <Button type="submit" variant="primary">
                {t('apps.device.continue')}
              </Button>
            </div>
          </form>
        </Card>
      ) : (
        <DeviceDecision
          code={code}
          username={username}
          onOtherCode={() => setCode(null)}
          onDecided={(approve) => setDecided(approve ? 'approved' : 'denied')}
        />
      )}
    </div>
  );
}

function DeviceDecision({
  code,
  username,
  onOtherCode,
  onDecided,
}: {
  code: string;
  username: string;
  onOtherCode: () => void;
  onDecided: (approve: boolean) => void;
}) {
  const { t } = useTranslation();
  const request = useDeviceRequest(code);
  const decide = useDecideDeviceRequest();

  if (request.isPending) return <Skeleton width="lg" label={t('apps.device.loading')} />;
  if (request.isError) {
    const gone = request.error instanceof ApiError && request.error.status === 404;
    return (
      <Card className="settings-section app-decision">
        {gone ? (
          <ErrorState title={t('apps.device.goneTitle', { code })} message={t('apps.device.goneBody')} />
        ) : (
          <ErrorState message={errorMessage(request.error, t)} onRetry={() => void request.refetch()} />
        )}
        <div className="form__actions">
          <Button variant="secondary" onClick={onOtherCode}>
            {t('apps.device.otherCode')}
          </Button>
        </div>
      </Card>
    );
  }
  const { client, scopes } = request.data;
  const decideAs = (approve: boolean) =>
    decide.mutate({ userCode: code, approve }, { onSuccess: () => onDecided(approve) });
  return (
    <Card className="settings-section app-decision">
      <p>
        {t('apps.device.codeShown')} <code className="app-code">{code}</code>
      </p>
      <AppIdentity name={client.name} logoUrl={client.logo_url} homepageUrl={client.homepage_url} as="h2" />
      <p>{t('apps.consent.asks', { name: client.name, username })}</p>
      <ScopeWords scopes={scopes} label={t('apps.consent.scopesLabel')} />
      <p className="item-list__meta">{t('apps.device.checkDevice')}</p>
      {decide.isError ? <ErrorState message={errorMessage(decide.error, t)} /> : null}
      <div className="form__actions">
        <Button variant="primary" disabled={decide.isPending} onClick={() => decideAs(true)}>
          {t('apps.consent.allow')}
        </Button>
        <Button variant="secondary" disabled={decide.isPending} onClick={() => decideAs(false)}>
          {t('apps.consent.deny')}
        </Button>
      </div>
    </Card>
  );
}
