import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';

export type FieldErrors<V> = Partial<Record<keyof V & string, string>>;

export interface UseFormOptions<V extends Record<string, unknown>> {
  /** The fields, named as the API names them, so server field errors land on them. */
  initial: V;
  /** Client-side checks mirroring the spec; an error message per invalid field. */
  validate?: (values: V) => FieldErrors<V>;
}

/**
 * Values, per-field errors (from the client's checks or the server's 422) and one
 * form-level error, for a form that submits to the API. After a failed submit the first
 * invalid input gets focus, so keyboard and screen reader users land on the problem.
 */
export function useForm<V extends Record<string, unknown>>({ initial, validate }: UseFormOptions<V>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  // Like useState, the form keeps the first render's `initial`: reset() returns to it.
  const initialRef = useRef(initial);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const setValue = useCallback(<K extends keyof V & string>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      if (!(name in current)) return current;
      const next = { ...current };
      delete next[name];
      return next;
    });
  }, []);

  /** Runs the client checks, then `onValid` with the values if they pass. */
  const handleSubmit = useCallback(
    (onValid: (values: V) => void) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setFormError(undefined);
      const found = validate?.(values) ?? {};
      if (Object.keys(found).length > 0) {
        setErrors(found);
        setFocusRequest((n) => n + 1);
        return;
      }
      setErrors({});
      onValid(values);
    },
    [validate, values],
  );

  /**
   * Shows a failed submit: the server's field errors next to their inputs, anything else
   * as the form-level message.
   */
  const showError = useCallback(
    (error: unknown) => {
      const known = new Set(Object.keys(initialRef.current));
      const fieldErrors: FieldErrors<V> = {};
      let unplaced = 0;
      if (error instanceof ApiError) {
        for (const { field, message } of error.fieldErrors) {
          if (known.has(field)) fieldErrors[field as keyof V & string] ??= message;
          else unplaced += 1;
        }
      }
      const placed = Object.keys(fieldErrors).length;
      setErrors(fieldErrors);
      if (placed > 0 && unplaced === 0) {
        setFormError(t('forms.fixFields'));
      } else {
        setFormError(errorMessage(error, t));
      }
      if (placed > 0) setFocusRequest((n) => n + 1);
    },
    [t],
  );

  const reset = useCallback((next?: V) => {
    setValues(next ?? initialRef.current);
    setErrors({});
    setFormError(undefined);
  }, []);

  return { values, setValue, errors, formError, setFormError, handleSubmit, showError, reset, formRef };
}
