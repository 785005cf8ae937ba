import { useMemo } from 'react';
import { encode } from 'uqr';
import './qr-code.css';

export interface QrCodeProps {
  /** What the code encodes, e.g. an otpauth:// URI. */
  value: string;
  /** What the image is, for screen readers, e.g. "QR code for your authenticator app". */
  label: string;
  className?: string;
}

/**
 * A QR code drawn as one SVG path (no canvas, no inline styles, no data: URL): dark
 * modules on a light tile in both themes, since scanners expect that.
 */
export function QrCode({ value, label, className }: QrCodeProps) {
  const { size, path } = useMemo(() => {
    const qr = encode(value, { ecc: 'M', border: 2 });
    let d = '';
    qr.data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      });
    });
    return { size: qr.size, path: d };
  }, [value]);

  return (
    <svg
      className={className ? `qr-code ${className}` : 'qr-code'}
      viewBox={`0 0 ${size} ${size}`}
      width={size * 4}
      height={size * 4}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect className="qr-code__light" width={size} height={size} />
      <path className="qr-code__dark" d={path} />
    </svg>
  );
}
