import { it } from 'vitest';
import { validateInfrastructureList, validateInventoryFile } from '../../../../domain/bases/bases-import.js';
import { fuzzTabularValidator } from '../fuzz.test-support.js';

it('validateInfrastructureList answers findings for any grid, never an exception', () => {
  fuzzTabularValidator((rows) => validateInfrastructureList(rows, 40), 'infrastructure-list-sample.csv');
});

it('validateInventoryFile answers findings for any grid, never an exception', () => {
  fuzzTabularValidator((rows) => validateInventoryFile(rows, 40), 'base-inventory-sample.csv');
});
