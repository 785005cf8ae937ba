import { useTranslation } from 'react-i18next';
import { isKnownScope, scopeWordsKey } from '../lib/scopes';

/** The scopes an app asks for or holds, each in plain words with its name beside it. */
export function ScopeWords({ scopes, label }: { scopes: readonly string[]; label: string }) {
  const { t } = useTranslation();
  if (scopes.length === 0) return <p className="app-scopes__none">{t('apps.scopes.none')}</p>;
  return (
    <ul className="app-scopes" aria-label={label}>
      {scopes.map((scope) => (
        <li key={scope} className="app-scopes__item">
          <span>{isKnownScope(scope) ? t(scopeWordsKey(scope)) : scope}</span>{' '}
          <code className="app-scopes__id">{scope}</code>
        </li>
      ))}
    </ul>
  );
}
