import type { Exercise } from './get-exercise';
import type { ExerciseFilters } from './list-exercises';

/**
 * The server's exercise search (src/core/text_fold.cpp), run on the cached catalogue when the
 * app is offline, so an offline search finds what an online one would among what is cached:
 * case, accents, hyphens and spaces ignored ("pullup" finds "Pull-Up", "pull up" finds
 * "Pullups"), every word of the query the start of a word of the name or of one alias.
 */
export function searchWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/['’´]/g, '');
  // ASCII letters and digits, and non-ASCII characters the folding left alone, make words.
  return folded.split(/[^a-z0-9\u0080-\uffff]+|[\u2000-\u206f\u00a0-\u00bf\u00d7\u00f7]+/).filter((w) => w !== '');
}

/** True when `query` is the start of words[first], words[first + 1], ... run together. */
function startsRunAt(words: readonly string[], first: number, query: string): boolean {
  let rest = query;
  for (let i = first; i < words.length && rest !== ''; i++) {
    const word = words[i] as string;
    if (rest.length <= word.length) return word.startsWith(rest);
    if (!rest.startsWith(word)) return false;
    rest = rest.slice(word.length);
  }
  return rest === '';
}

function startsSomeRun(words: readonly string[], query: string): boolean {
  return words.some((_, i) => startsRunAt(words, i, query));
}

export function matchesIgnoringSpaces(words: readonly string[], query: readonly string[]): boolean {
  if (query.every((q) => startsSomeRun(words, q))) return true;
  return startsSomeRun(words, query.join(''));
}

/** The exercises of `catalogue` that the server would answer `filters` with, in the same order. */
export function searchCatalogue(catalogue: readonly Exercise[], filters: ExerciseFilters): Exercise[] {
  const query = searchWords(filters.q.trim().slice(0, 100));
  return catalogue.filter((e) => {
    if (filters.category && e.category !== filters.category) return false;
    if (filters.muscle && !e.primary_muscles.includes(filters.muscle)) return false;
    if (filters.equipment && !e.equipment.includes(filters.equipment)) return false;
    if (query.length === 0) return true;
    return [e.name, ...(e.aliases ?? [])].some((text) => matchesIgnoringSpaces(searchWords(text), query));
  });
}
