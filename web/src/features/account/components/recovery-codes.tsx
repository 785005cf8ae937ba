import { useTranslation } from 'react-i18next';
import { Button, CopyButton, Notice } from '@/components/ui';

export interface RecoveryCodesProps {
  codes: readonly string[];
  username: string;
  /** "I have stored them": the codes are gone from the page after this. */
  onDone: () => void;
}

/** Offers the text file of codes for download (a blob: link, clicked once, then revoked). */
function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The 10 recovery codes, shown once right after two-factor is turned on. */
export function RecoveryCodes({ codes, username, onDone }: RecoveryCodesProps) {
  const { t } = useTranslation();
  const text = `${t('security.totp.codesFileHeader', { username })}\n\n${codes.join('\n')}\n`;
  return (
    <div className="one-time">
      <Notice title={t('security.totp.enabledTitle')}>
        <p>{t('security.totp.codesIntro')}</p>
        <p className="one-time__warning">{t('security.totp.codesOnce')}</p>
      </Notice>
      <ol className="recovery-codes" aria-label={t('security.totp.codesLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code className="recovery-codes__code">{code}</code>
          </li>
        ))}
      </ol>
      <div className="form__actions">
        <CopyButton text={codes.join('\n')} label={t('security.totp.copyCodes')} />
        <Button variant="secondary" onClick={() => download(`vigor-recovery-codes-${username}.txt`, text)}>
          {t('security.totp.downloadCodes')}
        </Button>
      </div>
      <div className="form__actions">
        <Button variant="primary" onClick={onDone}>
          {t('security.totp.codesDone')}
        </Button>
      </div>
    </div>
  );
}
