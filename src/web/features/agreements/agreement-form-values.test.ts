import { describe, expect, it } from 'vitest';
import { ZAgreementInput } from '../../../contracts/agreements.js';
import { agreementValuesToInput, emptyAgreementValues, OWN_PARTY } from './agreement-form-values';

describe('agreement form values', () => {
  it('turns empty strings into nulls and checks with the contract', () => {
    const v = { ...emptyAgreementValues('p1'), title: { en: 'MoU', fr: '' } };
    v.signatories = [{ name: 'Li Wei', title: 'President', partyId: OWN_PARTY, signedOn: '' }];
    const input = agreementValuesToInput(v) as Record<string, unknown>;
    expect(input.title).toEqual({ en: 'MoU' });
    expect(input.startsOn).toBeNull();
    expect((input.signatories as { partyId: unknown }[])[0]?.partyId).toBeNull();
    expect(ZAgreementInput.safeParse(input).success).toBe(true);
  });
  it('reports contract messages for a signed agreement without dates', () => {
    const v = { ...emptyAgreementValues('p1'), title: { en: 'MoU' }, stage: 'signed' };
    const r = ZAgreementInput.safeParse(agreementValuesToInput(v));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['signed_date_required', 'start_date_required']),
    );
  });
});
