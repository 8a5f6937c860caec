import type { Exploration } from '../../../shared/schemas/explorations.js';

/** The leaning scale in order, from −2 to +2, in words. */
export const leaningOptions = [
  { value: -2, label: '−2 · Clearly no' },
  { value: -1, label: '−1 · Leaning no' },
  { value: 0, label: '0 · Undecided' },
  { value: 1, label: '+1 · Leaning yes' },
  { value: 2, label: '+2 · Clearly yes' },
] as const;

export const explorationStatusLabels: Record<Exploration['status'], string> = {
  active: 'Exploring',
  paused: 'Paused',
  decided: 'Decided',
};
