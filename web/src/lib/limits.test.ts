/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromDisplayDistance, fromDisplayWeight } from '@/lib/units';
import {
  maxDisplayDistance,
  maxDisplayWeight,
  SET_DISTANCE_M_MAX,
  SET_DURATION_S_MAX,
  SET_NOTES_MAX_LENGTH,
  SET_REPS_MAX,
  SET_WEIGHT_KG_MAX,
} from './limits';

// The server's one source of limits and the contract, read as text (vitest runs in web/).
const limitsHpp = readFileSync(`${process.cwd()}/../src/core/limits.hpp`, 'utf8');
const openapiYaml = readFileSync(`${process.cwd()}/../api/openapi.yaml`, 'utf8');

/** The maximum of a `Range{min, max}` in limits.hpp ("2'000" is 2000). */
function hppMax(name: string): number {
  const match = new RegExp(`${name}\\{[^,]+,\\s*([0-9']+)\\}`).exec(limitsHpp);
  if (!match?.[1]) throw new Error(`${name} not found in limits.hpp`);
  return Number(match[1].replaceAll("'", ''));
}

function hppConstant(name: string): number {
  const match = new RegExp(`${name}\\s*=\\s*([0-9']+);`).exec(limitsHpp);
  if (!match?.[1]) throw new Error(`${name} not found in limits.hpp`);
  return Number(match[1].replaceAll("'", ''));
}

/** `maximum` or `maxLength` of a property of the contract's WorkoutSet schema. */
function contractMax(property: string, keyword: 'maximum' | 'maxLength'): number {
  const schema = /\n {4}WorkoutSet:\n([\s\S]*?)\n {4}\S/.exec(openapiYaml)?.[1] ?? '';
  const block = new RegExp(`\\n {8}${property}:\\n((?: {10}.*\\n?)+)`).exec(schema)?.[1] ?? '';
  const value = new RegExp(`${keyword}: (\\d+)`).exec(block)?.[1];
  if (!value) throw new Error(`WorkoutSet.${property}.${keyword} not found in the contract`);
  return Number(value);
}

describe('the web app’s hard limits for a set', () => {
  it.each([
    ['weight_kg', SET_WEIGHT_KG_MAX, 'kSetWeightKg'],
    ['reps', SET_REPS_MAX, 'kSetReps'],
    ['duration_s', SET_DURATION_S_MAX, 'kSetDurationS'],
    ['distance_m', SET_DISTANCE_M_MAX, 'kSetDistanceM'],
  ] as const)('%s is the server’s limit and the contract’s', (property, web, hpp) => {
    expect(web).toBe(hppMax(hpp));
    expect(web).toBe(contractMax(property, 'maximum'));
  });

  it('a set’s note is as long as the server and the contract allow', () => {
    expect(SET_NOTES_MAX_LENGTH).toBe(hppConstant('kSetNotesLength'));
    expect(SET_NOTES_MAX_LENGTH).toBe(contractMax('notes', 'maxLength'));
  });
});

describe('the largest values a user can type', () => {
  it('stay within the server’s limits in either unit', () => {
    expect(maxDisplayWeight('metric')).toBe(2000);
    expect(maxDisplayWeight('imperial')).toBe(4409.24); // 2000 / 0.45359237 = 4409.2452...
    expect(maxDisplayDistance('metric')).toBe(10000);
    expect(maxDisplayDistance('imperial')).toBe(6213.71); // 10,000,000 / 1609.344 = 6213.7119...
    expect(fromDisplayWeight(maxDisplayWeight('imperial'), 'imperial')).toBeLessThanOrEqual(SET_WEIGHT_KG_MAX);
    expect(fromDisplayDistance(maxDisplayDistance('imperial'), 'imperial')).toBeLessThanOrEqual(SET_DISTANCE_M_MAX);
  });
});
