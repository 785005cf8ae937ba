import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ConfirmDialog, ErrorState, Notice, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { usePolicies, type PolicyVersions } from '../api/list-policies';
import { usePublishPolicy } from '../api/publish-policy';
import './consent.css';

const POLICY_MAX = 100_000;

/**
 * /admin/privacy-policy: the admin edits the privacy policy (markdown) and publishes it as a new
 * version; every user is then asked to consent again. Earlier versions stay as they were.
 */
export function AdminPrivacyPolicyPage({ nav }: { nav?: ReactNode }) {
  const { t } = useTranslation();
  const policies = usePolicies();
  // Kept here: the editor starts over (a new key) once the new version is read back.
  const [published, setPublished] = useState<number | null>(null);

  let content;
  if (policies.isPending) {
    content = <Skeleton width="lg" label={t('consent.loading')} />;
  } else if (policies.isError) {
    content = <ErrorState message={errorMessage(policies.error, t)} onRetry={() => void policies.refetch()} />;
  } else {
    // Keyed by the current version: publishing starts the editor over from what was published.
    content = (
      <PolicyEditor key={policies.data.items[0]?.version ?? 0} versions={policies.data.items} onPublished={setPublished} />
    );
  }

  return (
    <div className="settings-page">
      {nav}
      <PageHeader
        title={t('consent.admin.title')}
        documentTitle={t('consent.admin.documentTitle')}
        intro={t('consent.admin.intro')}
      />
      {published !== null ? <Notice>{t('consent.admin.published', { version: published })}</Notice> : null}
      {content}
    </div>
  );
}

function PolicyEditor({
  versions,
  onPublished,
}: {
  versions: PolicyVersions['items'];
  onPublished: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const textId = useId();
  const current = versions[0];
  const [text, setText] = useState(current?.text ?? '');
  const [confirming, setConfirming] = useState(false);
  const publish = usePublishPolicy();
  const unchanged = text === (current?.text ?? '');

  return (
    <>
      <Card className="settings-section">
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() && !unchanged) setConfirming(true);
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={textId}>
              {t('consent.admin.textLabel', { version: current?.version ?? 0 })}
            </label>
            <p className="field__hint" id={`${textId}-hint`}>
              {t('consent.admin.textHint')}
            </p>
            <textarea
              id={textId}
              className="admin-policy__text"
              rows={18}
              maxLength={POLICY_MAX}
              required
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-describedby={`${textId}-hint`}
            />
          </div>
          {publish.isError ? <ErrorState message={errorMessage(publish.error, t)} /> : null}
          <div className="form__actions">
            <Button type="submit" variant="primary" disabled={publish.isPending || unchanged || !text.trim()}>
              {t('consent.admin.publish')}
            </Button>
          </div>
        </form>
      </Card>
      <Card className="settings-section">
        <h2 className="settings-section__title">{t('consent.admin.versionsTitle')}</h2>
        <ul className="consent-history">
          {versions.map((version) => (
            <li key={version.version}>
              {t('consent.admin.versionLine', {
                version: version.version,
                when: formatDateTime(version.published_at, i18n.language),
              })}
              {version.published_by === null ? ` ${t('consent.admin.shipped')}` : ''}
            </li>
          ))}
        </ul>
      </Card>
      <ConfirmDialog
        open={confirming}
        title={t('consent.admin.confirmTitle')}
        confirmLabel={t('consent.admin.confirm')}
        cancelLabel={t('consent.admin.cancel')}
        tone="primary"
        busy={publish.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          publish.mutate(
            { text },
            {
              onSuccess: (policy) => {
                setConfirming(false);
                onPublished(policy.version);
              },
              onError: () => setConfirming(false),
            },
          )
        }
      >
        {t('consent.admin.confirmBody')}
      </ConfirmDialog>
    </>
  );
}
