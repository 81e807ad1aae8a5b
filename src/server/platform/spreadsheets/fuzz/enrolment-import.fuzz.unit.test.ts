import { it } from 'vitest';
import { validateEnrolmentImport } from '../../../../domain/training/enrolment-import.js';
import { fuzzTabularValidator } from '../fuzz.test-support.js';

it('validateEnrolmentImport answers findings for any grid, never an exception', () => {
  const ctx = {
    knownCountryCodes: new Set(['BD', 'KE', 'PK', 'NP', 'LK', 'CN']),
    enrolledEmails: new Set<string>(),
    maxRows: 40,
  };
  fuzzTabularValidator((rows) => validateEnrolmentImport(rows, ctx), 'enrolments-import.csv');
});
