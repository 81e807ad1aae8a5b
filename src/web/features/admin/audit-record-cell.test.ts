import { describe, expect, it } from 'vitest';
import { recordPath, shortId } from './audit-record-cell';

const entry = { before: null, after: null };

describe('audit record cell', () => {
  it('shows the distinguishing end of a UUIDv7', () => {
    expect(shortId('01922472-aaaa-7bbb-8ccc-0123456789ab')).toBe('…456789ab');
    expect(shortId('short')).toBe('short');
  });
  it('links partners, agreements and documents to their pages', () => {
    expect(recordPath({ ...entry, entityType: 'partner', entityId: 'p1' })).toBe('/partners/p1');
    expect(recordPath({ ...entry, entityType: 'agreement', entityId: 'a1' })).toBe('/agreements/a1');
    expect(
      recordPath({
        entityType: 'agreement_document',
        entityId: 'd1',
        before: null,
        after: { agreementId: 'a2' },
      }),
    ).toBe('/agreements/a2');
    expect(recordPath({ ...entry, entityType: 'user', entityId: 'u1' })).toBeNull();
    expect(recordPath({ ...entry, entityType: 'partner', entityId: null })).toBeNull();
  });
});
