import { useCallback, useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';

/** How far (px) a finger or mouse travels sideways before the row follows it. */
export const SWIPE_START_PX = 12;
/** How far (px) sideways a swipe must go to count; shorter ones spring back. */
export const SWIPE_COMMIT_PX = 72;
/** The row moves at most this far (px) with the finger. */
const SWIPE_MAX_PX = 120;
/**
 * A gesture counts as sideways only while it keeps within about 30 degrees of the horizontal
 * (|dy| <= 0.58 |dx|); a steeper one is the page being scrolled and is left to the browser.
 */
const MAX_SLOPE = 0.58;
/** A click this soon after a swipe ended is the swipe's own click (mouse), not a tap. */
const CLICK_AFTER_SWIPE_MS = 400;

/** Where a gesture must not start: text being typed or a value being picked. */
const EXCLUDED = 'input, textarea, [contenteditable="true"]';
/** A mouse press on a select opens its list at once, so a mouse swipe does not start there. */
const EXCLUDED_FOR_MOUSE = 'select';

export interface SwipeHandlers {
  onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerMove: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerUp: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerCancel: (event: ReactPointerEvent<HTMLElement>) => void;
  onClickCapture: (event: React.MouseEvent<HTMLElement>) => void;
}

interface Gesture {
  pointerId: number;
  x: number;
  y: number;
  /** pending: not yet sideways enough; swiping: the row follows; ignored: a scroll or a tap. */
  state: 'pending' | 'swiping' | 'ignored';
  dx: number;
}

/**
 * A sideways swipe on an element (touch, pen or mouse, through pointer events) that calls
 * `onSwipe` once it went far enough, in either direction. Vertical movement stays the
 * browser's (the element has `touch-action: pan-y`, and a gesture steeper than about 30
 * degrees is dropped), and a gesture that starts in an input never swipes. While the
 * element follows the pointer it has the class `swiping` (and `swipe-armed` once letting go
 * would count), and the CSS variable `--swipe-x` says how far it moved: set through the
 * CSSOM, which the CSP allows (an inline `style` attribute it does not).
 */
export function useSwipe<T extends HTMLElement>(
  onSwipe: () => void,
  { swipingClass, armedClass }: { swipingClass: string; armedClass: string },
): { ref: React.RefObject<T | null>; handlers: SwipeHandlers } {
  const ref = useRef<T | null>(null);
  const gesture = useRef<Gesture | null>(null);
  const swipedAt = useRef(-Infinity);
  const onSwipeRef = useRef(onSwipe);
  useEffect(() => {
    onSwipeRef.current = onSwipe;
  }, [onSwipe]);

  const reset = useCallback(() => {
    const el = ref.current;
    if (el) {
      el.classList.remove(swipingClass, armedClass);
      el.style.removeProperty('--swipe-x');
    }
    gesture.current = null;
  }, [swipingClass, armedClass]);

  const onPointerDown = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      if (!event.isPrimary || (event.pointerType === 'mouse' && event.button !== 0)) return;
      const target = event.target as Element;
      if (target.closest(EXCLUDED) || (event.pointerType === 'mouse' && target.closest(EXCLUDED_FOR_MOUSE))) return;
      gesture.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, state: 'pending', dx: 0 };
    },
    [],
  );

  const onPointerMove = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      const g = gesture.current;
      const el = ref.current;
      if (!g || !el || g.pointerId !== event.pointerId || g.state === 'ignored') return;
      const dx = event.clientX - g.x;
      const dy = event.clientY - g.y;
      if (g.state === 'pending') {
        if (Math.abs(dy) > SWIPE_START_PX && Math.abs(dy) > Math.abs(dx)) {
          g.state = 'ignored'; // a scroll
          return;
        }
        if (Math.abs(dx) < SWIPE_START_PX) return;
        if (Math.abs(dy) > MAX_SLOPE * Math.abs(dx)) {
          g.state = 'ignored'; // too steep to be meant sideways
          return;
        }
        g.state = 'swiping';
        // Keep getting the moves when the pointer leaves the row.
        try {
          el.setPointerCapture?.(event.pointerId);
        } catch {
          // Not capturable (the pointer is gone already): the moves inside still count.
        }
        el.classList.add(swipingClass);
      }
      g.dx = dx;
      const shown = Math.max(-SWIPE_MAX_PX, Math.min(SWIPE_MAX_PX, dx));
      el.style.setProperty('--swipe-x', `${Math.round(shown)}px`);
      el.classList.toggle(armedClass, Math.abs(dx) >= SWIPE_COMMIT_PX);
    },
    [swipingClass, armedClass],
  );

  const onPointerUp = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      const g = gesture.current;
      if (!g || g.pointerId !== event.pointerId) return;
      const swiped = g.state === 'swiping' && Math.abs(g.dx) >= SWIPE_COMMIT_PX;
      if (g.state === 'swiping') swipedAt.current = event.timeStamp || performance.now();
      reset();
      if (swiped) onSwipeRef.current();
    },
    [reset],
  );

  const onPointerCancel = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      if (gesture.current?.pointerId === event.pointerId) reset();
    },
    [reset],
  );

  // A mouse swipe that starts on a button ends in a click on it: that click is the swipe's.
  const onClickCapture = useCallback((event: React.MouseEvent<HTMLElement>) => {
    const now = event.timeStamp || performance.now();
    if (now - swipedAt.current < CLICK_AFTER_SWIPE_MS) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, []);

  return { ref, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onClickCapture } };
}
