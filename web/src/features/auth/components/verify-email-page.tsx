import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, ErrorState, LoadingState, Notice } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useVerifyEmail } from '../api/verify-email';
import { useHashToken } from '../lib/use-hash-token';
import { AuthFrame } from './auth-frame';

export interface VerifyEmailPageProps {
  loginPath: string;
  homePath: string;
}

/** A refused token (expired, used, unknown) rather than a server or network failure. */
function isBadToken(error: unknown): boolean {
  return error instanceof ApiError && [400, 404, 410, 422].includes(error.status);
}

/** /verify-email#token=…: confirms the address from the mail's link, once. */
export function VerifyEmailPage({ loginPath, homePath }: VerifyEmailPageProps) {
  const { t } = useTranslation();
  const token = useHashToken();
  const verify = useVerifyEmail();
  const { mutate } = verify;
  // Tokens are single-use: send it exactly once, even when effects run twice (StrictMode).
  const sent = useRef(false);

  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      mutate({ token });
    }
  }, [token, mutate]);

  if (!token || (verify.isError && isBadToken(verify.error))) {
    return (
      <AuthFrame documentTitle={t('verify.documentTitle')} title={t('verify.failedTitle')}>
        <ErrorState message={token ? t('verify.expired') : t('verify.missingToken')} />
        <ButtonLink to={loginPath} variant="primary">
          {t('verify.signIn')}
        </ButtonLink>
      </AuthFrame>
    );
  }

  if (verify.isError) {
    return (
      <AuthFrame documentTitle={t('verify.documentTitle')} title={t('verify.title')}>
        <ErrorState message={errorMessage(verify.error, t)} onRetry={() => mutate({ token })} />
      </AuthFrame>
    );
  }

  if (verify.isSuccess) {
    const { status } = verify.data;
    if (status === 'awaiting_approval') {
      return (
        <AuthFrame documentTitle={t('verify.documentTitle')} title={t('verify.verifiedTitle')}>
          <Notice tone="info" title={t('verify.awaitingApprovalTitle')}>
            <p>{t('verify.awaitingApprovalBody')}</p>
          </Notice>
          <ButtonLink to={homePath} variant="secondary">
            {t('verify.home')}
          </ButtonLink>
        </AuthFrame>
      );
    }
    if (status === 'email_changed') {
      return (
        <AuthFrame documentTitle={t('verify.documentTitle')} title={t('verify.emailChangedTitle')}>
          <Notice>
            <p>{t('verify.emailChangedBody')}</p>
          </Notice>
          <ButtonLink to={homePath} variant="primary">
            {t('verify.continue')}
          </ButtonLink>
        </AuthFrame>
      );
    }
    return (
      <AuthFrame documentTitle={t('verify.documentTitle')} title={t('verify.verifiedTitle')}>
        <Notice>
          <p>{t('verify.verifiedBody')}</p>
        </Notice>
        <ButtonLink to={loginPath} variant="primary">
          {t('verify.signIn')}
        </ButtonLink>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame documentTitle={t('verify.documentTitle')} title={t('verify.title')}>
      <LoadingState label={t('verify.pending')} />
    </AuthFrame>
  );
}
