import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { Icon, Logo } from '@/components/ui';
import { paths } from '../paths';
import { currentNavKey, navItems } from './nav-items';

/** Bottom tab bar on phones, left sidebar on wider screens: one list, two layouts (CSS). */
export function AppNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = currentNavKey(pathname);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <NavLink to={paths.home} className="app-nav__brand" aria-label={t('app.homeLink')}>
        <Logo className="app-nav__logo" />
        <span aria-hidden="true">{t('app.name')}</span>
      </NavLink>
      <ul className="app-nav__list">
        {navItems.map(({ key, icon }) => (
          <li key={key}>
            <Link
              to={paths[key]}
              className="app-nav__link"
              aria-current={current === key ? (pathname === paths[key] ? 'page' : 'true') : undefined}
            >
              <Icon name={icon} className="app-nav__icon" />
              <span className="app-nav__label">{t(`nav.${key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
