import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, ButtonLink, Checkbox, ChoiceGroup, ErrorState, LoadingState, Notice, PasswordField, TextField } from '@/components/ui';
import type { Schema } from '@/lib/api/types';
import { PasswordHint } from '@/lib/forms/password-hint';
import { useForm } from '@/lib/forms/use-form';
import { compact, emailError, newPasswordError, requiredError, usernameError } from '@/lib/forms/validation';
import { usePrivacyPolicy } from '@/lib/privacy/privacy-policy';
import { useSignup } from '../api/signup';
import { startingPreferences } from '../lib/starting-preferences';
import { AuthFrame } from './auth-frame';

export type RegistrationMode = Schema<'Meta'>['registration'];

export interface SignupPageProps {
  /** From GET /meta; undefined while it loads (or if it failed: the server decides then). */
  registration: RegistrationMode | undefined;
  registrationPending: boolean;
  loginPath: string;
  /** The public privacy policy page, which the consent box links to. */
  privacyPolicyPath: string;
}

/** /signup: create an account, then "check your email". */
export function SignupPage({ registration, registrationPending, loginPath, privacyPolicyPath }: SignupPageProps) {
  const { t } = useTranslation();
  const [accepted, setAccepted] = useState<string | null>(null);

  if (accepted !== null) {
    return (
      <AuthFrame documentTitle={t('signup.documentTitle')} title={t('signup.checkEmailTitle')}>
        <Notice tone="info">
          <p>{accepted}</p>
          <p>{t('signup.checkEmailBody')}</p>
        </Notice>
        <ButtonLink to={loginPath} variant="secondary">
          {t('signup.goToSignIn')}
        </ButtonLink>
      </AuthFrame>
    );
  }

  if (registrationPending) {
    return (
      <AuthFrame documentTitle={t('signup.documentTitle')} title={t('signup.title')}>
        <LoadingState label={t('signup.loading')} />
      </AuthFrame>
    );
  }

  if (registration === 'closed') {
    return (
      <AuthFrame documentTitle={t('signup.documentTitle')} title={t('signup.title')}>
        <Notice tone="info" title={t('signup.closedTitle')}>
          <p>{t('signup.closedBody')}</p>
        </Notice>
        <ButtonLink to={loginPath} variant="secondary">
          {t('signup.goToSignIn')}
        </ButtonLink>
      </AuthFrame>
    );
  }

  return (
    <SignupForm registration={registration} loginPath={loginPath} privacyPolicyPath={privacyPolicyPath} onAccepted={setAccepted} />
  );
}

interface SignupFormProps {
  registration: RegistrationMode | undefined;
  loginPath: string;
  privacyPolicyPath: string;
  onAccepted: (message: string) => void;
}

function SignupForm({ registration, loginPath, privacyPolicyPath, onAccepted }: SignupFormProps) {
  const { t, i18n } = useTranslation();
  const needsInvite = registration === 'invite_only';
  const signup = useSignup();
  const policy = usePrivacyPolicy();
  const form = useForm({
    // consent_policy_version: the box, named as the API names the version it sends.
    initial: { email: '', username: '', password: '', invite_code: '', consent_policy_version: false },
    validate: (v) =>
      compact({
        email: emailError(v.email, t),
        username: usernameError(v.username, t),
        password: newPasswordError(v.password, t),
        invite_code: needsInvite ? requiredError(v.invite_code, t) : undefined,
        consent_policy_version: v.consent_policy_version ? undefined : t('signup.consentRequired'),
      }),
  });
  const { values, errors, setValue } = form;

  const onSubmit = form.handleSubmit((v) => {
    if (!policy.data) return;
    signup.mutate(
      {
        email: v.email.trim(),
        username: v.username,
        password: v.password,
        ...(needsInvite ? { invite_code: v.invite_code.trim() } : {}),
        // The version the box was ticked for: a newer one published meanwhile is a field error.
        consent_policy_version: policy.data.version,
        // The new account speaks the language shown here, in the browser's time zone.
        ...startingPreferences(i18n.language),
      },
      {
        onSuccess: (accepted) => onAccepted(accepted.message),
        onError: (error) => {
          // A newer policy was published meanwhile: show it and ask for the box again.
          void policy.refetch();
          setValue('consent_policy_version', false);
          form.showError(error);
        },
      },
    );
  });

  return (
    <AuthFrame documentTitle={t('signup.documentTitle')}
      title={t('signup.title')}
      intro={registration === 'approval' ? t('signup.approvalNote') : t('signup.intro')}
      footer={
        <p>
          {t('signup.haveAccount')} <Link to={loginPath}>{t('signup.signInLink')}</Link>
        </p>
      }
    >
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        {form.formError ? <ErrorState message={form.formError} /> : null}
        <TextField
          label={t('signup.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onValueChange={(value) => setValue('email', value)}
          error={errors.email}
          required
        />
        <TextField
          label={t('signup.username')}
          hint={t('signup.usernameHint')}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={30}
          value={values.username}
          onValueChange={(value) => setValue('username', value)}
          error={errors.username}
          required
        />
        <PasswordField
          label={t('signup.password')}
          hint={<PasswordHint password={values.password} />}
          autoComplete="new-password"
          value={values.password}
          onValueChange={(value) => setValue('password', value)}
          error={errors.password}
          required
        />
        {needsInvite ? (
          <TextField
            label={t('signup.inviteCode')}
            hint={t('signup.inviteCodeHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={values.invite_code}
            onValueChange={(value) => setValue('invite_code', value)}
            error={errors.invite_code}
            required
          />
        ) : null}
        <ChoiceGroup
          legend={t('signup.consentLegend')}
          hint={
            <>
              {t('signup.consentHint')}{' '}
              <Link to={privacyPolicyPath} target="_blank" rel="noopener">
                {policy.data
                  ? t('signup.consentPolicyLink', { version: policy.data.version })
                  : t('signup.consentPolicyLinkPending')}
              </Link>
            </>
          }
          error={errors.consent_policy_version}
        >
          {policy.isError ? (
            <ErrorState message={t('signup.consentPolicyFailed')} onRetry={() => void policy.refetch()} />
          ) : null}
          <Checkbox
            label={t('signup.consentLabel')}
            checked={values.consent_policy_version}
            onCheckedChange={(checked) => setValue('consent_policy_version', checked)}
            disabled={!policy.data}
            aria-invalid={errors.consent_policy_version ? true : undefined}
            required
          />
        </ChoiceGroup>
        <div className="form__actions">
          <Button type="submit" variant="primary" block disabled={signup.isPending}>
            {signup.isPending ? t('signup.submitting') : t('signup.submit')}
          </Button>
        </div>
      </form>
    </AuthFrame>
  );
}
