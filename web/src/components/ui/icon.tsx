import type { ReactNode } from 'react';

/** Line icons, 24x24, drawn with the current text colour. */
const paths = {
  today: (
    <>
      <rect x="3" y="5" width="18" height="16" rx="2.5" />
      <path d="M3 10h18M8 3v4M16 3v4" />
      <path d="M8 14.5h3v3H8z" />
    </>
  ),
  log: <path d="M6.5 7v10M17.5 7v10M3.5 9.5v5M20.5 9.5v5M6.5 12h11" />,
  food: (
    <>
      <path d="M7 3v7a2.5 2.5 0 0 0 5 0V3M9.5 12.5V21M9.5 3v5" />
      <path d="M17.5 21V3c-2.2 1.4-3.3 4-3.3 7.5V14h3.3" />
    </>
  ),
  community: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5" />
      <path d="M15.5 4.6a3.5 3.5 0 0 1 0 6.8M17.8 14.7c1.9.8 3.1 2.5 3.7 5.3" />
    </>
  ),
  me: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c1-4.2 4-6.5 8-6.5s7 2.3 8 6.5" />
    </>
  ),
  body: (
    <>
      <rect x="3.5" y="3.5" width="17" height="17" rx="4" />
      <path d="M7.8 10.2a6 6 0 0 1 8.4 0L13.4 13" />
      <circle cx="12.6" cy="13.7" r="0.9" />
    </>
  ),
  progress: (
    <>
      <path d="M3.5 3.5v17h17" />
      <path d="M7.5 15l4-4.5 3 3 5.5-6" />
      <path d="M16.5 7.5H20V11" />
    </>
  ),
  ownership: (
    <>
      <path d="M12 3l7.5 3v5.8c0 4.4-3.1 7.9-7.5 9.2-4.4-1.3-7.5-4.8-7.5-9.2V6z" />
      <path d="M8.8 12.2l2.3 2.3 4.3-4.6" />
    </>
  ),
  check: <path d="M4.5 12.5l5 5 10-11" />,
  plus: <path d="M12 5v14M5 12h14" />,
  close: <path d="M6 6l12 12M18 6L6 18" />,
  up: <path d="M6 15l6-6 6 6" />,
  link: (
    <>
      <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L11.6 6" />
      <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.6-1.6" />
    </>
  ),
  down: <path d="M6 9l6 6 6-6" />,
  search: (
    <>
      <circle cx="10.5" cy="10.5" r="6" />
      <path d="M15 15l5.5 5.5" />
    </>
  ),
  timer: (
    <>
      <circle cx="12" cy="13.5" r="7.5" />
      <path d="M12 9.5v4l2.5 2M9.5 2.5h5" />
    </>
  ),
  bell: (
    <>
      <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 2h-15z" />
      <path d="M10 20.5a2 2 0 0 0 4 0" />
    </>
  ),
  plates: (
    <>
      <path d="M2.5 12h19" />
      <rect x="6" y="6" width="3" height="12" rx="1" />
      <rect x="15" y="6" width="3" height="12" rx="1" />
      <rect x="9" y="8" width="2" height="8" rx="0.8" />
      <rect x="13" y="8" width="2" height="8" rx="0.8" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof paths;

export interface IconProps {
  name: IconName;
  className?: string;
}

/** Decorative: always hidden from screen readers, so put the meaning in nearby text. */
export function Icon({ name, className }: IconProps) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.9"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}
