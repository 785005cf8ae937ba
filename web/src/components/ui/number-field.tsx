import { useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInputNumber, parseDecimal, stepValue } from '@/lib/units';
import { fieldErrorText } from './field';
import './field.css';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'id' | 'children' | 'type' | 'inputMode' | 'size' | 'step'
>;

export interface NumberFieldProps extends InputProps {
  label: string;
  /** The number, or null when empty. */
  value: number | null;
  onValueChange: (value: number | null) => void;
  /** Whole numbers (reps, seconds) open the digits keypad; decimals (kg) the decimal one. */
  integer?: boolean;
  /** Most digits shown after the decimal separator (default 2). */
  maxFractionDigits?: number;
  /** The unit written after the input, e.g. "kg". */
  unit?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  /** Keep the label for screen readers only (a table of sets has column headings). */
  hideLabel?: boolean;
  /** lg: the big inputs of the logging screen. */
  size?: 'md' | 'lg';
  inputClassName?: string;
  /** Arrow up and down change the value by this much (to the next multiple of it). */
  step?: number | undefined;
}

const same = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));

/**
 * A number input that opens the number keypad (`inputmode`), takes either decimal
 * separator, and keeps what is being typed ("62," stays while the next digit comes) while
 * passing numbers up as they become valid. Text that is not a number is marked invalid and
 * not passed on; leaving the field puts the last valid number back.
 */
export function NumberField({
  label,
  value,
  onValueChange,
  integer = false,
  maxFractionDigits = 2,
  unit,
  error,
  hint,
  hideLabel = false,
  size = 'md',
  className,
  inputClassName,
  onBlur,
  onKeyDown,
  min,
  max,
  step,
  ...rest
}: NumberFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language;
  const format = (n: number | null) => (n === null ? '' : formatInputNumber(n, locale, integer ? 0 : maxFractionDigits));
  const [text, setText] = useState(() => format(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (a pre-fill, a unit switch) replaces the text, unless the
  // text already says it (the user is typing it).
  if (!same(value, shown)) {
    setShown(value);
    const typed = parseDecimal(text);
    if (typed === null || Number.isNaN(typed) || !same(typed, value)) setText(format(value));
  }

  const parsed = parseDecimal(text);
  const lo = typeof min === 'number' ? min : undefined;
  const hi = typeof max === 'number' ? max : undefined;
  let localError: string | undefined;
  if (parsed !== null) {
    if (Number.isNaN(parsed) || (integer && !Number.isInteger(parsed))) {
      localError = integer ? t('forms.wholeNumber') : t('forms.number');
    } else if ((lo !== undefined && parsed < lo) || (hi !== undefined && parsed > hi)) {
      localError = t('forms.range', { min: lo ?? 0, max: hi ?? '∞' });
    }
  }
  const shownError = error ?? localError;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', shownError ? errorId : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className={['field', size === 'lg' ? 'field--lg' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="field__control field__control--unit">
        <input
          id={id}
          className={['field__input', 'field__number', inputClassName ?? ''].filter(Boolean).join(' ')}
          type="text"
          inputMode={integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          enterKeyHint="next"
          value={text}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            const n = parseDecimal(next);
            if (n === null) {
              setShown(null);
              onValueChange(null);
            } else if (!Number.isNaN(n) && (!integer || Number.isInteger(n))) {
              if ((lo !== undefined && n < lo) || (hi !== undefined && n > hi)) return;
              setShown(n);
              onValueChange(n);
            }
          }}
          onBlur={(event) => {
            if (localError) setText(format(value));
            onBlur?.(event);
          }}
          onKeyDown={(event) => {
            onKeyDown?.(event);
            if (step === undefined || event.defaultPrevented) return;
            if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
            event.preventDefault();
            let next = stepValue(value ?? 0, step, event.key === 'ArrowUp' ? 1 : -1);
            if (hi !== undefined) next = Math.min(hi, next);
            if (lo !== undefined) next = Math.max(lo, next);
            setText(format(next));
            setShown(next);
            onValueChange(next);
          }}
          {...rest}
        />
        {unit ? (
          <span className="field__unit" aria-hidden="true">
            {unit}
          </span>
        ) : null}
      </div>
      {shownError ? (
        <p id={errorId} className="field__error">
          {fieldErrorText(label, shownError)}
        </p>
      ) : null}
    </div>
  );
}
