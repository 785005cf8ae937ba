import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorState, RadioGroup, TextField } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { useForm } from '@/lib/forms/use-form';

export const APP_NAME_MAX = 80;
export const REDIRECT_URIS_MAX = 10;

export type AppFormValues = {
  name: string;
  logo_url: string;
  homepage_url: string;
  redirect_uris: string[];
  confidential: 'confidential' | 'public';
};

export interface AppFormProps {
  initial?: Partial<AppFormValues>;
  /** Registering asks whether the app keeps a secret; editing cannot change it. */
  mode: 'register' | 'edit';
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: AppFormValues, showError: (error: unknown) => void) => void;
  onCancel: () => void;
}

const empty: AppFormValues = { name: '', logo_url: '', homepage_url: '', redirect_uris: [''], confidential: 'confidential' };

/** The fields of an app: name, logo, homepage, redirect URIs and (on registering) its kind. */
export function AppForm({ initial, mode, busy, submitLabel, onSubmit, onCancel }: AppFormProps) {
  const { t } = useTranslation();
  const form = useForm<AppFormValues>({
    initial: { ...empty, ...initial },
    validate: (v) => {
      const errors: { name?: string } = {};
      if (v.name.trim() === '') errors.name = t('validation.required');
      else if ([...v.name.trim()].length > APP_NAME_MAX) errors.name = t('apps.form.nameTooLong', { max: APP_NAME_MAX });
      return errors;
    },
  });
  /** The server's problem with each redirect URI, by its row (`redirect_uris[i]`), and with the list. */
  const [uriErrors, setUriErrors] = useState<Record<number, string>>({});
  const [listError, setListError] = useState<string | undefined>();

  const uris = form.values.redirect_uris;
  const setUri = (index: number, value: string) =>
    form.setValue(
      'redirect_uris',
      uris.map((u, i) => (i === index ? value : u)),
    );

  const showError = (error: unknown) => {
    const rows: Record<number, string> = {};
    let list: string | undefined;
    if (error instanceof ApiError) {
      for (const { field, message } of error.fieldErrors) {
        const row = /^redirect_uris\[(\d+)\]$/.exec(field);
        if (row) rows[Number(row[1])] ??= message;
        else if (field === 'redirect_uris') list ??= message;
      }
    }
    setUriErrors(rows);
    setListError(list);
    form.showError(error);
  };

  const submit = form.handleSubmit((v) => {
    setUriErrors({});
    setListError(undefined);
    onSubmit(
      { ...v, name: v.name.trim(), redirect_uris: v.redirect_uris.map((u) => u.trim()).filter((u) => u !== '') },
      showError,
    );
  });

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      {form.formError ? <ErrorState message={form.formError} /> : null}
      <TextField
        label={t('apps.form.name')}
        hint={t('apps.form.nameHint')}
        autoComplete="off"
        maxLength={APP_NAME_MAX}
        value={form.values.name}
        onValueChange={(value) => form.setValue('name', value)}
        error={form.errors.name}
        required
      />
      <TextField
        label={t('apps.form.homepage')}
        hint={t('apps.form.urlHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        value={form.values.homepage_url}
        onValueChange={(value) => form.setValue('homepage_url', value)}
        error={form.errors.homepage_url}
      />
      <TextField
        label={t('apps.form.logo')}
        hint={t('apps.form.urlHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        value={form.values.logo_url}
        onValueChange={(value) => form.setValue('logo_url', value)}
        error={form.errors.logo_url}
      />
      <fieldset className="app-uris">
        <legend>{t('apps.form.redirectUris')}</legend>
        <p className="field__hint">{t('apps.form.redirectUrisHint')}</p>
        {listError ? (
          <p className="field__error" role="alert">
            {listError}
          </p>
        ) : null}
        {uris.map((uri, index) => (
          <div key={index} className="app-uris__row">
            <TextField
              label={t('apps.form.redirectUri', { n: index + 1 })}
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={uri}
              onValueChange={(value) => setUri(index, value)}
              error={uriErrors[index]}
            />
            {uris.length > 1 ? (
              <Button
                variant="ghost"
                onClick={() =>
                  form.setValue(
                    'redirect_uris',
                    uris.filter((_, i) => i !== index),
                  )
                }
              >
                {t('apps.form.removeUri')}
                <span className="visually-hidden"> {t('apps.form.redirectUri', { n: index + 1 })}</span>
              </Button>
            ) : null}
          </div>
        ))}
        {uris.length < REDIRECT_URIS_MAX ? (
          <div>
            <Button variant="secondary" onClick={() => form.setValue('redirect_uris', [...uris, ''])}>
              {t('apps.form.addUri')}
            </Button>
          </div>
        ) : null}
      </fieldset>
      {mode === 'register' ? (
        <RadioGroup
          legend={t('apps.form.kind')}
          name="app-kind"
          value={form.values.confidential}
          onValueChange={(value) => form.setValue('confidential', value)}
          options={[
            { value: 'confidential', label: t('apps.form.confidential'), description: t('apps.form.confidentialHint') },
            { value: 'public', label: t('apps.form.public'), description: t('apps.form.publicHint') },
          ]}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('forms.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The body of POST/PUT /me/apps from the form's values: an empty URL is no URL. */
export function appInputOf(values: AppFormValues) {
  return {
    name: values.name,
    logo_url: values.logo_url.trim() || null,
    homepage_url: values.homepage_url.trim() || null,
    redirect_uris: values.redirect_uris,
  };
}
