import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export interface AdminPaths {
  users: string;
  settings: string;
  /** Client apps (issue 14); the link shows when given. */
  apps?: string;
  /** The privacy policy (issue 15); the link shows when given. */
  privacyPolicy?: string;
}

/** Users | Settings, at the top of every admin page. */
export function AdminNav({ paths }: { paths: AdminPaths }) {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('admin.navLabel')}>
      <NavLink to={paths.users} className="admin-nav__link" end>
        {t('admin.users.navTitle')}
      </NavLink>
      <NavLink to={paths.settings} className="admin-nav__link" end>
        {t('admin.settings.navTitle')}
      </NavLink>
      {paths.apps ? (
        <NavLink to={paths.apps} className="admin-nav__link" end>
          {t('apps.admin.navTitle')}
        </NavLink>
      ) : null}
      {paths.privacyPolicy ? (
        <NavLink to={paths.privacyPolicy} className="admin-nav__link" end>
          {t('consent.admin.navTitle')}
        </NavLink>
      ) : null}
    </nav>
  );
}
