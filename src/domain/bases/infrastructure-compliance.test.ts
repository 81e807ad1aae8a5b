import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INFRASTRUCTURE_BASES } from '../../contracts/bases.js';
import {
  checkCompliance,
  gapLines,
  type InventoryItemInput,
  type ListItemInput,
  normalizeItemName,
  requiredQuantity,
} from './infrastructure-compliance.js';

let n = 0;
const li = (
  item: string,
  quantity: number,
  basis: ListItemInput['basis'] = 'per_workstation',
): ListItemInput => ({
  id: `li-${++n}`,
  item,
  specification: '',
  quantity,
  basis,
  category: '',
});
const inv = (
  itemName: string,
  quantity: number,
  condition: InventoryItemInput['condition'] = 'good',
): InventoryItemInput => ({ itemName, specification: '', quantity, condition });
const settings = { workstations: 4, competitors: 6 };

describe('normalizeItemName', () => {
  it.each([
    ['Torque Wrench', 'torque wrench'],
    ['  TORQUE   wrench ', 'torque wrench'],
    ['Torque-Wrench, 10–60 Nm', 'torque wrench 10 60 nm'],
    ['Multimeter (CAT III)', 'multimeter cat iii'],
    ['ＰＬＣ　trainer', 'plc trainer'],
    ['Safety glasses.', 'safety glasses'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeItemName(input)).toBe(expected);
  });
});

describe('requiredQuantity', () => {
  it.each([
    ['per_workstation', 2, 8],
    ['per_competitor', 2, 12],
    ['per_workshop', 2, 2],
  ] as const)('%s × %i → %i', (basis, quantity, expected) => {
    expect(requiredQuantity({ quantity, basis }, settings)).toBe(expected);
  });
});

describe('checkCompliance: classification', () => {
  it.each([
    { name: 'enough', have: [inv('Drill', 8)], status: 'matched', available: 8, shortfall: 0 },
    { name: 'more than enough', have: [inv('drill', 20)], status: 'matched', available: 8, shortfall: 0 },
    { name: 'some', have: [inv('DRILL', 3)], status: 'short', available: 3, shortfall: 5 },
    { name: 'none', have: [], status: 'missing', available: 0, shortfall: 8 },
    { name: 'quantity 0', have: [inv('Drill', 0)], status: 'missing', available: 0, shortfall: 8 },
    {
      name: 'out of service only',
      have: [inv('Drill', 8, 'out_of_service')],
      status: 'missing',
      available: 0,
      shortfall: 8,
    },
    {
      name: 'rows added up',
      have: [inv('Drill', 5), inv(' drill ', 3, 'poor')],
      status: 'matched',
      available: 8,
      shortfall: 0,
    },
  ])('$name → $status', ({ have, status, available, shortfall }) => {
    const r = checkCompliance([li('Drill', 2)], have, settings);
    expect(r.lines[0]).toMatchObject({ required: 8, status, available, shortfall });
  });

  it('computes percentages by item count and by quantity, and the venue verdict', () => {
    const list = [li('Drill', 1), li('Vice', 1), li('Multimeter', 1), li('First aid kit', 1, 'per_workshop')];
    const r = checkCompliance(list, [inv('Drill', 4), inv('Vice', 2), inv('First-aid kit', 1)], settings);
    expect(r.counts).toEqual({ total: 4, matched: 2, short: 1, missing: 1 });
    expect(r.compliancePercent).toBe(50);
    // required 4 + 4 + 4 + 1 = 13; covered 4 + 2 + 0 + 1 = 7 → 53.8 %
    expect(r.coveragePercent).toBe(53.8);
    expect(r.matchesVenueRequirements).toBe(false);
    expect(gapLines(r).map((l) => [l.item, l.status])).toEqual([
      ['Multimeter', 'missing'],
      ['Vice', 'short'],
    ]);
  });

  it('matches the venue requirements when items are only short, not missing', () => {
    const r = checkCompliance([li('Drill', 2)], [inv('Drill', 1)], settings);
    expect(r.counts.short).toBe(1);
    expect(r.matchesVenueRequirements).toBe(true);
    expect(r.compliancePercent).toBe(0);
  });

  it('treats an empty list as fully compliant', () => {
    const r = checkCompliance([], [inv('Drill', 1)], settings);
    expect(r).toMatchObject({ compliancePercent: 100, coveragePercent: 100, matchesVenueRequirements: true });
    expect(r.unlistedInventory).toEqual(['Drill']);
  });

  it('uses aliases in both directions of spelling', () => {
    const r = checkCompliance([li('Digital multimeter', 1)], [inv('DMM', 4)], {
      ...settings,
      aliases: { dmm: 'Digital Multimeter' },
    });
    expect(r.lines[0]?.status).toBe('matched');
  });

  it('shares one pool between list items of the same name', () => {
    const list = [li('Screwdriver', 1), li('screwdriver', 1)];
    const r = checkCompliance(list, [inv('Screwdriver', 6)], settings);
    expect(r.lines.map((l) => [l.status, l.available])).toEqual([
      ['matched', 4],
      ['short', 2],
    ]);
  });

  it('keeps the inventory specifications for a person to compare', () => {
    const r = checkCompliance(
      [li('PLC', 1)],
      [{ itemName: 'PLC', specification: 'Siemens S7-1500', quantity: 4, condition: 'new' }],
      settings,
    );
    expect(r.lines[0]?.inventorySpecifications).toEqual(['Siemens S7-1500']);
  });
});

describe('checkCompliance: properties', () => {
  const names = fc.constantFrom('Drill', 'drill', 'Vice', 'Multimeter', 'PLC trainer', 'Safety glasses');
  const listArb = fc.array(
    fc.record({
      item: names,
      quantity: fc.integer({ min: 1, max: 5 }),
      basis: fc.constantFrom(...INFRASTRUCTURE_BASES),
    }),
    { maxLength: 8 },
  );
  const invArb = fc.array(
    fc.record({
      itemName: names,
      quantity: fc.integer({ min: 0, max: 30 }),
      condition: fc.constantFrom('new', 'good', 'poor', 'out_of_service' as const),
    }),
    { maxLength: 8 },
  );
  const settingsArb = fc.record({
    workstations: fc.integer({ min: 1, max: 10 }),
    competitors: fc.integer({ min: 1, max: 10 }),
  });
  const toList = (l: { item: string; quantity: number; basis: ListItemInput['basis'] }[]) =>
    l.map((x, i) => ({ ...x, id: String(i), specification: '', category: '' }));
  const toInv = (l: { itemName: string; quantity: number; condition: InventoryItemInput['condition'] }[]) =>
    l.map((x) => ({ ...x, specification: '' }));

  it('adding inventory never lowers compliance, coverage or the venue verdict', () => {
    fc.assert(
      fc.property(listArb, invArb, invArb, settingsArb, (list, have, more, s) => {
        const before = checkCompliance(toList(list), toInv(have), s);
        const after = checkCompliance(toList(list), [...toInv(have), ...toInv(more)], s);
        expect(after.compliancePercent).toBeGreaterThanOrEqual(before.compliancePercent);
        expect(after.coveragePercent).toBeGreaterThanOrEqual(before.coveragePercent);
        expect(after.counts.missing).toBeLessThanOrEqual(before.counts.missing);
        if (before.matchesVenueRequirements) {
          expect(after.matchesVenueRequirements).toBe(true);
        }
      }),
    );
  });

  it('counts add up and percentages stay within 0–100', () => {
    fc.assert(
      fc.property(listArb, invArb, settingsArb, (list, have, s) => {
        const r = checkCompliance(toList(list), toInv(have), s);
        expect(r.counts.matched + r.counts.short + r.counts.missing).toBe(list.length);
        for (const p of [r.compliancePercent, r.coveragePercent]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        }
        for (const l of r.lines) {
          expect(l.available + l.shortfall).toBe(l.required);
        }
        expect(r.matchesVenueRequirements).toBe(r.counts.missing === 0);
      }),
    );
  });
});
