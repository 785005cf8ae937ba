import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { Icon } from './icon';
import './toast.css';

export interface ToastOptions {
  message: string;
  /** An action the user can take on the toast, e.g. Undo. */
  action?: { label: string; onAction: () => void };
  tone?: 'success' | 'info' | 'error';
}

interface ToastEntry extends ToastOptions {
  id: number;
}

/** How long a toast stays; one with an action (Undo) longer, so there is time to use it. */
export const TOAST_MS = 5_000;
export const TOAST_WITH_ACTION_MS = 8_000;

type ShowToast = (options: ToastOptions) => void;

const ToastContext = createContext<ShowToast | null>(null);

/**
 * Shows short confirmations ("Saved", "Deleted" with Undo) at the bottom of the screen, above
 * the tab bar. One provider for the app; pages call useToast().
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback<ShowToast>((options) => {
    const id = nextId.current++;
    // Three at most: an old confirmation is not worth covering the page.
    setToasts((all) => [...all.slice(-2), { ...options, id }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* A live region that is always there (a region added with its text is not read out),
          in <body> so that it sits above every page and dialog backdrop's stacking. */}
      {typeof document === 'undefined'
        ? null
        : createPortal(
            <div className="toast-region" aria-live="polite">
              {toasts.map((toast) => (
                <Toast key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
              ))}
            </div>,
            document.body,
          )}
    </ToastContext.Provider>
  );
}

function Toast({ toast, onDismiss }: { toast: ToastEntry; onDismiss: () => void }) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(onDismiss, toast.action ? TOAST_WITH_ACTION_MS : TOAST_MS);
    return () => clearTimeout(timer);
  }, [paused, onDismiss, toast.action]);
  return (
    <div
      className={`toast toast--${toast.tone ?? 'success'}`}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <p className="toast__message">{toast.message}</p>
      {toast.action ? (
        <Button
          variant="ghost"
          className="toast__action"
          onClick={() => {
            toast.action?.onAction();
            onDismiss();
          }}
        >
          {toast.action.label}
        </Button>
      ) : null}
      <button type="button" className="toast__close" onClick={onDismiss}>
        <Icon name="close" />
        <span className="visually-hidden">{t('toast.close')}</span>
      </button>
    </div>
  );
}

const noToasts: ShowToast = () => {};

/** Shows a toast. Without a provider (a component test) it does nothing. */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  return useMemo(() => show ?? noToasts, [show]);
}
