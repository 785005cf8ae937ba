import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, ErrorState, PasswordField, TextField, useToast } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { safeNextPath } from '@/lib/auth/safe-next';
import { useForm } from '@/lib/forms/use-form';
import { compact, requiredError } from '@/lib/forms/validation';
import { useLogin } from '../api/login';
import { AuthFrame } from './auth-frame';
import { TotpStep } from './totp-step';

export interface LoginPageProps {
  homePath: string;
  signupPath: string;
  forgotPasswordPath: string;
}

/**
 * /login: username or email and password, then — when two-factor is on — a code on the
 * same page. Afterwards to `?next=` if that is a path on this site, else home.
 */
export function LoginPage({ homePath, signupPath, forgotPasswordPath }: LoginPageProps) {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [challenge, setChallenge] = useState<string | null>(null);

  const { t } = useTranslation();
  const toast = useToast();

  const destination = safeNextPath(searchParams.get('next')) ?? homePath;
  // Signing in while the account was pending deletion cancels it (DELETE /api/v1/me): say so.
  const goOn = (result?: SignedIn) => {
    if (result?.erasure_cancelled) toast({ message: t('login.erasureCancelled'), tone: 'info' });
    void navigate(destination, { replace: true });
  };

  if (challenge) {
    return <TotpStep challenge={challenge} onSignedIn={goOn} onStartOver={() => setChallenge(null)} />;
  }
  return (
    <PasswordStep
      signupPath={signupPath}
      forgotPasswordPath={forgotPasswordPath}
      onSignedIn={goOn}
      onTotpRequired={setChallenge}
    />
  );
}

/** What a successful sign-in answers, as far as this page reads it. */
interface SignedIn {
  erasure_cancelled?: boolean | undefined;
}

interface PasswordStepProps {
  signupPath: string;
  forgotPasswordPath: string;
  onSignedIn: (result: SignedIn) => void;
  onTotpRequired: (challenge: string) => void;
}

function PasswordStep({ signupPath, forgotPasswordPath, onSignedIn, onTotpRequired }: PasswordStepProps) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm({
    initial: { login: '', password: '' },
    validate: (v) => compact({ login: requiredError(v.login, t), password: requiredError(v.password, t) }),
  });
  const { values, errors, setValue } = form;

  const onSubmit = form.handleSubmit((v) => {
    login.mutate(
      { login: v.login.trim(), password: v.password },
      {
        onSuccess: (result) => {
          if (result.status === 'totp_required' && result.challenge) onTotpRequired(result.challenge);
          else onSignedIn(result);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 401) form.setFormError(t('login.wrongCredentials'));
          else form.showError(error);
        },
      },
    );
  });

  return (
    <AuthFrame documentTitle={t('login.documentTitle')}
      title={t('login.title')}
      footer={
        <>
          <Link to={forgotPasswordPath}>{t('login.forgotPassword')}</Link>
          <p>
            {t('login.noAccount')} <Link to={signupPath}>{t('login.createAccount')}</Link>
          </p>
        </>
      }
    >
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        {form.formError ? <ErrorState message={form.formError} /> : null}
        <TextField
          label={t('login.login')}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={values.login}
          onValueChange={(value) => setValue('login', value)}
          error={errors.login}
          required
        />
        <PasswordField
          label={t('login.password')}
          autoComplete="current-password"
          value={values.password}
          onValueChange={(value) => setValue('password', value)}
          error={errors.password}
          required
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" block disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </div>
      </form>
    </AuthFrame>
  );
}
