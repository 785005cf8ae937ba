import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Icon } from '@/components/ui';
import { useLogout } from '@/features/auth/api/logout';
import { errorMessage } from '@/lib/api/error-message';
import type { Me } from '@/lib/auth/get-me';
import { paths } from '../paths';

/**
 * The signed-in user's menu: Security, Admin (admins only), Sign out. A disclosure (a
 * button that shows a list of links), closed by Escape, a click elsewhere, or navigation.
 */
export function AccountMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const navigate = useNavigate();
  // flushSync: the home page is on screen before the cache forgets the user, so the page
  // being left does not first react to "signed out" (and send itself to sign-in).
  const logout = useLogout({ onSignedOut: () => navigate(paths.home, { replace: true, flushSync: true }) });

  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="account-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="me" />
        <span className="visually-hidden">{t('account.menu')} </span>
        <span className="account-menu__name">{me.username}</span>
      </button>
      <div id={listId} className="account-menu__panel" hidden={!open}>
        <ul className="account-menu__list">
          <li>
            <Link className="account-menu__item" to={paths.securitySettings}>
              {t('account.security')}
            </Link>
          </li>
          <li>
            <Link className="account-menu__item" to={paths.developerApps}>
              {t('apps.menu.developer')}
            </Link>
          </li>
          <li>
            <Link className="account-menu__item" to={paths.connectedApps}>
              {t('apps.menu.connected')}
            </Link>
          </li>
          {me.role === 'admin' ? (
            <li>
              <Link className="account-menu__item" to={paths.adminUsers}>
                {t('account.admin')}
              </Link>
            </li>
          ) : null}
          {me.role === 'admin' || me.role === 'moderator' ? (
            <li>
              <Link className="account-menu__item" to={paths.adminModeration}>
                {t('moderation.menu')}
              </Link>
            </li>
          ) : null}
          <li>
            <Link className="account-menu__item" to={paths.moderationSettings}>
              {t('moderation.mine.title')}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="account-menu__item"
              disabled={logout.isPending}
              onClick={() => logout.mutate()}
            >
              {t('account.signOut')}
            </button>
          </li>
        </ul>
        {logout.isError ? (
          <p className="account-menu__error" role="alert">
            {errorMessage(logout.error, t)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
