import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../contracts/common.js';
import {
  ATTENDANCE_MARKS,
  ENROLMENT_STATUSES,
  GENDERS,
  PROGRAMME_MODULE_KINDS,
} from '../../../contracts/training.js';
import { COMPLETION_REASONS } from '../../../domain/training/completion.js';
import { ENROLMENT_IMPORT_PROBLEM_CODES } from '../../../domain/training/enrolment-import.js';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import zhCN from './locales/zh-CN.json';

type Catalog = { [key: string]: string | Catalog };
const catalogs: Record<string, Catalog> = { en, 'zh-CN': zhCN, fr, ar };

function has(c: Catalog, key: string): boolean {
  let node: string | Catalog | undefined = c;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' && node.trim() !== '';
}

const LISTS: Record<string, readonly string[]> = {
  'training.moduleKinds': PROGRAMME_MODULE_KINDS,
  'training.statuses': ENROLMENT_STATUSES,
  'training.genders': GENDERS,
  'training.marks': ATTENDANCE_MARKS,
  'training.completion.reasons': COMPLETION_REASONS,
  'training.import.problems': ENROLMENT_IMPORT_PROBLEM_CODES,
};

describe('training catalogs', () => {
  it('translate every code the training module shows, in every locale', () => {
    const missing = LOCALES.flatMap((l) =>
      Object.entries(LISTS).flatMap(([prefix, codes]) =>
        codes.filter((c) => !has(catalogs[l] as Catalog, `${prefix}.${c}`)).map((c) => `${l}:${prefix}.${c}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});
