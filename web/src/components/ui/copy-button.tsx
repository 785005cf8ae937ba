import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonVariant } from './button';

export interface CopyButtonProps {
  /** What goes to the clipboard. */
  text: string;
  /** The button's text, e.g. "Copy token". */
  label: string;
  variant?: ButtonVariant;
}

/** Copies `text` and says so next to the button (announced), or says to copy by hand. */
export function CopyButton({ text, label, variant = 'secondary' }: CopyButtonProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="copy-button">
      <Button variant={variant} onClick={() => void copy()}>
        {label}
      </Button>
      <span className="copy-button__status" role="status">
        {state === 'copied' ? t('forms.copied') : state === 'failed' ? t('forms.copyFailed') : ''}
      </span>
    </span>
  );
}
