/**
 * The rest timer between sets, as a pure reducer over wall-clock time: it keeps the moment
 * the rest ends (epoch ms), not a countdown, so it stays right across a reload, a tab in
 * the background or a phone that slept. The caller passes `now` with every action.
 */
export type RestTimer =
  | { status: 'idle' }
  /** `blockKey`: the exercise whose tick started it (its rest, or its superset's, is counting). */
  | { status: 'running'; endsAt: number; totalS: number; blockKey?: string }
  /** The rest is over; shown until dismissed or the next set starts another. */
  | { status: 'finished'; endedAt: number };

export type RestAction =
  | { type: 'start'; seconds: number; now: number; blockKey?: string }
  | { type: 'add'; seconds: number; now: number }
  /** The running rest is to last `seconds` in all (its exercise's rest was changed). */
  | { type: 'resize'; seconds: number; now: number }
  | { type: 'skip' }
  | { type: 'tick'; now: number }
  | { type: 'dismiss' };

export const DEFAULT_REST_S = 90;
export const REST_STEP_S = 15;

export const idleRest: RestTimer = { status: 'idle' };

export function restReducer(state: RestTimer, action: RestAction): RestTimer {
  switch (action.type) {
    case 'start':
      if (action.seconds <= 0) return idleRest;
      return {
        status: 'running',
        endsAt: action.now + action.seconds * 1000,
        totalS: action.seconds,
        ...(action.blockKey === undefined ? {} : { blockKey: action.blockKey }),
      };
    case 'add': {
      if (state.status !== 'running') {
        // "+15 s" after the rest ended starts a short extra rest.
        return restReducer(state, { type: 'start', seconds: action.seconds, now: action.now });
      }
      return { ...state, endsAt: state.endsAt + action.seconds * 1000, totalS: state.totalS + action.seconds };
    }
    case 'resize': {
      // Time already rested counts: what is left is the new length minus the time since
      // the start (which "+15 s" does not move: it adds to both the end and the length).
      // The new length replaces any "+15 s". Nothing left: the rest is over now.
      if (state.status !== 'running') return state;
      const startedAt = state.endsAt - state.totalS * 1000;
      const endsAt = startedAt + Math.max(0, action.seconds) * 1000;
      if (endsAt <= action.now) return { status: 'finished', endedAt: action.now };
      return { ...state, endsAt, totalS: action.seconds };
    }
    case 'skip':
    case 'dismiss':
      return idleRest;
    case 'tick':
      if (state.status === 'running' && action.now >= state.endsAt) return { status: 'finished', endedAt: state.endsAt };
      return state;
  }
}

/**
 * Whole seconds left, counted up (1.2 s left shows as 2), between 0 and the rest's length:
 * a clock read a moment before the rest started cannot show 1:31 for a 90 s rest.
 */
export function restRemainingS(state: RestTimer, now: number): number {
  if (state.status !== 'running') return 0;
  return Math.min(state.totalS, Math.max(0, Math.ceil((state.endsAt - now) / 1000)));
}
