import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ToastProvider } from '@/components/ui';
import type { EventStream, ServerEvent } from '@/lib/events';
import { renderRoutes } from '@/testing/render';
import { GoalReachedListener } from './goal-reached-listener';

/** A stream the test pushes events into. */
function fakeStream() {
  const listeners = new Map<string, Set<(event: ServerEvent) => void>>();
  const stream: EventStream = {
    state: () => 'open',
    onStateChange: () => () => {},
    on(kind, listener) {
      if (!listeners.has(kind)) listeners.set(kind, new Set());
      listeners.get(kind)?.add(listener);
      return () => listeners.get(kind)?.delete(listener);
    },
  };
  const emit = (kind: string, data: unknown) => {
    for (const l of listeners.get(kind) ?? []) l({ id: '1', kind, data });
  };
  return { stream, emit };
}

describe('a goal reached', () => {
  it('shows a toast with a way to the goal and refreshes the goals and the dashboard', async () => {
    const { stream, emit } = fakeStream();
    const { queryClient } = renderRoutes(
      [
        {
          path: '/',
          element: (
            <ToastProvider>
              <GoalReachedListener goalPath={(id) => `/goals/${id}`} stream={stream} />
            </ToastProvider>
          ),
        },
        { path: '/goals/:id', element: <p>The goal page</p> },
      ],
      '/',
    );
    // What the goals and dashboard pages would have cached, and something else.
    for (const key of [['goals', 'list', 'active'], ['dashboard'], ['stats', 'dashboard'], ['routines', 'list']]) {
      queryClient.setQueryData(key, { cached: true });
    }
    const stale = (key: string[]) => queryClient.getQueryState(key)?.isInvalidated;
    emit('goal.reached', {
      goal_id: 'g7',
      title: 'Run 20 km a week',
      value: 20400,
      target: 20000,
      unit: 'm',
      reached_at: '2026-12-05T08:00:00Z',
    });
    expect(await screen.findByText('Goal reached: Run 20 km a week')).toBeInTheDocument();
    expect(stale(['goals', 'list', 'active'])).toBe(true);
    expect(stale(['dashboard'])).toBe(true);
    expect(stale(['stats', 'dashboard'])).toBe(true);
    expect(stale(['routines', 'list'])).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Show goal' }));
    await waitFor(() => expect(screen.getByText('The goal page')).toBeInTheDocument());
  });

  it('ignores an event without a goal', async () => {
    const { stream, emit } = fakeStream();
    renderRoutes([
      {
        path: '/',
        element: (
          <ToastProvider>
            <GoalReachedListener goalPath={(id) => `/goals/${id}`} stream={stream} />
          </ToastProvider>
        ),
      },
    ]);
    emit('goal.reached', { nonsense: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText(/Goal reached/)).not.toBeInTheDocument();
  });
});
