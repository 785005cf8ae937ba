import type { ButtonHTMLAttributes } from 'react';
import './chip.css';

export interface ChipProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** On or off: a filter that is applied. */
  pressed: boolean;
}

/** A toggle in a row of filters (>= 44 px tall); its state is read as "pressed". */
export function Chip({ pressed, className, ...rest }: ChipProps) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      className={['chip', pressed ? 'chip--on' : '', className ?? ''].filter(Boolean).join(' ')}
      {...rest}
    />
  );
}
