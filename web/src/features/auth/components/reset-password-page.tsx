import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink, ErrorState, Notice, PasswordField } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { PasswordHint } from '@/lib/forms/password-hint';
import { useForm } from '@/lib/forms/use-form';
import { compact, newPasswordError } from '@/lib/forms/validation';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';
import { useHashToken } from '../lib/use-hash-token';
import { AuthFrame } from './auth-frame';

export interface ResetPasswordPageProps {
  loginPath: string;
  forgotPasswordPath: string;
}

/** The token was refused (expired, used, unknown), as opposed to the new password. */
function isBadToken(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.fieldError('token')) return true;
  return [400, 404, 410].includes(error.status) || (error.status === 422 && !error.fieldError('password'));
}

/** /reset-password#token=…: choose a new password, then sign in with it. */
export function ResetPasswordPage({ loginPath, forgotPasswordPath }: ResetPasswordPageProps) {
  const { t } = useTranslation();
  const token = useHashToken();
  const [done, setDone] = useState(false);
  const [badToken, setBadToken] = useState(false);
  const confirm = useConfirmPasswordReset();
  const form = useForm({
    initial: { password: '' },
    validate: (v) => compact({ password: newPasswordError(v.password, t) }),
  });

  if (done) {
    return (
      <AuthFrame documentTitle={t('reset.documentTitle')} title={t('reset.doneTitle')}>
        <Notice>
          <p>{t('reset.doneBody')}</p>
        </Notice>
        <ButtonLink to={loginPath} variant="primary">
          {t('reset.signIn')}
        </ButtonLink>
      </AuthFrame>
    );
  }

  if (!token || badToken) {
    return (
      <AuthFrame documentTitle={t('reset.documentTitle')} title={t('reset.failedTitle')}>
        <ErrorState message={token ? t('reset.expired') : t('reset.missingToken')} />
        <ButtonLink to={forgotPasswordPath} variant="primary">
          {t('reset.requestNew')}
        </ButtonLink>
      </AuthFrame>
    );
  }

  const onSubmit = form.handleSubmit((v) => {
    confirm.mutate(
      { token, password: v.password },
      {
        onSuccess: () => setDone(true),
        onError: (error) => {
          if (isBadToken(error)) setBadToken(true);
          else form.showError(error);
        },
      },
    );
  });

  return (
    <AuthFrame documentTitle={t('reset.documentTitle')} title={t('reset.title')} intro={t('reset.intro')}>
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        {form.formError ? <ErrorState message={form.formError} /> : null}
        <PasswordField
          label={t('reset.password')}
          hint={<PasswordHint password={form.values.password} />}
          autoComplete="new-password"
          value={form.values.password}
          onValueChange={(value) => form.setValue('password', value)}
          error={form.errors.password}
          required
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" block disabled={confirm.isPending}>
            {confirm.isPending ? t('reset.submitting') : t('reset.submit')}
          </Button>
        </div>
      </form>
    </AuthFrame>
  );
}
