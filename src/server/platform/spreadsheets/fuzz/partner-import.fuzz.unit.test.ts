import countries from 'i18n-iso-countries';
import { it } from 'vitest';
import { validatePartnerImport } from '../../../../domain/partners/partner-import.js';
import { fuzzTabularValidator } from '../fuzz.test-support.js';

it('validatePartnerImport answers findings for any grid, never an exception', () => {
  const ctx = {
    knownCountryCodes: new Set(Object.keys(countries.getAlpha2Codes())),
    existingIdentifiers: new Set<string>(),
    maxRows: 40,
  };
  fuzzTabularValidator((rows) => validatePartnerImport(rows, ctx), 'partners-import.csv');
});
