import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventStream, type ServerEvent } from './event-stream';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  constructor(public url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(kind: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(kind, [...(this.listeners.get(kind) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  fail(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
  emit(kind: string, id: string, data: string) {
    for (const l of this.listeners.get(kind) ?? []) l(new MessageEvent(kind, { data, lastEventId: id }));
  }
}

function make() {
  FakeEventSource.instances = [];
  return createEventStream({ EventSourceImpl: FakeEventSource as unknown as typeof EventSource, retryMs: 1000, lingerMs: 100 });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('event stream', () => {
  it('opens one connection for its listeners and hands each the events of its kind', () => {
    const stream = make();
    const progress: ServerEvent[] = [];
    const other: ServerEvent[] = [];
    stream.on('import.progress', (e) => progress.push(e));
    stream.on('notification', (e) => other.push(e));
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(FakeEventSource.instances[0]?.url).toBe('/api/v1/events');
    const source = FakeEventSource.instances[0] as FakeEventSource;
    expect(stream.state()).toBe('connecting');
    source.open();
    expect(stream.state()).toBe('open');
    source.emit('import.progress', '7', '{"id":"j1","status":"running","done":3}');
    expect(progress).toEqual([{ id: '7', kind: 'import.progress', data: { id: 'j1', status: 'running', done: 3 } }]);
    expect(other).toEqual([]);
  });

  it('is unavailable when refused, and tries again later', () => {
    vi.useFakeTimers();
    const stream = make();
    stream.on('import.progress', () => {});
    (FakeEventSource.instances[0] as FakeEventSource).fail(true);
    expect(stream.state()).toBe('unavailable');
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(stream.state()).toBe('connecting');
  });

  it('says connecting while the browser reconnects by itself', () => {
    const stream = make();
    stream.on('import.progress', () => {});
    const source = FakeEventSource.instances[0] as FakeEventSource;
    source.open();
    source.fail(false);
    expect(stream.state()).toBe('connecting');
    expect(source.closed).toBe(false);
  });

  it('closes the connection a moment after the last listener left', () => {
    vi.useFakeTimers();
    const stream = make();
    const off = stream.on('import.progress', () => {});
    const source = FakeEventSource.instances[0] as FakeEventSource;
    off();
    vi.advanceTimersByTime(99);
    expect(source.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(source.closed).toBe(true);
  });

  it('is unavailable without EventSource', () => {
    const stream = createEventStream({ EventSourceImpl: undefined });
    stream.on('import.progress', () => {});
    expect(stream.state()).toBe('unavailable');
  });
});
