import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), updated every `intervalMs` while `active`: for clocks that
 * show elapsed or remaining time. Timers read wall-clock time, so a tab that was in the
 * background shows the right figure as soon as it runs again.
 */
export function useNow(intervalMs = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
