import './logo.css';

/** Vigor's mark: an upward "V" on the accent colour. Decorative; name the brand in text. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg
      className={className ? `logo ${className}` : 'logo'}
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="logo__tile" width="32" height="32" rx="8" />
      <path
        className="logo__mark"
        d="M7.5 10.5l6.2 11.5c.9 1.6 2.3 1.6 3.1 0l7.7-14"
        fill="none"
        strokeWidth="3.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
