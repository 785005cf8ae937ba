import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '@/lib/i18n';
import { TOAST_MS, TOAST_WITH_ACTION_MS, ToastProvider, useToast } from './toast';

function Trigger({ undo }: { undo?: () => void }) {
  const toast = useToast();
  return (
    <button type="button" onClick={() => toast({ message: 'Deleted.', ...(undo ? { action: { label: 'Undo', onAction: undo } } : {}) })}>
      Delete
    </button>
  );
}

function renderTrigger(undo?: () => void) {
  render(
    <I18nextProvider i18n={initI18n()}>
      <ToastProvider>
        <Trigger {...(undo ? { undo } : {})} />
      </ToastProvider>
    </I18nextProvider>,
  );
}

describe('toasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('announces a message and takes it away after a while', () => {
    renderTrigger();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Deleted.').closest('[aria-live]')).toHaveAttribute('aria-live', 'polite');
    act(() => vi.advanceTimersByTime(TOAST_MS - 1));
    expect(screen.getByText('Deleted.')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.queryByText('Deleted.')).not.toBeInTheDocument();
  });

  it('runs Undo once and closes, and stays longer when it offers one', () => {
    const undo = vi.fn();
    renderTrigger(undo);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    act(() => vi.advanceTimersByTime(TOAST_MS + 1));
    expect(TOAST_WITH_ACTION_MS).toBeGreaterThan(TOAST_MS);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Deleted.')).not.toBeInTheDocument();
  });

  it('closes with its close button', () => {
    renderTrigger();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByText('Deleted.')).not.toBeInTheDocument();
  });
});
