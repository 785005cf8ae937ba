import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What happens if the user confirms (a sentence, or richer content). */
  children: ReactNode;
  /** The confirming button's words: what it does ("Discard workout"), not "OK". */
  confirmLabel: string;
  /** The button that keeps things as they are ("Cancel", "Keep logging"). */
  cancelLabel: string;
  onConfirm: () => void;
  /** Cancel, Escape or the backdrop: the caller sets `open` false. */
  onCancel: () => void;
  /** destructive (the default): the confirming button looks destructive. */
  tone?: 'destructive' | 'primary';
  /** While the action runs: the confirming button is disabled. */
  busy?: boolean;
}

/**
 * "Are you sure?" for one action, with the same look everywhere: the question as title, what
 * happens as body, Cancel first (it has focus, so Enter does no harm) and the action last.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  tone = 'destructive',
  busy = false,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      {typeof children === 'string' ? <p>{children}</p> : children}
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onCancel} data-autofocus>
          {cancelLabel}
        </Button>
        <Button variant={tone} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
