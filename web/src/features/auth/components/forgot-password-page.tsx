import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, ButtonLink, ErrorState, Notice, TextField } from '@/components/ui';
import { useForm } from '@/lib/forms/use-form';
import { compact, emailError } from '@/lib/forms/validation';
import { useRequestPasswordReset } from '../api/request-password-reset';
import { AuthFrame } from './auth-frame';

export interface ForgotPasswordPageProps {
  loginPath: string;
}

/** /forgot-password: asks for a reset link; the answer never says whether the account exists. */
export function ForgotPasswordPage({ loginPath }: ForgotPasswordPageProps) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const request = useRequestPasswordReset();
  const form = useForm({
    initial: { email: '' },
    validate: (v) => compact({ email: emailError(v.email, t) }),
  });

  if (sent) {
    return (
      <AuthFrame documentTitle={t('forgot.documentTitle')} title={t('forgot.sentTitle')}>
        <Notice tone="info">
          <p>{t('forgot.sentBody')}</p>
        </Notice>
        <ButtonLink to={loginPath} variant="secondary">
          {t('forgot.backToSignIn')}
        </ButtonLink>
      </AuthFrame>
    );
  }

  const onSubmit = form.handleSubmit((v) => {
    request.mutate({ email: v.email.trim() }, { onSuccess: () => setSent(true), onError: form.showError });
  });

  return (
    <AuthFrame documentTitle={t('forgot.documentTitle')}
      title={t('forgot.title')}
      intro={t('forgot.intro')}
      footer={<Link to={loginPath}>{t('forgot.backToSignIn')}</Link>}
    >
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        {form.formError ? <ErrorState message={form.formError} /> : null}
        <TextField
          label={t('forgot.email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          value={form.values.email}
          onValueChange={(value) => form.setValue('email', value)}
          error={form.errors.email}
          required
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" block disabled={request.isPending}>
            {request.isPending ? t('forgot.submitting') : t('forgot.submit')}
          </Button>
        </div>
      </form>
    </AuthFrame>
  );
}
