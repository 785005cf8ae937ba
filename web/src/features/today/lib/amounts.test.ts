import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { formatGoalAmount, formatTrainingTime, weekChange } from './amounts';

const t = i18n.getFixedT('en') as TFunction;
const de = i18n.getFixedT('de') as TFunction;

// The German catalogue is loaded on demand.
beforeAll(() => i18n.loadLanguages('de'));

describe('formatTrainingTime', () => {
  it('writes hours and whole minutes, rounded', () => {
    expect(formatTrainingTime(12300, t, 'en')).toBe('3 h 25 min');
    expect(formatTrainingTime(900, t, 'en')).toBe('15 min');
    expect(formatTrainingTime(89, t, 'en')).toBe('1 min');
    expect(formatTrainingTime(3599.9, t, 'en')).toBe('1 h 0 min');
    expect(formatTrainingTime(0, t, 'en')).toBe('0 min');
  });
});

describe('weekChange', () => {
  it('says which way and by how much', () => {
    expect(weekChange(4, 3)).toEqual({ direction: 'up', amount: 1 });
    expect(weekChange(12300, 14400)).toEqual({ direction: 'down', amount: 2100 });
    expect(weekChange(0.1 + 0.2, 0.3)).toEqual({ direction: 'same', amount: 0 });
  });
});

describe('formatGoalAmount', () => {
  const goal = (metric: string, unit: string) => ({ metric, progress: { unit } }) as Parameters<typeof formatGoalAmount>[1];
  it('writes every unit of goal progress', () => {
    expect(formatGoalAmount(3, goal('sessions', 'count'), 'metric', t, 'en')).toBe('3');
    expect(formatGoalAmount(5400, goal('training_time', 's'), 'metric', t, 'en')).toBe('1 h 30 min');
    expect(formatGoalAmount(42195, goal('distance', 'm'), 'metric', t, 'en')).toBe('42.2 km');
    // 1000 m = 3280.84 ft.
    expect(formatGoalAmount(1000, goal('elevation_gain', 'm'), 'imperial', t, 'en')).toBe('3,281 ft');
    expect(formatGoalAmount(102.25, goal('one_rep_max', 'kg'), 'metric', t, 'en')).toBe('102.25 kg');
    expect(formatGoalAmount(25000.4, goal('volume', 'kg'), 'metric', t, 'de')).toBe('25.000 kg');
    expect(formatGoalAmount(18.5, goal('body_fat', 'percent'), 'metric', t, 'en')).toBe('18.5%');
    expect(formatGoalAmount(1, goal('streak_weeks', 'weeks'), 'metric', t, 'en')).toBe('1 week');
    expect(formatGoalAmount(8, goal('streak_weeks', 'weeks'), 'metric', de, 'de')).toBe('8 Wochen');
    expect(formatGoalAmount(0.845, goal('measurement', 'measurement'), 'metric', t, 'en')).toBe('0.85');
  });
});
