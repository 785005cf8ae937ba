import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, CopyButton, ErrorState, Notice, PasswordField, TextField } from '@/components/ui';
import { QrCode } from '@/components/ui/qr-code';
import { ApiError } from '@/lib/api/client';
import { useRefreshMe, type Me } from '@/lib/auth/get-me';
import { useForm } from '@/lib/forms/use-form';
import { compact, requiredError, totpCodeError } from '@/lib/forms/validation';
import { useDisableTotp } from '../api/disable-totp';
import { useEnableTotp } from '../api/enable-totp';
import { useSetupTotp, type TotpSetup } from '../api/setup-totp';
import { useStepUpRejected } from '../lib/wrong-password';
import { RecoveryCodes } from './recovery-codes';
import { Section } from './section';

type Stage =
  | { name: 'idle' }
  | { name: 'password' }
  | { name: 'scan'; setup: TotpSetup }
  | { name: 'codes'; codes: string[] }
  | { name: 'disable' };

/** The base32 secret in groups of four, easier to type from the screen. */
function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** Two-factor authentication: set it up (password, scan, prove a code, save codes) or turn it off. */
export function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const refreshMe = useRefreshMe();

  const start = (next: Stage) => {
    setNotice(null);
    setStage(next);
  };

  let body;
  switch (stage.name) {
    case 'password':
      body = (
        <SetupPasswordStep onCancel={() => start({ name: 'idle' })} onReady={(setup) => start({ name: 'scan', setup })} />
      );
      break;
    case 'scan':
      body = (
        <ScanStep
          setup={stage.setup}
          onCancel={() => start({ name: 'idle' })}
          onEnabled={(codes) => start({ name: 'codes', codes })}
        />
      );
      break;
    case 'codes':
      body = (
        <RecoveryCodes
          codes={stage.codes}
          username={me.username}
          onDone={() => {
            void refreshMe();
            start({ name: 'idle' });
          }}
        />
      );
      break;
    case 'disable':
      body = (
        <DisableStep
          onCancel={() => start({ name: 'idle' })}
          onDisabled={() => {
            setStage({ name: 'idle' });
            setNotice(t('security.totp.disabled'));
          }}
        />
      );
      break;
    default:
      body = me.totp_enabled ? (
        <div className="form__actions">
          <Button variant="secondary" onClick={() => start({ name: 'disable' })}>
            {t('security.totp.turnOff')}
          </Button>
        </div>
      ) : (
        <div className="form__actions">
          <Button variant="primary" onClick={() => start({ name: 'password' })}>
            {t('security.totp.setUp')}
          </Button>
        </div>
      );
  }

  return (
    <Section title={t('security.totp.title')}>
      <p className="settings-section__current">
        <span>{t('security.totp.status')}</span>{' '}
        {me.totp_enabled || stage.name === 'codes' ? (
          <Badge tone="accent">{t('security.totp.on')}</Badge>
        ) : (
          <Badge>{t('security.totp.off')}</Badge>
        )}
      </p>
      {stage.name === 'idle' && !me.totp_enabled ? (
        <p className="settings-section__intro">{t('security.totp.offIntro')}</p>
      ) : null}
      {notice ? <Notice>{notice}</Notice> : null}
      {body}
    </Section>
  );
}

function SetupPasswordStep({ onCancel, onReady }: { onCancel: () => void; onReady: (setup: TotpSetup) => void }) {
  const { t } = useTranslation();
  const setup = useSetupTotp();
  const stepUpRejected = useStepUpRejected();
  const form = useForm({
    initial: { password: '' },
    validate: (v) => compact({ password: requiredError(v.password, t) }),
  });
  const onSubmit = form.handleSubmit((v) => {
    setup.mutate(v, {
      onSuccess: onReady,
      onError: (error) => {
        if (stepUpRejected(error)) form.setFormError(t('security.totp.wrongPassword'));
        else form.showError(error);
      },
    });
  });
  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
      <p>{t('security.totp.passwordIntro')}</p>
      {form.formError ? <ErrorState message={form.formError} /> : null}
      <PasswordField
        label={t('security.totp.password')}
        autoComplete="current-password"
        value={form.values.password}
        onValueChange={(value) => form.setValue('password', value)}
        error={form.errors.password}
        required
        autoFocus
      />
      <StepActions submit={t('security.totp.continue')} pending={setup.isPending} onCancel={onCancel} />
    </form>
  );
}

function ScanStep({
  setup,
  onCancel,
  onEnabled,
}: {
  setup: TotpSetup;
  onCancel: () => void;
  onEnabled: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const enable = useEnableTotp();
  const form = useForm({
    initial: { code: '' },
    validate: (v) => compact({ code: totpCodeError(v.code, t) }),
  });
  const onSubmit = form.handleSubmit((v) => {
    enable.mutate(
      { code: v.code.replace(/\s/g, '') },
      {
        onSuccess: (result) => onEnabled(result.recovery_codes),
        onError: (error) => {
          if (error instanceof ApiError && (error.status === 401 || (error.status === 422 && !error.fieldError('code')))) {
            form.setValue('code', '');
            form.setFormError(t('security.totp.wrongCode'));
          } else {
            form.showError(error);
          }
        },
      },
    );
  });
  return (
    <div className="totp-setup">
      <ol className="totp-setup__steps">
        <li>{t('security.totp.scanStep')}</li>
        <li>{t('security.totp.codeStep')}</li>
      </ol>
      <div className="totp-setup__key">
        <QrCode value={setup.otpauth_uri} label={t('security.totp.qrLabel')} />
        <div className="totp-setup__secret">
          <p>{t('security.totp.manualEntry')}</p>
          <dl>
            <dt className="totp-setup__secret-label">{t('security.totp.secretLabel')}</dt>
            <dd>
              <code className="totp-setup__secret-value" data-testid="totp-secret">
                {groupSecret(setup.secret)}
              </code>
            </dd>
          </dl>
          <CopyButton text={setup.secret} label={t('security.totp.copySecret')} />
        </div>
      </div>
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        {form.formError ? <ErrorState message={form.formError} /> : null}
        <TextField
          className="field--code"
          label={t('security.totp.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          value={form.values.code}
          onValueChange={(value) => form.setValue('code', value)}
          error={form.errors.code}
          required
        />
        <StepActions submit={t('security.totp.enable')} pending={enable.isPending} onCancel={onCancel} />
      </form>
    </div>
  );
}

function DisableStep({ onCancel, onDisabled }: { onCancel: () => void; onDisabled: () => void }) {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const stepUpRejected = useStepUpRejected();
  const form = useForm({
    initial: { password: '', code: '' },
    validate: (v) => compact({ password: requiredError(v.password, t), code: requiredError(v.code, t) }),
  });
  const onSubmit = form.handleSubmit((v) => {
    disable.mutate(
      { password: v.password, code: v.code.replace(/\s/g, '') },
      {
        onSuccess: onDisabled,
        onError: (error) => {
          if (stepUpRejected(error)) form.setFormError(t('security.totp.wrongPasswordOrCode'));
          else form.showError(error);
        },
      },
    );
  });
  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
      <p>{t('security.totp.disableIntro')}</p>
      {form.formError ? <ErrorState message={form.formError} /> : null}
      <PasswordField
        label={t('security.totp.password')}
        autoComplete="current-password"
        value={form.values.password}
        onValueChange={(value) => form.setValue('password', value)}
        error={form.errors.password}
        required
      />
      <TextField
        label={t('security.totp.codeOrRecovery')}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={32}
        value={form.values.code}
        onValueChange={(value) => form.setValue('code', value)}
        error={form.errors.code}
        required
      />
      <StepActions submit={t('security.totp.turnOff')} pending={disable.isPending} onCancel={onCancel} />
    </form>
  );
}

/** A step's buttons: go on (the form's submit) or cancel the whole setup. */
function StepActions({ submit, pending, onCancel }: { submit: string; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <Button type="submit" variant="primary" disabled={pending}>
        {submit}
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        {t('forms.cancel')}
      </Button>
    </div>
  );
}
