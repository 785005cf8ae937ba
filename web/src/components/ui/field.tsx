import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import './field.css';

/** ids for the hint and the error of a control, joined for aria-describedby. */
function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * The server words some field errors as a predicate ("is not right", "must be 3 to 30 …"),
 * meant to follow the field's name; those get the label in front. Sentences stay as they are.
 */
export function fieldErrorText(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

function FieldError({ id, message, label }: { id: string; message: string | undefined; label: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error">
      {fieldErrorText(label, message)}
    </p>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'children'>;

export interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** What is wrong with the value; marks the input invalid and is read with it. */
  error?: string | undefined;
  /** Help shown under the label and read with the input. */
  hint?: ReactNode;
  /** A control beside the input, e.g. the show/hide button of a password. */
  adornment?: ReactNode;
  /** Pass to reuse an id (the password toggle points at it). */
  inputId?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled text input with an optional hint and error, >= 44 px tall. */
export function TextField({
  label,
  value,
  onValueChange,
  error,
  hint,
  adornment,
  inputId,
  className,
  type = 'text',
  ref,
  ...rest
}: TextFieldProps) {
  const generated = useId();
  const id = inputId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="field__control">
        <input
          ref={ref}
          id={id}
          className="field__input"
          type={type}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
          {...rest}
        />
        {adornment}
      </div>
      <FieldError id={errorId} message={error} label={label} />
    </div>
  );
}

export type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'adornment' | 'inputId'>;

/** A password input with a Show/Hide toggle (no paste blocking, no composition rules). */
export function PasswordField(props: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const id = useId();
  return (
    <TextField
      {...props}
      inputId={id}
      type={visible ? 'text' : 'password'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      adornment={
        <button
          type="button"
          className="field__toggle"
          aria-controls={id}
          aria-pressed={visible}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? t('forms.hide') : t('forms.show')}
          <span className="visually-hidden"> {props.label}</span>
        </button>
      }
    />
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id'> {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  error?: string | undefined;
  /** Keep the label for screen readers only, where the context names the field. */
  hideLabel?: boolean;
}

export function SelectField({
  label,
  value,
  onValueChange,
  options,
  error,
  hideLabel = false,
  className,
  ...rest
}: SelectFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__input field__select"
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} message={error} label={label} />
    </div>
  );
}

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'checked'> {
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
}

/** A checkbox whose whole row (>= 44 px) is its label. */
export function Checkbox({ label, checked, onCheckedChange, className, ...rest }: CheckboxProps) {
  return (
    <label className={className ? `choice ${className}` : 'choice'}>
      <input
        type="checkbox"
        className="choice__input"
        checked={checked}
        onChange={(event) => onCheckedChange(event.target.checked)}
        {...rest}
      />
      <span className="choice__label">{label}</span>
    </label>
  );
}

export interface ChoiceGroupProps {
  /** The question the choices answer; a <legend>. */
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  className?: string;
}

/** A fieldset of checkboxes or radios with its legend, hint and error. */
export function ChoiceGroup({ legend, hint, error, children, className }: ChoiceGroupProps) {
  const id = useId();
  return (
    <fieldset
      className={className ? `choice-group ${className}` : 'choice-group'}
      aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="choice-group__items">{children}</div>
      <FieldError id={`${id}-error`} message={error} label={legend} />
    </fieldset>
  );
}

export interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V;
  onValueChange: (value: V) => void;
  options: ReadonlyArray<{ value: V; label: string; description?: string }>;
  error?: string | undefined;
}

/** One choice of a few, each a >= 44 px row with an optional description. */
export function RadioGroup<V extends string>({ legend, name, value, onValueChange, options, error }: RadioGroupProps<V>) {
  const id = useId();
  return (
    <ChoiceGroup legend={legend} error={error}>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            className="choice__input"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onValueChange(option.value)}
            aria-describedby={option.description ? `${id}-${option.value}` : undefined}
          />
          <span className="choice__label">
            {option.label}
            {option.description ? (
              <span id={`${id}-${option.value}`} className="choice__description">
                {option.description}
              </span>
            ) : null}
          </span>
        </label>
      ))}
    </ChoiceGroup>
  );
}
