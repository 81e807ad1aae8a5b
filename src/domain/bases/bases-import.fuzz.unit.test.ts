import { it } from 'vitest';
import { fuzzTabularValidator } from '../../server/platform/spreadsheets/fuzz.test-support.js';
import { validateInfrastructureList, validateInventoryFile } from './bases-import.js';

it('validateInfrastructureList answers findings for any grid, never an exception', () => {
  fuzzTabularValidator((rows) => validateInfrastructureList(rows, 40), 'infrastructure-list-sample.csv');
});

it('validateInventoryFile answers findings for any grid, never an exception', () => {
  fuzzTabularValidator((rows) => validateInventoryFile(rows, 40), 'base-inventory-sample.csv');
});
