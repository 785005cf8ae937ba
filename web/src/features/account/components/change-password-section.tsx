import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorState, Notice, PasswordField } from '@/components/ui';
import { PasswordHint } from '@/lib/forms/password-hint';
import { useForm } from '@/lib/forms/use-form';
import { compact, newPasswordError, requiredError } from '@/lib/forms/validation';
import { useChangePassword } from '../api/change-password';
import { useStepUpRejected } from '../lib/wrong-password';
import { Section } from './section';

export function ChangePasswordSection() {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  const change = useChangePassword();
  const stepUpRejected = useStepUpRejected();
  const form = useForm({
    initial: { current_password: '', new_password: '' },
    validate: (v) =>
      compact({
        current_password: requiredError(v.current_password, t),
        new_password: newPasswordError(v.new_password, t),
      }),
  });

  const onSubmit = form.handleSubmit((v) => {
    setChanged(false);
    change.mutate(v, {
      onSuccess: () => {
        form.reset();
        setChanged(true);
      },
      onError: (error) => {
        if (stepUpRejected(error)) form.setFormError(t('security.password.wrongCurrent'));
        else form.showError(error);
      },
    });
  });

  return (
    <Section title={t('security.password.title')}>
      {changed ? <Notice>{t('security.password.changed')}</Notice> : null}
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        {form.formError ? <ErrorState message={form.formError} /> : null}
        <PasswordField
          label={t('security.password.current')}
          autoComplete="current-password"
          value={form.values.current_password}
          onValueChange={(value) => form.setValue('current_password', value)}
          error={form.errors.current_password}
          required
        />
        <PasswordField
          label={t('security.password.new')}
          hint={<PasswordHint password={form.values.new_password} />}
          autoComplete="new-password"
          value={form.values.new_password}
          onValueChange={(value) => form.setValue('new_password', value)}
          error={form.errors.new_password}
          required
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" disabled={change.isPending}>
            {change.isPending ? t('security.password.submitting') : t('security.password.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
