import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordLength } from './validation';

/** The live hint under a new password: the one rule (length), and how far along it is. */
export function PasswordHint({ password }: { password: string }) {
  const { t } = useTranslation();
  const length = passwordLength(password);
  if (length === 0) return <>{t('password.hint', { min: PASSWORD_MIN_LENGTH })}</>;
  if (length < PASSWORD_MIN_LENGTH) {
    return <>{t('password.hintProgress', { min: PASSWORD_MIN_LENGTH, length })}</>;
  }
  return <>{t('password.hintOk', { min: PASSWORD_MIN_LENGTH })}</>;
}
