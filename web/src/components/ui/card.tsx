import type { HTMLAttributes } from 'react';
import './card.css';

export type CardProps = HTMLAttributes<HTMLDivElement>;

/** A surface that groups one thing: a stat, a list, a form. */
export function Card({ className, ...rest }: CardProps) {
  return <div className={className ? `card ${className}` : 'card'} {...rest} />;
}
