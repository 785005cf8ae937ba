import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, Dialog, ErrorState, Notice, SelectField, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Schema } from '@/lib/api/types';
import { useDeleteUser } from '../api/delete-user';
import { useForcePasswordReset } from '../api/force-password-reset';
import type { AdminUser } from '../api/list-users';
import { useUpdateUser } from '../api/update-user';

type Role = Schema<'Role'>;
const roles = ['user', 'moderator', 'admin'] as const satisfies readonly Role[];

/** One user: the facts, and what an admin can do about them. */
export function UserCard({ user, isMe }: { user: AdminUser; isMe: boolean }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [role, setRole] = useState<Role>(user.role);
  const [dialog, setDialog] = useState<'reset' | 'delete' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const update = useUpdateUser();
  const reset = useForcePasswordReset();
  const remove = useDeleteUser();

  const failure = update.error ?? reset.error ?? remove.error;
  const busy = update.isPending || reset.isPending || remove.isPending;

  const setStatus = (status: 'active' | 'disabled', message: string) => {
    setNotice(null);
    update.mutate({ id: user.id, change: { status } }, { onSuccess: () => setNotice(message) });
  };

  const statusTone = user.status === 'active' ? 'accent' : user.status === 'disabled' ? 'danger' : 'neutral';
  const hidden = <span className="visually-hidden"> {user.username}</span>;

  return (
    <Card className="user-card">
      <article aria-labelledby={titleId} className="user-card__body">
        <h2 id={titleId} className="user-card__title">
          {user.username}
          {isMe ? <Badge tone="accent">{t('admin.users.you')}</Badge> : null}
        </h2>
        <dl className="user-card__facts">
          <div>
            <dt>{t('admin.users.email')}</dt>
            <dd>
              {user.email}{' '}
              {user.email_verified ? null : <Badge>{t('admin.users.unverified')}</Badge>}
            </dd>
          </div>
          <div>
            <dt>{t('admin.users.role')}</dt>
            <dd>{t(`admin.roles.${user.role}`)}</dd>
          </div>
          <div>
            <dt>{t('admin.users.status')}</dt>
            <dd>
              <Badge tone={statusTone}>{t(`admin.statuses.${user.status}`)}</Badge>
            </dd>
          </div>
          <div>
            <dt>{t('admin.users.twoFactor')}</dt>
            <dd>{user.totp_enabled ? t('admin.users.twoFactorOn') : t('admin.users.twoFactorOff')}</dd>
          </div>
          <div>
            <dt>{t('admin.users.created')}</dt>
            <dd>{formatDate(user.created_at, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('admin.users.lastLogin')}</dt>
            <dd>
              {user.last_login_at ? formatDateTime(user.last_login_at, i18n.language) : t('admin.users.neverSignedIn')}
            </dd>
          </div>
        </dl>

        {notice ? <Notice>{notice}</Notice> : null}
        {failure ? <ErrorState message={errorMessage(failure, t)} /> : null}

        {isMe ? (
          <p className="empty-state">{t('admin.users.selfNote')}</p>
        ) : (
          <div className="user-card__actions">
            <form
              className="user-card__role"
              onSubmit={(event) => {
                event.preventDefault();
                setNotice(null);
                update.mutate(
                  { id: user.id, change: { role } },
                  { onSuccess: () => setNotice(t('admin.users.roleChanged', { role: t(`admin.roles.${role}`) })) },
                );
              }}
            >
              <SelectField
                label={t('admin.users.roleFor', { username: user.username })}
                value={role}
                onValueChange={(value) => setRole(value as Role)}
                options={roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
              />
              <Button type="submit" variant="secondary" disabled={busy || role === user.role}>
                {t('admin.users.changeRole')}
                {hidden}
              </Button>
            </form>
            {user.status === 'active' ? (
              <Button variant="secondary" disabled={busy} onClick={() => setStatus('disabled', t('admin.users.disabledNotice'))}>
                {t('admin.users.disable')}
                {hidden}
              </Button>
            ) : user.status === 'disabled' ? (
              <Button variant="secondary" disabled={busy} onClick={() => setStatus('active', t('admin.users.enabledNotice'))}>
                {t('admin.users.enable')}
                {hidden}
              </Button>
            ) : (
              <Button variant="primary" disabled={busy} onClick={() => setStatus('active', t('admin.users.approvedNotice'))}>
                {t('admin.users.approve')}
                {hidden}
              </Button>
            )}
            <Button variant="secondary" disabled={busy} onClick={() => setDialog('reset')}>
              {t('admin.users.forceReset')}
              {hidden}
            </Button>
            <Button variant="destructive-subtle" disabled={busy} onClick={() => setDialog('delete')}>
              {t('admin.users.delete')}
              {hidden}
            </Button>
          </div>
        )}
      </article>

      <Dialog
        open={dialog === 'reset'}
        title={t('admin.users.resetTitle', { username: user.username })}
        onClose={() => setDialog(null)}
      >
        <p>{t('admin.users.resetBody')}</p>
        <div className="dialog__actions">
          <Button variant="ghost" onClick={() => setDialog(null)}>
            {t('forms.cancel')}
          </Button>
          <Button
            variant="primary"
            disabled={reset.isPending}
            onClick={() => {
              setNotice(null);
              reset.mutate(user.id, {
                onSuccess: () => setNotice(t('admin.users.resetNotice')),
                onSettled: () => setDialog(null),
              });
            }}
          >
            {t('admin.users.resetConfirm')}
          </Button>
        </div>
      </Dialog>

      <DeleteUserDialog
        open={dialog === 'delete'}
        username={user.username}
        pending={remove.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => remove.mutate(user.id, { onSettled: () => setDialog(null) })}
      />
    </Card>
  );
}

interface DeleteUserDialogProps {
  open: boolean;
  username: string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Deleting is final, so the admin types the username to confirm which account goes. */
export function DeleteUserDialog({ open, username, pending, onCancel, onConfirm }: DeleteUserDialogProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === username;
  const close = () => {
    setTyped('');
    onCancel();
  };
  return (
    <Dialog open={open} title={t('admin.users.deleteTitle', { username })} onClose={close}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) onConfirm();
        }}
      >
        <p>{t('admin.users.deleteBody')}</p>
        <TextField
          label={t('admin.users.deleteTypeName', { username })}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={typed}
          onValueChange={setTyped}
        />
        <div className="dialog__actions">
          <Button variant="ghost" onClick={close}>
            {t('forms.cancel')}
          </Button>
          <Button type="submit" variant="destructive" disabled={!matches || pending}>
            {t('admin.users.deleteConfirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
