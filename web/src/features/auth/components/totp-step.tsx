import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorState, TextField } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { useForm } from '@/lib/forms/use-form';
import { compact, requiredError, totpCodeError } from '@/lib/forms/validation';
import { useLoginTotp } from '../api/login-totp';
import { AuthFrame } from './auth-frame';

export interface TotpStepProps {
  /** From POST /auth/login; valid for 5 minutes. */
  challenge: string;
  onSignedIn: (result: { erasure_cancelled?: boolean | undefined }) => void;
  /** Back to username and password (e.g. once the challenge has expired). */
  onStartOver: () => void;
}

/**
 * The server answers 401 both for a wrong code and for a challenge that has expired; only
 * the latter needs the password again. Its detail says "expired" / "Start again".
 */
function challengeExpired(error: ApiError): boolean {
  return /expired|start again/i.test(error.detail ?? '');
}

/** The second step of a sign-in: a code from the authenticator app, or a recovery code. */
export function TotpStep({ challenge, onSignedIn, onStartOver }: TotpStepProps) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const loginTotp = useLoginTotp();
  const form = useForm({
    initial: { code: '' },
    validate: (v) => compact({ code: useRecovery ? requiredError(v.code, t) : totpCodeError(v.code, t) }),
  });
  const { values, errors, setValue } = form;
  const inputRef = useRef<HTMLInputElement>(null);

  // The code input is the only thing to do here: put the cursor in it, also after toggling.
  useEffect(() => {
    inputRef.current?.focus();
  }, [useRecovery]);

  const onSubmit = form.handleSubmit((v) => {
    const code = useRecovery ? v.code.trim() : v.code.replace(/\s/g, '');
    loginTotp.mutate(
      { challenge, code },
      {
        onSuccess: (result) => onSignedIn(result),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 401 && challengeExpired(error)) {
            form.setFormError(t('login.challengeExpired'));
          } else if (error instanceof ApiError && error.status === 401) {
            form.setFormError(useRecovery ? t('login.wrongRecoveryCode') : t('login.wrongCode'));
            setValue('code', '');
            inputRef.current?.focus();
          } else {
            form.showError(error);
          }
        },
      },
    );
  });

  return (
    <AuthFrame documentTitle={t('login.totpDocumentTitle')}
      title={t('login.totpTitle')}
      intro={useRecovery ? t('login.recoveryIntro') : t('login.totpIntro')}
      footer={
        <Button variant="ghost" onClick={onStartOver}>
          {t('login.startOver')}
        </Button>
      }
    >
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        {form.formError ? <ErrorState message={form.formError} /> : null}
        {useRecovery ? (
          <TextField
            key="recovery"
            ref={inputRef}
            label={t('login.recoveryCode')}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            maxLength={32}
            value={values.code}
            onValueChange={(value) => setValue('code', value)}
            error={errors.code}
            required
          />
        ) : (
          <TextField
            key="totp"
            ref={inputRef}
            className="field--code"
            label={t('login.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            value={values.code}
            onValueChange={(value) => setValue('code', value)}
            error={errors.code}
            required
          />
        )}
        <div className="form__actions">
          <Button type="submit" variant="primary" block disabled={loginTotp.isPending}>
            {loginTotp.isPending ? t('login.verifying') : t('login.verify')}
          </Button>
        </div>
        <Button
          variant="ghost"
          onClick={() => {
            setUseRecovery((on) => !on);
            form.reset();
          }}
        >
          {useRecovery ? t('login.useApp') : t('login.useRecovery')}
        </Button>
      </form>
    </AuthFrame>
  );
}
