/**
 * Checks a training base's equipment inventory against a WorldSkills Infrastructure List.
 *
 * Rules (pure; the caller supplies the rows and the base's settings):
 *
 * - **Matching** is by item name only, after normalisation (`normalizeItemName`: Unicode NFKC, lower
 *   case, punctuation as spaces, runs of whitespace collapsed). An optional alias map sends other
 *   names to the list's name (keys and values are normalised too). Specifications are shown side by
 *   side for a person to judge; they are not compared.
 * - **Inventory pool**: inventory rows with the same normalised name are added up. Rows in condition
 *   `out_of_service` count as nothing.
 * - **Required quantity** of a list item: `quantity × workstations` (per_workstation),
 *   `quantity × competitors` (per_competitor) or `quantity` (per_workshop, a flat number for the
 *   whole venue). The caller decides the competitor count (the service uses the base's workstation
 *   count unless asked to use its active trainees).
 * - **Allocation**: list items that share a name (same tool in two specifications) draw from one
 *   pool in list order, so one drill is never counted twice.
 * - **Status** of each list item: `matched` (allocated ≥ required), `short` (0 < allocated < required,
 *   with the shortfall) or `missing` (nothing allocated: no inventory item, quantity 0, or all out of
 *   service).
 * - **Compliance %** is by item count: matched items / list items × 100. Short items count as not
 *   matched. `coverage %` is quantity-weighted: Σ min(allocated, required) / Σ required × 100.
 *   Both are 100 for an empty list.
 * - **matchesVenueRequirements** is true when no item is missing (the wording of the issue): short
 *   items are reported in the gap list but do not fail it.
 *
 * Adding inventory never lowers either percentage, and never turns `matchesVenueRequirements`
 * false (property-tested).
 */

import type { ComplianceStatus, EquipmentCondition, InfrastructureBasis } from '../../contracts/bases.js';

export type { ComplianceStatus, EquipmentCondition, InfrastructureBasis };

export interface ListItemInput {
  id: string;
  item: string;
  specification: string;
  quantity: number;
  basis: InfrastructureBasis;
  category: string;
}

export interface InventoryItemInput {
  itemName: string;
  specification: string;
  quantity: number;
  condition: EquipmentCondition;
}

export interface ComplianceSettings {
  workstations: number;
  competitors: number;
  /** alias → list item name; both sides are normalised before use. */
  aliases?: Readonly<Record<string, string>>;
}

export interface ComplianceLine {
  listItemId: string;
  item: string;
  specification: string;
  category: string;
  basis: InfrastructureBasis;
  quantity: number;
  required: number;
  /** Quantity of the inventory pool given to this item. */
  available: number;
  shortfall: number;
  status: ComplianceStatus;
  /** Specifications of the inventory rows that matched, for a person to compare. */
  inventorySpecifications: string[];
}

export interface ComplianceReport {
  lines: ComplianceLine[];
  counts: { total: number; matched: number; short: number; missing: number };
  /** Matched items / list items, 0–100, one decimal. */
  compliancePercent: number;
  /** Σ min(available, required) / Σ required, 0–100, one decimal. */
  coveragePercent: number;
  matchesVenueRequirements: boolean;
  /** Inventory names (as first written) that no list item asked for. */
  unlistedInventory: string[];
}

/** 'Torque-Wrench,  10–60 Nm' → 'torque wrench 10 60 nm'. */
export function normalizeItemName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function requiredQuantity(
  item: Pick<ListItemInput, 'quantity' | 'basis'>,
  s: Pick<ComplianceSettings, 'workstations' | 'competitors'>,
): number {
  switch (item.basis) {
    case 'per_workstation':
      return item.quantity * s.workstations;
    case 'per_competitor':
      return item.quantity * s.competitors;
    case 'per_workshop':
      return item.quantity;
  }
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.floor((part / whole) * 1000) / 10);

export function checkCompliance(
  list: readonly ListItemInput[],
  inventory: readonly InventoryItemInput[],
  settings: ComplianceSettings,
): ComplianceReport {
  const alias = new Map<string, string>();
  for (const [from, to] of Object.entries(settings.aliases ?? {})) {
    alias.set(normalizeItemName(from), normalizeItemName(to));
  }
  const keyOf = (name: string) => {
    const n = normalizeItemName(name);
    return alias.get(n) ?? n;
  };

  const pool = new Map<string, { quantity: number; specs: string[]; firstName: string }>();
  for (const inv of inventory) {
    const key = keyOf(inv.itemName);
    const entry = pool.get(key) ?? { quantity: 0, specs: [], firstName: inv.itemName.trim() };
    if (inv.condition !== 'out_of_service') {
      entry.quantity += Math.max(0, Math.trunc(inv.quantity));
    }
    if (inv.specification.trim() && !entry.specs.includes(inv.specification.trim())) {
      entry.specs.push(inv.specification.trim());
    }
    pool.set(key, entry);
  }

  const remaining = new Map([...pool].map(([k, v]) => [k, v.quantity]));
  const listed = new Set<string>();
  let requiredSum = 0;
  let coveredSum = 0;
  const lines = list.map((li): ComplianceLine => {
    const key = keyOf(li.item);
    listed.add(key);
    const required = requiredQuantity(li, settings);
    const left = remaining.get(key) ?? 0;
    const available = Math.min(left, required);
    remaining.set(key, left - available);
    requiredSum += required;
    coveredSum += available;
    const status: ComplianceStatus = available >= required ? 'matched' : available > 0 ? 'short' : 'missing';
    return {
      listItemId: li.id,
      item: li.item,
      specification: li.specification,
      category: li.category,
      basis: li.basis,
      quantity: li.quantity,
      required,
      available,
      shortfall: required - available,
      status,
      inventorySpecifications: pool.get(key)?.specs ?? [],
    };
  });

  const counts = {
    total: lines.length,
    matched: lines.filter((l) => l.status === 'matched').length,
    short: lines.filter((l) => l.status === 'short').length,
    missing: lines.filter((l) => l.status === 'missing').length,
  };
  return {
    lines,
    counts,
    compliancePercent: percent(counts.matched, counts.total),
    coveragePercent: percent(coveredSum, requiredSum),
    matchesVenueRequirements: counts.missing === 0,
    unlistedInventory: [...pool].filter(([k]) => !listed.has(k)).map(([, v]) => v.firstName),
  };
}

/** The gap list: missing items first, then short ones, each in list order. */
export function gapLines(report: ComplianceReport): ComplianceLine[] {
  return [
    ...report.lines.filter((l) => l.status === 'missing'),
    ...report.lines.filter((l) => l.status === 'short'),
  ];
}
