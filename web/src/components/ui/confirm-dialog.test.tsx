import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';

function renderDialog(tone?: 'destructive' | 'primary') {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmDialog
      open
      title="Discard this workout?"
      cancelLabel="Keep logging"
      confirmLabel="Discard workout"
      onConfirm={onConfirm}
      onCancel={onCancel}
      {...(tone ? { tone } : {})}
    >
      Its sets are deleted from this device.
    </ConfirmDialog>,
  );
  return { onConfirm, onCancel };
}

describe('ConfirmDialog', () => {
  it('asks the question, and the confirming button looks destructive', () => {
    const { onConfirm, onCancel } = renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Discard this workout?' });
    expect(dialog).toHaveTextContent('Its sets are deleted from this device.');
    const confirm = screen.getByRole('button', { name: 'Discard workout' });
    expect(confirm).toHaveClass('btn--destructive');
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('cancels without confirming, and a non-destructive question uses the primary look', () => {
    const { onConfirm, onCancel } = renderDialog('primary');
    expect(screen.getByRole('button', { name: 'Discard workout' })).toHaveClass('btn--primary');
    fireEvent.click(screen.getByRole('button', { name: 'Keep logging' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
