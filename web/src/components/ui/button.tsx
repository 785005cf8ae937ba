import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import './button.css';

/**
 * primary: the page's main action; secondary and ghost: the others. destructive: confirms a
 * deletion (in a dialog); destructive-subtle: the button that asks for one.
 */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'destructive' | 'destructive-subtle';
export type ButtonSize = 'md' | 'lg';

interface Look {
  variant?: ButtonVariant | undefined;
  size?: ButtonSize | undefined;
  /** Stretch to the container's width (phones). */
  block?: boolean | undefined;
}

export function buttonClassName({ variant = 'primary', size = 'md', block = false }: Look, extra?: string): string {
  return ['btn', `btn--${variant}`, `btn--${size}`, block ? 'btn--block' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

export type ButtonProps = Look & ButtonHTMLAttributes<HTMLButtonElement> & { children: ReactNode };

/** An action on this page. Navigation uses ButtonLink instead, so it stays a real link. */
export function Button({ variant, size, block, className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={buttonClassName({ variant, size, block }, className)} {...rest} />;
}

export type ButtonLinkProps = Look & LinkProps;

/** A link that looks like a button, e.g. a call to action that opens another page. */
export function ButtonLink({ variant, size, block, className, ...rest }: ButtonLinkProps) {
  const extra = typeof className === 'string' ? className : undefined;
  return <Link className={buttonClassName({ variant, size, block }, extra)} {...rest} />;
}
