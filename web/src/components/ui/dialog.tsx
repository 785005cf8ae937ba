import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from './icon';
import './dialog.css';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called when the dialog closes itself (Escape); the caller then sets `open` false. */
  onClose: () => void;
  children: ReactNode;
  /**
   * dialog: centred, for a question and its actions. sheet: full height from the bottom on
   * phones (a centred tall panel on wider screens), for picking from a long list.
   */
  variant?: 'dialog' | 'sheet';
  /** Shows a close button (×) next to the title, e.g. on a sheet without other actions. */
  closeLabel?: string;
}

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes on
 * Escape and makes the rest of the page inert. Put the actions (buttons) in `children`;
 * mark the control that should have focus first with `data-autofocus`.
 */
export function Dialog({ open, title, onClose, children, variant = 'dialog', closeLabel }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // The browser focuses the first control; a control marked data-autofocus (a search
      // box) goes first instead.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={variant === 'sheet' ? 'dialog dialog--sheet' : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <div className="dialog__body">
          <div className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            {closeLabel ? (
              <button type="button" className="dialog__close" onClick={onClose}>
                <Icon name="close" />
                <span className="visually-hidden">{closeLabel}</span>
              </button>
            ) : null}
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
