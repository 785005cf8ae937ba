import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, ErrorState, PasswordField, TextField } from '@/components/ui';
import type { Me } from '@/lib/auth/get-me';
import { useForm } from '@/lib/forms/use-form';
import { compact, requiredError } from '@/lib/forms/validation';
import { useDeleteAccount } from '../api/delete-account';
import { useStepUpRejected } from '../lib/wrong-password';
import { Section } from './section';

export interface DeleteAccountSectionProps {
  me: Me;
  /** The account is deleted and every session ended: sign this device out (to the landing page). */
  onDeleted: (eraseAfter: string) => void;
}

/**
 * Delete the account (GDPR Art. 17): a confirmation dialog asks for the password (and the
 * two-factor code when it is on) and says what happens: signed out everywhere and hidden at
 * once, erased after the grace period, unless the user signs in before.
 */
export function DeleteAccountSection({ me, onDeleted }: DeleteAccountSectionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Section anchor="delete-account" title={t('security.deleteAccount.title')} intro={t('security.deleteAccount.intro')}>
      <div className="form__actions">
        <Button variant="destructive" onClick={() => setOpen(true)}>
          {t('security.deleteAccount.open')}
        </Button>
      </div>
      <Dialog open={open} title={t('security.deleteAccount.dialogTitle')} onClose={() => setOpen(false)}>
        {open ? <DeleteAccountForm me={me} onCancel={() => setOpen(false)} onDeleted={onDeleted} /> : null}
      </Dialog>
    </Section>
  );
}

function DeleteAccountForm({ me, onCancel, onDeleted }: { me: Me; onCancel: () => void; onDeleted: (eraseAfter: string) => void }) {
  const { t } = useTranslation();
  const remove = useDeleteAccount();
  const stepUpRejected = useStepUpRejected();
  const withCode = me.totp_enabled;
  const form = useForm({
    initial: { password: '', code: '' },
    validate: (v) =>
      compact({ password: requiredError(v.password, t), code: withCode ? requiredError(v.code, t) : undefined }),
  });
  const onSubmit = form.handleSubmit((v) => {
    remove.mutate(
      withCode ? { password: v.password, code: v.code.replace(/\s/g, '') } : { password: v.password },
      {
        onSuccess: (result) => onDeleted(result.erase_after),
        onError: (error) => {
          if (stepUpRejected(error)) form.setFormError(t('security.deleteAccount.rejected'));
          else form.showError(error);
        },
      },
    );
  });
  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
      <p>{t('security.deleteAccount.explain')}</p>
      <p>{t('security.deleteAccount.cancelBySigningIn')}</p>
      {form.formError ? <ErrorState message={form.formError} /> : null}
      <PasswordField
        label={t('security.deleteAccount.password')}
        autoComplete="current-password"
        value={form.values.password}
        onValueChange={(value) => form.setValue('password', value)}
        error={form.errors.password}
        required
        data-autofocus
      />
      {withCode ? (
        <TextField
          label={t('security.deleteAccount.code')}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          value={form.values.code}
          onValueChange={(value) => form.setValue('code', value)}
          error={form.errors.code}
          required
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="destructive" disabled={remove.isPending}>
          {remove.isPending ? t('security.deleteAccount.submitting') : t('security.deleteAccount.submit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('forms.cancel')}
        </Button>
      </div>
    </form>
  );
}
