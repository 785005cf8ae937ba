import { describe, expect, it } from 'vitest';
import { fromDisplayDistance, toDisplayDistance } from '@/lib/units';
import { cardioSummary, checkCardioForm, parseDuration, zonedToUtc, type CardioFormValues } from './cardio';

describe('parseDuration', () => {
  it('reads h:mm:ss, m:ss and whole minutes', () => {
    expect(parseDuration('1:02:03')).toBe(3723);
    expect(parseDuration('50:00')).toBe(3000);
    expect(parseDuration('0:45')).toBe(45);
    expect(parseDuration('45')).toBe(2700);
    expect(parseDuration(' 12:30:00 ')).toBe(45000);
  });

  it('is null when empty and NaN when not a duration', () => {
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('  ')).toBeNull();
    for (const bad of ['1:60:00', '10:75', '1:2', 'abc', '1:00:00:00', '-5', '5.5']) {
      expect(parseDuration(bad), bad).toBeNaN();
    }
  });
});

describe('distance units', () => {
  it('converts what the user types to metres and back', () => {
    expect(fromDisplayDistance(10, 'metric')).toBe(10000);
    expect(fromDisplayDistance(1, 'imperial')).toBeCloseTo(1609.344, 6);
    expect(fromDisplayDistance(26.2, 'imperial')).toBeCloseTo(42164.8, 1);
    expect(toDisplayDistance(42195, 'metric')).toBeCloseTo(42.195, 6);
    expect(toDisplayDistance(1609.344, 'imperial')).toBeCloseTo(1, 9);
  });
});

describe('zonedToUtc', () => {
  it('turns the wall clock of a zone into UTC, across daylight saving time', () => {
    expect(zonedToUtc('2026-01-15', '07:30', 'Europe/Berlin')).toBe('2026-01-15T06:30:00Z');
    expect(zonedToUtc('2026-07-15', '07:30', 'Europe/Berlin')).toBe('2026-07-15T05:30:00Z');
    expect(zonedToUtc('2026-03-02', '23:15', 'America/New_York')).toBe('2026-03-03T04:15:00Z');
    expect(zonedToUtc('2026-03-02', '07:30', 'UTC')).toBe('2026-03-02T07:30:00Z');
  });

  it('is null for a date or time that is not one', () => {
    expect(zonedToUtc('2026-3-2', '07:30', 'UTC')).toBeNull();
    expect(zonedToUtc('2026-03-02', '7h', 'UTC')).toBeNull();
  });
});

describe('checkCardioForm', () => {
  const valid: CardioFormValues = {
    'cardio.sport': 'run',
    started_at: '2026-03-02',
    start_time: '07:30',
    'cardio.duration_s': '50:00',
    'cardio.distance_m': '10,0',
    'cardio.elevation_gain_m': '',
    'cardio.avg_heart_rate': '150',
    'cardio.max_heart_rate': '172',
    'cardio.calories_kcal': '',
    title: ' Morning run ',
    notes: '',
  };

  it('builds the workout in SI units and UTC', () => {
    const { errors, input } = checkCardioForm(valid, 'metric', 'Europe/Berlin');
    expect(errors).toEqual({});
    expect(input).toEqual({
      started_at: '2026-03-02T06:30:00Z',
      ended_at: '2026-03-02T07:20:00Z',
      time_zone: 'Europe/Berlin',
      title: 'Morning run',
      blocks: [],
      cardio: {
        sport: 'run',
        duration_s: 3000,
        distance_m: 10000,
        elevation_gain_m: null,
        avg_heart_rate: 150,
        max_heart_rate: 172,
        calories_kcal: null,
      },
    });
    expect(checkCardioForm({ ...valid, 'cardio.distance_m': '6.2' }, 'imperial', 'UTC').input?.cardio?.distance_m).toBe(
      9977.9,
    );
  });

  it('refuses figures above the limits of the contract, in the unit of the user', () => {
    const { errors, input } = checkCardioForm(
      {
        ...valid,
        'cardio.duration_s': '168:00:01',
        'cardio.distance_m': '10000,1',
        'cardio.elevation_gain_m': '100001',
        'cardio.calories_kcal': '100001',
      },
      'metric',
      'UTC',
    );
    expect(input).toBeUndefined();
    expect(errors).toEqual({
      'cardio.duration_s': 'tooLarge',
      'cardio.distance_m': 'tooLarge',
      'cardio.elevation_gain_m': 'tooLarge',
      'cardio.calories_kcal': 'tooLarge',
    });
    // 6214 mi is 10,000.6 km; 6213 mi is 9,999 km.
    expect(checkCardioForm({ ...valid, 'cardio.distance_m': '6214' }, 'imperial', 'UTC').errors).toEqual({
      'cardio.distance_m': 'tooLarge',
    });
    expect(checkCardioForm({ ...valid, 'cardio.distance_m': '6213' }, 'imperial', 'UTC').errors).toEqual({});
    expect(
      checkCardioForm(
        { ...valid, 'cardio.duration_s': '168:00:00', 'cardio.distance_m': '10000', 'cardio.calories_kcal': '100000' },
        'metric',
        'UTC',
      ).errors,
    ).toEqual({});
  });

  it('names every problem as the spec would', () => {
    const { errors, input } = checkCardioForm(
      {
        ...valid,
        'cardio.sport': 'unicycle',
        'cardio.duration_s': '1:75',
        'cardio.distance_m': '-3',
        'cardio.avg_heart_rate': '180',
        'cardio.max_heart_rate': '170',
        'cardio.calories_kcal': 'lots',
        title: 'x'.repeat(201),
      },
      'metric',
      'UTC',
    );
    expect(input).toBeUndefined();
    expect(errors).toEqual({
      'cardio.sport': 'sport',
      'cardio.duration_s': 'duration',
      'cardio.distance_m': 'number',
      'cardio.avg_heart_rate': 'avgAboveMax',
      'cardio.calories_kcal': 'number',
      title: 'tooLong',
    });
    expect(checkCardioForm({ ...valid, 'cardio.duration_s': '', start_time: '' }, 'metric', 'UTC').errors).toEqual({
      'cardio.duration_s': 'required',
      start_time: 'required',
    });
    expect(checkCardioForm({ ...valid, 'cardio.max_heart_rate': '300' }, 'metric', 'UTC').errors).toEqual({
      'cardio.max_heart_rate': 'heartRate',
    });
  });
});

describe('cardioSummary', () => {
  it('shows distance, time and pace (or speed) in the unit of the user', () => {
    expect(cardioSummary({ sport: 'run', distance_m: 10000, duration_s: 3000 }, 'metric', 'en')).toBe('10.0 km · 50:00 · 5:00 /km');
    expect(cardioSummary({ sport: 'run', distance_m: 1609.344, duration_s: 480 }, 'imperial', 'en')).toBe('1.0 mi · 8:00 · 8:00 /mi');
    expect(cardioSummary({ sport: 'ride', distance_m: 30000, duration_s: 3600 }, 'metric', 'de')).toBe('30,0 km · 1:00:00 · 30,0 km/h');
    expect(cardioSummary({ sport: 'elliptical', duration_s: 1800 }, 'metric', 'en')).toBe('30:00');
  });
});
