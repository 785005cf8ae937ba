import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface AppIdentityProps {
  name: string;
  logoUrl?: string | null | undefined;
  homepageUrl?: string | null | undefined;
  /** The heading level of the name: the consent page names the app in its h2. */
  as?: 'h2' | 'h3' | 'p';
}

/**
 * An app's logo (or its initial when it has none or the logo cannot load), its name and its
 * homepage's host as a link: what a user needs to recognise the app.
 */
export function AppIdentity({ name, logoUrl, homepageUrl, as: Name = 'p' }: AppIdentityProps) {
  const { t } = useTranslation();
  const [logoFailed, setLogoFailed] = useState(false);
  const host = hostOf(homepageUrl);
  return (
    <div className="app-identity">
      {logoUrl && !logoFailed ? (
        <img
          className="app-identity__logo"
          src={logoUrl}
          alt=""
          width={48}
          height={48}
          referrerPolicy="no-referrer"
          onError={() => setLogoFailed(true)}
        />
      ) : (
        <span className="app-identity__logo app-identity__logo--initial" aria-hidden="true">
          {name.trim().charAt(0).toUpperCase() || '?'}
        </span>
      )}
      <div className="app-identity__text">
        <Name className="app-identity__name">{name}</Name>
        {homepageUrl && host ? (
          <a className="app-identity__homepage" href={homepageUrl} target="_blank" rel="noopener noreferrer">
            {host}
            <span className="visually-hidden"> {t('apps.opensInNewTab')}</span>
          </a>
        ) : null}
      </div>
    </div>
  );
}

/** The host of a URL, or null when it is not one. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
