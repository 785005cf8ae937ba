import { describe, expect, it } from 'vitest';
import { KG_PLATES, LB_PLATES, loadBar, usesBarbell } from './plates';

describe('loadBar (20 kg bar; 25/20/15/10/5/2.5/1.25 kg plates per side)', () => {
  it('loads 100 kg as 25 + 15 per side', () => {
    expect(loadBar(100)).toEqual({
      perSide: [
        { plate: 25, count: 1 },
        { plate: 15, count: 1 },
      ],
      total: 100,
      remainder: 0,
      belowBar: false,
    });
  });

  it('uses several of a plate and the small change plates', () => {
    expect(loadBar(142.5).perSide).toEqual([
      { plate: 25, count: 2 },
      { plate: 10, count: 1 },
      { plate: 1.25, count: 1 },
    ]);
    expect(loadBar(22.5).perSide).toEqual([{ plate: 1.25, count: 1 }]);
    expect(loadBar(225).perSide).toEqual([
      { plate: 25, count: 4 },
      { plate: 2.5, count: 1 },
    ]);
  });

  it('is just the bar at 20 kg', () => {
    expect(loadBar(20)).toEqual({ perSide: [], total: 20, remainder: 0, belowBar: false });
  });

  it('says when the target is lighter than the bar', () => {
    expect(loadBar(15)).toEqual({ perSide: [], total: 20, remainder: -5, belowBar: true });
  });

  it('loads the nearest lighter weight and reports what is left over', () => {
    expect(loadBar(61)).toEqual({ perSide: [{ plate: 20, count: 1 }], total: 60, remainder: 1, belowBar: false });
  });

  it('works in pounds with a 45 lb bar', () => {
    expect(loadBar(225, LB_PLATES).perSide).toEqual([{ plate: 45, count: 2 }]);
    expect(loadBar(135, LB_PLATES).perSide).toEqual([{ plate: 45, count: 1 }]);
    expect(loadBar(185, LB_PLATES).perSide).toEqual([
      { plate: 45, count: 1 },
      { plate: 25, count: 1 },
    ]);
  });

  it('does not drift with floating-point sums', () => {
    expect(loadBar(23.75, KG_PLATES)).toMatchObject({ total: 22.5, belowBar: false });
    expect(loadBar(32.5).perSide).toEqual([
      { plate: 5, count: 1 },
      { plate: 1.25, count: 1 },
    ]);
  });

  it('treats barbell and Smith machine exercises as barbell lifts', () => {
    expect(usesBarbell(['barbell', 'bench'])).toBe(true);
    expect(usesBarbell(['smith_machine'])).toBe(true);
    expect(usesBarbell(['dumbbell'])).toBe(false);
  });
});
