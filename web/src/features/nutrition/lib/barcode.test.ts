import { describe, expect, it } from 'vitest';
import { checkBarcode, gs1CheckDigit } from './barcode';

// Check digits worked out by hand (weights 3, 1, 3... from the right of the body):
// 400638133393 -> 3*3+9+3*3+3+3*3+1+8*3+3+6*3+0+0*3+4 = 89 -> 1, so 4006381333931.
// 03600029145 -> 5*3+4+1*3+9+2*3+0+0*3+0+6*3+3+0*3 = 58 -> 2, so 036000291452.
// 7351353 -> 3*3+5+3*3+1+5*3+3+7*3 = 63 -> 7, so 73513537.
describe('barcode check digits', () => {
  it('computes the GS1 check digit from the digits before it', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(gs1CheckDigit('03600029145')).toBe(2);
    expect(gs1CheckDigit('7351353')).toBe(7);
  });

  it('accepts a valid EAN-13, UPC-A and EAN-8', () => {
    expect(checkBarcode('4006381333931')).toEqual({ ok: true, kind: 'ean13', digits: '4006381333931' });
    expect(checkBarcode('036000291452')).toEqual({ ok: true, kind: 'upca', digits: '036000291452' });
    expect(checkBarcode(' 73513537 ')).toEqual({ ok: true, kind: 'ean8', digits: '73513537' });
  });

  it('refuses each of them with one digit off', () => {
    expect(checkBarcode('4006381333932')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(checkBarcode('4006381333831')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(checkBarcode('036000291453')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(checkBarcode('036001291452')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(checkBarcode('73513538')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(checkBarcode('73513527')).toEqual({ ok: false, problem: 'checkDigit' });
  });

  it('refuses other lengths and anything but digits', () => {
    expect(checkBarcode('40063813339')).toEqual({ ok: false, problem: 'length' });
    expect(checkBarcode('400638133393-1')).toEqual({ ok: false, problem: 'notDigits' });
    expect(checkBarcode('')).toEqual({ ok: false, problem: 'notDigits' });
  });
});
