import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { formatRecordValue, recordBadgeText, recordLabel, type PersonalRecord } from './describe';

function record(partial: Partial<PersonalRecord>): PersonalRecord {
  return {
    kind: 'one_rep_max',
    exercise_id: 'squat',
    sport: null,
    reps: 5,
    weight_kg: 100,
    distance_m: null,
    value: 112.5,
    unit: 'kg',
    workout_id: 'w1',
    achieved_at: '2026-11-02T10:00:00Z',
    previous_value: 110,
    current: true,
    ...partial,
  };
}

const t = i18n.t.bind(i18n);

describe('record wording', () => {
  it('names a strength record and shows its weight in the user unit', () => {
    expect(recordBadgeText(record({}), 'metric', 'en', t)).toBe('PR: Estimated 1RM 112.5 kg');
    // 112.5 kg / 0.45359237 = 248.02 lb, shown with one decimal.
    expect(formatRecordValue(record({}), 'imperial', 'en')).toBe('248 lb');
    expect(recordLabel(record({ kind: 'rep_max', reps: 5 }), 'metric', 'en', t)).toBe('5-rep max');
  });

  it('names a best effort by its distance and shows the time as a clock', () => {
    const effort = record({ kind: 'best_effort', exercise_id: null, sport: 'run', distance_m: 5000, value: 1361.4, unit: 's' });
    // 1361 s = 22 min 41 s.
    expect(recordBadgeText(effort, 'metric', 'en', t)).toBe('PR: 5 km best effort 22:41');
    expect(recordLabel({ ...effort, distance_m: 21097.5 }, 'metric', 'en', t)).toBe('Half marathon best effort');
    expect(recordLabel({ ...effort, distance_m: 1609.344 }, 'imperial', 'en', t)).toBe('1 mile best effort');
  });

  it('shows distances and climbing in the user unit', () => {
    const longest = record({ kind: 'longest_distance', exercise_id: null, sport: 'ride', value: 42195, unit: 'm' });
    expect(formatRecordValue(longest, 'metric', 'en')).toBe('42.2 km');
    const climb = record({ kind: 'most_elevation_gain', exercise_id: null, sport: 'hike', value: 1000, unit: 'm' });
    // 1000 m / 0.3048 m per ft = 3280.8 ft.
    expect(formatRecordValue(climb, 'imperial', 'en')).toBe('3,281 ft');
    const duration = record({ kind: 'longest_duration', exercise_id: null, sport: 'ride', value: 5025, unit: 's' });
    expect(formatRecordValue(duration, 'metric', 'en')).toBe('1:23:45');
  });
});
