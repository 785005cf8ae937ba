import { useTranslation } from 'react-i18next';
import { Button } from './button';
import './error-state.css';

export interface ErrorStateProps {
  /** What happened, in a few words. */
  title?: string;
  /** What happened and what to try. */
  message: string;
  /** Offers a "Try again" button when given. */
  onRetry?: () => void;
  /** One line inside other content (a footer, a table cell) instead of a block. */
  inline?: boolean;
}

/** Says what went wrong and what to try; announced to screen readers when it appears. */
export function ErrorState({ title, message, onRetry, inline = false }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div className={inline ? 'error-state error-state--inline' : 'error-state'} role="alert">
      <div className="error-state__text">
        {title ? <p className="error-state__title">{title}</p> : null}
        <p className="error-state__message">{message}</p>
      </div>
      {onRetry ? (
        <Button variant={inline ? 'ghost' : 'secondary'} onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      ) : null}
    </div>
  );
}
