import { useId, type ReactNode } from 'react';
import { ringArc } from '../lib/diary-math';

const RADIUS = 34;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

export interface ProgressRingProps {
  /** What the ring counts ("Energy"); names the group. */
  label: string;
  /** eaten / target, or null without a target (an empty ring). */
  fraction: number | null;
  /** The figure in the middle, e.g. "1,234". */
  value: string;
  unit: string;
  /** Under the ring: "of 2,000 kcal", "766 kcal left". */
  children?: ReactNode;
  size?: 'lg' | 'md';
}

/**
 * A ring that fills as the day's eating nears its target; full and in the warning colour once
 * past it. The figures are text next to it (the ring itself is decoration for screen readers).
 */
export function ProgressRing({ label, fraction, value, unit, children, size = 'md' }: ProgressRingProps) {
  const labelId = useId();
  const { arc, over } = ringArc(fraction);
  return (
    <div role="group" aria-labelledby={labelId} className={`diary-ring diary-ring--${size}${over ? ' diary-ring--over' : ''}`}>
      <div className="diary-ring__graphic">
        <svg viewBox="0 0 80 80" aria-hidden="true" focusable="false">
          <circle className="diary-ring__track" cx="40" cy="40" r={RADIUS} />
          {/* Nothing eaten draws no arc (a round cap of length 0 would still show a dot). */}
          {arc > 0 ? (
            <circle
              className="diary-ring__arc"
              cx="40"
              cy="40"
              r={RADIUS}
              strokeDasharray={`${arc * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
              transform="rotate(-90 40 40)"
            />
          ) : null}
        </svg>
        <p className="diary-ring__value">
          <span className="diary-ring__number">{value}</span> <span className="diary-ring__unit">{unit}</span>
        </p>
      </div>
      <p id={labelId} className="diary-ring__label">
        {label}
      </p>
      {children ? <div className="diary-ring__detail">{children}</div> : null}
    </div>
  );
}
