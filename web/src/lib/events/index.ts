export { createEventStream, eventStream, useEventStreamState, useServerEvents } from './event-stream';
export type { EventStream, EventStreamOptions, EventStreamState, ServerEvent } from './event-stream';
