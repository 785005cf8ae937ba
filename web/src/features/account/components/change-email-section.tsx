import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, ErrorState, Notice, PasswordField, TextField } from '@/components/ui';
import type { Me } from '@/lib/auth/get-me';
import { useForm } from '@/lib/forms/use-form';
import { compact, emailError, requiredError } from '@/lib/forms/validation';
import { useChangeEmail } from '../api/change-email';
import { useStepUpRejected } from '../lib/wrong-password';
import { Section } from './section';

export function ChangeEmailSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const change = useChangeEmail();
  const stepUpRejected = useStepUpRejected();
  const form = useForm({
    initial: { new_email: '', password: '' },
    validate: (v) => compact({ new_email: emailError(v.new_email, t), password: requiredError(v.password, t) }),
  });

  const onSubmit = form.handleSubmit((v) => {
    const newEmail = v.new_email.trim();
    change.mutate(
      { new_email: newEmail, password: v.password },
      {
        onSuccess: () => {
          form.reset();
          setSentTo(newEmail);
        },
        onError: (error) => {
          if (stepUpRejected(error)) form.setFormError(t('security.email.wrongPassword'));
          else form.showError(error);
        },
      },
    );
  });

  return (
    <Section title={t('security.email.title')}>
      <p className="settings-section__current">
        <span>{t('security.email.current', { email: me.email })}</span>{' '}
        {me.email_verified ? (
          <Badge tone="accent">{t('security.email.verified')}</Badge>
        ) : (
          <Badge tone="danger">{t('security.email.unverified')}</Badge>
        )}
      </p>
      {sentTo ? (
        <Notice tone="info" title={t('security.email.checkInboxTitle')}>
          <p>{t('security.email.checkInboxBody', { email: sentTo })}</p>
        </Notice>
      ) : null}
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        {form.formError ? <ErrorState message={form.formError} /> : null}
        <TextField
          label={t('security.email.new')}
          type="email"
          inputMode="email"
          autoComplete="email"
          value={form.values.new_email}
          onValueChange={(value) => form.setValue('new_email', value)}
          error={form.errors.new_email}
          required
        />
        <PasswordField
          label={t('security.email.password')}
          autoComplete="current-password"
          value={form.values.password}
          onValueChange={(value) => form.setValue('password', value)}
          error={form.errors.password}
          required
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" disabled={change.isPending}>
            {change.isPending ? t('security.email.submitting') : t('security.email.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
