/** The barcodes a food may carry: EAN-8, EAN-13 and UPC-A (12 digits). */
export type BarcodeKind = 'ean8' | 'upca' | 'ean13';

export type BarcodeCheck =
  | { ok: true; kind: BarcodeKind; digits: string }
  /** notDigits: something other than digits; length: not 8, 12 or 13 digits; checkDigit: the last digit is wrong. */
  | { ok: false; problem: 'notDigits' | 'length' | 'checkDigit' };

const kindByLength: Record<number, BarcodeKind> = { 8: 'ean8', 12: 'upca', 13: 'ean13' };

/**
 * The GS1 check digit of the digits before it: from the rightmost one leftwards, weights
 * 3, 1, 3, 1...; the check digit brings the weighted sum up to a multiple of 10. The same rule
 * serves EAN-8, UPC-A and EAN-13 (the weights start at the right).
 */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const digit = Number(body[body.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Checks typed barcode digits as the server does (spaces around them are forgiven). */
export function checkBarcode(typed: string): BarcodeCheck {
  const digits = typed.trim();
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'notDigits' };
  const kind = kindByLength[digits.length];
  if (!kind) return { ok: false, problem: 'length' };
  if (gs1CheckDigit(digits.slice(0, -1)) !== Number(digits[digits.length - 1])) return { ok: false, problem: 'checkDigit' };
  return { ok: true, kind, digits };
}
