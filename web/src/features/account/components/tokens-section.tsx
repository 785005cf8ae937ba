import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  ChoiceGroup,
  ConfirmDialog,
  CopyButton,
  EmptyState,
  ErrorState,
  Notice,
  SelectField,
  Skeleton,
  TextField,
  useToast,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDate, formatDateTime } from '@/lib/format';
import { useForm } from '@/lib/forms/use-form';
import { allScopes, useCreateToken, type NewToken, type Scope } from '../api/create-token';
import { useTokens, type TokenInfo } from '../api/list-tokens';
import { useRevokeToken } from '../api/revoke-token';
import { Section } from './section';

const expiryChoices = ['30', '90', '365', 'never'] as const;

/** "profile:read" -> "profile_read": i18next reads ":" in a key as a namespace separator. */
type ScopeKey = { [S in Scope]: S extends `${infer Area}:${infer Access}` ? `${Area}_${Access}` : never }[Scope];
const scopeKey = (scope: Scope) => scope.replace(':', '_') as ScopeKey;
type Expiry = (typeof expiryChoices)[number];

export function TokensSection() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<NewToken | null>(null);
  const [creating, setCreating] = useState(false);

  return (
    <Section title={t('security.tokens.title')} intro={t('security.tokens.intro')}>
      {created ? (
        <TokenReveal token={created} onDone={() => setCreated(null)} />
      ) : creating ? (
        <CreateTokenForm
          onCancel={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
          }}
        />
      ) : (
        <div className="form__actions">
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('security.tokens.create')}
          </Button>
        </div>
      )}
      <TokenList />
    </Section>
  );
}

/** The new token's secret, once: after "Done" it is gone from the page for good. */
export function TokenReveal({ token, onDone }: { token: NewToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="one-time">
      <Notice title={t('security.tokens.createdTitle', { name: token.name })}>
        <p className="one-time__warning">{t('security.tokens.createdOnce')}</p>
      </Notice>
      <code className="one-time__secret" data-testid="new-token">
        {token.token}
      </code>
      <div className="form__actions">
        <CopyButton text={token.token} label={t('security.tokens.copy')} />
        <Button variant="primary" onClick={onDone}>
          {t('security.tokens.done')}
        </Button>
      </div>
    </div>
  );
}

function CreateTokenForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (token: NewToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const form = useForm<{ name: string; scopes: Scope[]; expires_in_days: Expiry }>({
    initial: { name: '', scopes: [], expires_in_days: '90' },
    validate: (v) => {
      const errors: { name?: string; scopes?: string } = {};
      if (v.name.trim() === '') errors.name = t('validation.required');
      else if (v.name.trim().length > 100) errors.name = t('security.tokens.nameTooLong');
      if (v.scopes.length === 0) errors.scopes = t('security.tokens.scopesRequired');
      return errors;
    },
  });

  const toggleScope = (scope: Scope, on: boolean) => {
    const next = on ? [...form.values.scopes, scope] : form.values.scopes.filter((s) => s !== scope);
    form.setValue(
      'scopes',
      allScopes.filter((s) => next.includes(s)),
    );
  };

  const onSubmit = form.handleSubmit((v) => {
    create.mutate(
      {
        name: v.name.trim(),
        scopes: v.scopes,
        expires_in_days: v.expires_in_days === 'never' ? null : Number(v.expires_in_days),
      },
      { onSuccess: onCreated, onError: form.showError },
    );
  });

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
      {form.formError ? <ErrorState message={form.formError} /> : null}
      <TextField
        label={t('security.tokens.name')}
        hint={t('security.tokens.nameHint')}
        autoComplete="off"
        maxLength={100}
        value={form.values.name}
        onValueChange={(value) => form.setValue('name', value)}
        error={form.errors.name}
        required
      />
      <ChoiceGroup legend={t('security.tokens.scopes')} error={form.errors.scopes} className="scope-list">
        {allScopes.map((scope) => (
          <Checkbox
            key={scope}
            label={
              <>
                {t(`security.tokens.scope.${scopeKey(scope)}`)} <code className="scope-list__id">{scope}</code>
              </>
            }
            checked={form.values.scopes.includes(scope)}
            onCheckedChange={(on) => toggleScope(scope, on)}
          />
        ))}
      </ChoiceGroup>
      <SelectField
        label={t('security.tokens.expiry')}
        value={form.values.expires_in_days}
        onValueChange={(value) => form.setValue('expires_in_days', value as Expiry)}
        options={expiryChoices.map((choice) => ({
          value: choice,
          label: choice === 'never' ? t('security.tokens.never') : t('security.tokens.days', { count: Number(choice) }),
        }))}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t('security.tokens.submit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('forms.cancel')}
        </Button>
      </div>
    </form>
  );
}

function TokenList() {
  const { t, i18n } = useTranslation();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const toast = useToast();
  /** The token the user asked to revoke, waiting for them to confirm. */
  const [revoking, setRevoking] = useState<TokenInfo | null>(null);

  if (tokens.isPending) return <Skeleton width="lg" label={t('security.tokens.loading')} />;
  if (tokens.isError) {
    return <ErrorState message={errorMessage(tokens.error, t)} onRetry={() => void tokens.refetch()} />;
  }
  if (tokens.data.items.length === 0) {
    return <EmptyState>{t('security.tokens.empty')}</EmptyState>;
  }
  return (
    <>
      <ul className="item-list" aria-label={t('security.tokens.listLabel')}>
        {tokens.data.items.map((token) => (
          <li key={token.id} className="item-list__item">
            <div className="item-list__main">
              <p className="item-list__title">{token.name}</p>
              <p className="item-list__meta">{token.scopes.join(', ')}</p>
              <p className="item-list__meta">
                {t('security.tokens.createdAt', { when: formatDate(token.created_at, i18n.language) })}
                {' · '}
                {token.expires_at
                  ? t('security.tokens.expiresAt', { when: formatDate(token.expires_at, i18n.language) })
                  : t('security.tokens.noExpiry')}
              </p>
              <p className="item-list__meta">
                {token.last_used_at
                  ? t('security.tokens.lastUsed', { when: formatDateTime(token.last_used_at, i18n.language) })
                  : t('security.tokens.neverUsed')}
              </p>
            </div>
            <Button
              variant="destructive-subtle"
              disabled={revoke.isPending && revoke.variables === token.id}
              onClick={() => {
                revoke.reset();
                setRevoking(token);
              }}
            >
              {t('security.tokens.revoke')}
              <span className="visually-hidden"> {token.name}</span>
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        title={t('security.tokens.revokeTitle', { name: revoking?.name ?? '' })}
        cancelLabel={t('forms.cancel')}
        confirmLabel={t('security.tokens.revokeConfirm')}
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              setRevoking(null);
              toast({ message: t('security.tokens.revoked') });
            },
          });
        }}
      >
        <p>{t('security.tokens.revokeBody')}</p>
        {revoke.isError ? <ErrorState message={errorMessage(revoke.error, t)} /> : null}
      </ConfirmDialog>
    </>
  );
}
