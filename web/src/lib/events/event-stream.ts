import { useEffect, useRef, useSyncExternalStore } from 'react';
import { API_BASE } from '@/lib/api/client';

/**
 * The one live connection of a tab to the server (GET /api/v1/events, Server-Sent Events).
 * `open`: events arrive as they happen, so pages need not poll. `connecting`: the browser is
 * (re)connecting by itself and will resume after the last event it got (Last-Event-ID).
 * `unavailable`: the server refused (signed out, too many tabs, restarting) or the browser has
 * no EventSource; pages poll, and the stream is tried again after a while.
 */
export type EventStreamState = 'connecting' | 'open' | 'unavailable';

export interface ServerEvent {
  /** The user's event number (what the browser sends back as Last-Event-ID). */
  id: string;
  kind: string;
  data: unknown;
}

type Listener = (event: ServerEvent) => void;

export interface EventStream {
  state(): EventStreamState;
  onStateChange(listener: () => void): () => void;
  /** Listens to one kind of event; the connection is open while anyone listens. */
  on(kind: string, listener: Listener): () => void;
}

export interface EventStreamOptions {
  url?: string;
  /** The EventSource to use (tests pass a fake); none: the stream is unavailable. */
  EventSourceImpl?: typeof EventSource | undefined;
  /** After a refusal, wait this long before trying again. */
  retryMs?: number;
  /** Keep the connection this long after the last listener left (a page re-rendering). */
  lingerMs?: number;
}

export function createEventStream(options: EventStreamOptions = {}): EventStream {
  const url = options.url ?? `${API_BASE}/events`;
  const Impl = 'EventSourceImpl' in options ? options.EventSourceImpl : globalThis.EventSource;
  const retryMs = options.retryMs ?? 30_000;
  const lingerMs = options.lingerMs ?? 1_000;

  const listeners = new Map<string, Set<Listener>>();
  const stateListeners = new Set<() => void>();
  let state: EventStreamState = Impl ? 'connecting' : 'unavailable';
  let source: EventSource | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const attached = new Set<string>();

  const setState = (next: EventStreamState) => {
    if (next === state) return;
    state = next;
    for (const l of stateListeners) l();
  };
  const listening = () => [...listeners.values()].some((set) => set.size > 0);

  const dispatch = (kind: string) => (message: MessageEvent) => {
    let data: unknown;
    try {
      data = JSON.parse(String(message.data));
    } catch {
      return;
    }
    for (const l of listeners.get(kind) ?? []) l({ id: message.lastEventId, kind, data });
  };

  const attach = (kind: string) => {
    if (!source || attached.has(kind)) return;
    attached.add(kind);
    source.addEventListener(kind, dispatch(kind) as EventListener);
  };

  const close = () => {
    source?.close();
    source = undefined;
    attached.clear();
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
  };

  const connect = () => {
    if (!Impl || source) return;
    setState('connecting');
    const s = new Impl(url, { withCredentials: true });
    source = s;
    s.onopen = () => setState('open');
    s.onerror = () => {
      if (s.readyState === Impl.CLOSED) {
        // Refused (401, 429, 503...): the browser gives up; so do we, for a while.
        close();
        setState('unavailable');
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          if (listening()) connect();
        }, retryMs);
      } else {
        setState('connecting'); // the browser reconnects by itself
      }
    };
    for (const kind of listeners.keys()) attach(kind);
  };

  return {
    state: () => state,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    on(kind, listener) {
      let set = listeners.get(kind);
      if (!set) listeners.set(kind, (set = new Set()));
      set.add(listener);
      if (closeTimer) clearTimeout(closeTimer);
      closeTimer = undefined;
      if (!source && !retryTimer) connect();
      attach(kind);
      return () => {
        set.delete(listener);
        if (listening()) return;
        if (closeTimer) clearTimeout(closeTimer);
        closeTimer = setTimeout(() => {
          closeTimer = undefined;
          if (listening()) return;
          close();
          if (Impl) setState('connecting');
        }, lingerMs);
      };
    },
  };
}

/** The tab's stream. */
export const eventStream: EventStream = createEventStream();

/** The stream's state, for choosing between live updates and polling. */
export function useEventStreamState(stream: EventStream = eventStream): EventStreamState {
  return useSyncExternalStore(stream.onStateChange, stream.state, stream.state);
}

/** Calls `listener` for each event of `kind` while mounted and `enabled`. */
export function useServerEvents(kind: string, listener: Listener, enabled = true, stream: EventStream = eventStream) {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    return stream.on(kind, (event) => latest.current(event));
  }, [kind, enabled, stream]);
}
