import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ButtonLink, Card, Icon, Logo, Notice, type IconName } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { HeroArt } from './hero-art';
import './landing-page.css';

export interface LandingPageProps {
  /** Where "Create account" leads. */
  signupPath: string;
  /** Where "Sign in" leads. */
  loginPath: string;
}

const features = [
  { key: 'training', icon: 'log' },
  { key: 'body', icon: 'body' },
  { key: 'progress', icon: 'progress' },
  { key: 'ownership', icon: 'ownership' },
] as const satisfies ReadonlyArray<{ key: string; icon: IconName }>;

/** What a signed-out visitor sees at `/`: what Vigor is, and the way in. */
export function LandingPage({ signupPath, loginPath }: LandingPageProps) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('landing.documentTitle'));
  // Arrived here after deleting the account (the security page's DeleteAccountSection).
  const deletion = (useLocation().state as { accountDeletion?: { eraseAfter: string } } | null)?.accountDeletion;
  const titleId = useId();
  const featuresId = useId();

  return (
    <div className="landing">
      <section className="landing__hero" aria-labelledby={titleId}>
        <div className="landing__hero-inner">
          {deletion ? (
            <Notice tone="info" title={t('security.deleteAccount.signedOutTitle')}>
              <p>{t('security.deleteAccount.signedOutBody', { when: formatDateTime(deletion.eraseAfter, i18n.language) })}</p>
            </Notice>
          ) : null}
          <h1 id={titleId} className="landing__title">
            <Logo className="landing__logo" />
            {t('app.name')}
          </h1>
          <p className="landing__tagline">{t('landing.tagline')}</p>
          <p className="landing__intro">{t('landing.intro')}</p>
          <div className="landing__actions">
            <ButtonLink to={signupPath} variant="primary" size="lg">
              {t('landing.createAccount')}
            </ButtonLink>
            <ButtonLink to={loginPath} variant="secondary" size="lg">
              {t('landing.signIn')}
            </ButtonLink>
          </div>
        </div>
        <HeroArt />
      </section>

      <section className="landing__features" aria-labelledby={featuresId}>
        <h2 id={featuresId} className="landing__features-title">
          {t('landing.featuresHeading')}
        </h2>
        <ul className="landing__feature-list">
          {features.map(({ key, icon }) => (
            <li key={key}>
              <Card className="landing__feature">
                <span className="landing__feature-icon">
                  <Icon name={icon} />
                </span>
                <h3 className="landing__feature-title">{t(`landing.features.${key}.title`)}</h3>
                <p className="landing__feature-body">{t(`landing.features.${key}.body`)}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
