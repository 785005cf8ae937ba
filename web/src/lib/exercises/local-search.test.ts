import { describe, expect, it } from 'vitest';
import type { Exercise } from './get-exercise';
import { searchCatalogue, searchWords } from './local-search';

const exercise = (id: string, name: string, more: Partial<Exercise> = {}) =>
  ({ id, name, aliases: [], category: 'strength', primary_muscles: ['lats'], equipment: ['pullup_bar'], custom: false, ...more }) as unknown as Exercise;

const catalogue = [
  exercise('pull-up', 'Pull-Up', { aliases: ['Chin-up (overhand)'] }),
  exercise('barbell-row', 'Barbell Row', { primary_muscles: ['upper_back'], equipment: ['barbell'] }),
  exercise('pullups-weighted', 'Weighted Pullups'),
  exercise('developpe', 'Développé couché', { primary_muscles: ['chest'], equipment: ['barbell'] }),
  exercise('farmers-walk', "Farmer's Walk", { category: 'carry' as Exercise['category'], equipment: ['dumbbell'] }),
];

const ids = (q: string, more = {}) => searchCatalogue(catalogue, { q, ...more }).map((e) => e.id);

describe('offline exercise search', () => {
  it('folds case, accents and apostrophes into words like the server', () => {
    expect(searchWords("  Farmer's Walk (heavy)")).toEqual(['farmers', 'walk', 'heavy']);
    expect(searchWords('Développé-Couché')).toEqual(['developpe', 'couche']);
  });

  it('ignores hyphens and spaces: "pullup" finds Pull-Up, "pull up" finds Pullups', () => {
    expect(ids('pullup')).toEqual(['pull-up', 'pullups-weighted']);
    expect(ids('pull up')).toEqual(['pull-up', 'pullups-weighted']);
    expect(ids('PULL-UP')).toEqual(['pull-up', 'pullups-weighted']);
  });

  it('matches word prefixes of the name or of one alias, never an unrelated list', () => {
    expect(ids('row')).toEqual(['barbell-row']);
    expect(ids('chin')).toEqual(['pull-up']);
    expect(ids('developpe')).toEqual(['developpe']);
    expect(ids('ow')).toEqual([]);
    expect(ids('row pull')).toEqual([]);
  });

  it('applies the muscle, equipment and category filters', () => {
    expect(ids('', { muscle: 'chest' })).toEqual(['developpe']);
    expect(ids('', { equipment: 'barbell' })).toEqual(['barbell-row', 'developpe']);
    expect(ids('walk', { category: 'carry' })).toEqual(['farmers-walk']);
    expect(ids('walk', { category: 'strength' })).toEqual([]);
  });
});
