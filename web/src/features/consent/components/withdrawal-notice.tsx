import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface WithdrawalPaths {
  /** The export of all the user's data ("Your data" on the settings page). */
  export: string;
  /** The account deletion on the settings page. */
  deleteAccount: string;
}

/**
 * What withdrawing the consent means, and the way out: Vigor processes health data only with
 * consent, so withdrawing it is deleting the account (after its grace period). First the export.
 */
export function WithdrawalNotice({ paths }: { paths: WithdrawalPaths }) {
  const { t } = useTranslation();
  return (
    <div className="withdrawal-notice">
      <p>{t('consent.withdraw.consequence')}</p>
      <ol>
        <li>
          <Link to={paths.export}>{t('consent.withdraw.exportLink')}</Link> {t('consent.withdraw.exportWhy')}
        </li>
        <li>
          <Link to={paths.deleteAccount}>{t('consent.withdraw.deleteLink')}</Link> {t('consent.withdraw.deleteWhy')}
        </li>
      </ol>
    </div>
  );
}
