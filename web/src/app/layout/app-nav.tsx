import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Icon, Logo } from '@/components/ui';
import { paths } from '../paths';
import { navItems } from './nav-items';

/** Bottom tab bar on phones, left sidebar on wider screens: one list, two layouts (CSS). */
export function AppNav() {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <NavLink to={paths.home} className="app-nav__brand" aria-label={t('app.homeLink')}>
        <Logo className="app-nav__logo" />
        <span aria-hidden="true">{t('app.name')}</span>
      </NavLink>
      <ul className="app-nav__list">
        {navItems.map(({ key, icon }) => (
          <li key={key}>
            <NavLink to={paths[key]} className="app-nav__link" end={paths[key] === paths.home}>
              <Icon name={icon} className="app-nav__icon" />
              <span className="app-nav__label">{t(`nav.${key}`)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
