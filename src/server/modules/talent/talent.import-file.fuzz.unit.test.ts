import countries from 'i18n-iso-countries';
import { it } from 'vitest';
import { isIscoUnitGroupCode } from '../../../domain/talent/taxonomy/index.js';
import { fuzzTabularValidator, sampleGrid } from '../../platform/spreadsheets/fuzz.test-support.js';
import { validateTalentImport } from './talent.import-file.js';

it('validateTalentImport answers findings for any grid, never an exception', () => {
  // Every skill key the sample names is known, so the sample itself is clean.
  const skillKeys = new Set(
    sampleGrid('talent/talent-import.csv')
      .slice(1)
      .flatMap((r) => (r[5] ?? '').split(';').map((s) => s.split(':')[0]?.trim() ?? '')),
  );
  const ctx = {
    skillKeys,
    countryCodes: new Set(Object.keys(countries.getAlpha2Codes())),
    existingEmails: new Set<string>(),
    isIscoUnitGroup: isIscoUnitGroupCode,
    escoOccupation: () => 'ok' as const,
    maxRows: 40,
  };
  fuzzTabularValidator((rows) => validateTalentImport(rows, ctx), 'talent/talent-import.csv');
});
