import { it } from 'vitest';
import { fuzzTabularValidator } from '../../server/platform/spreadsheets/fuzz.test-support.js';
import { validateEnrolmentImport } from './enrolment-import.js';

it('validateEnrolmentImport answers findings for any grid, never an exception', () => {
  const ctx = {
    knownCountryCodes: new Set(['BD', 'KE', 'PK', 'NP', 'LK', 'CN']),
    enrolledEmails: new Set<string>(),
    maxRows: 40,
  };
  fuzzTabularValidator((rows) => validateEnrolmentImport(rows, ctx), 'enrolments-import.csv');
});
