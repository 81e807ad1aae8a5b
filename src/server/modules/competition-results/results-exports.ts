import type { TResultMedal, TSkillResults } from '../../../contracts/competition-results.js';
import { parseRational, toFixed } from '../../../domain/competitions/rational.js';
import type { ServiceContext } from '../../platform/context.js';
import { TABULAR_CONTENT_TYPES, writeTabularFile } from '../../platform/spreadsheets/tabular-files.js';
import { todayFor } from '../../platform/today.js';
import { loadCompetition } from '../competitions/competition-access.js';
import { loadVisibleSkill } from './results.access.js';
import { computeLiveSkill } from './results.calculate.js';
import * as repo from './results.repository.js';
import { skillResultsFor } from './results.service.js';
import { renderSheetPdf, type SheetColumn } from './results-pdf.js';

/** Scale figures are stored exactly ("515/6"); a signed sheet shows them as 85.83. */
function twoDecimals(exact: string): string {
  const r = parseRational(exact);
  return r ? toFixed(r, 2) : exact;
}

// Exports of one skill, under the same embargo as the results themselves (404 before publication for
// anyone but an admin or the skill's chief/deputy chief expert):
// - results: the CIS results sheet columns the ceremony app reads (Position, Member, Member Name, Skill
//   Number, Medal, First Name, Last Name, WorldSkills Scale Score), one row per competitor;
// - marks: the marks summary (entrants × sub-criteria with criterion totals and the raw total), as
//   XLSX and as the PDF sheet the chief expert and the experts sign.
// Spreadsheets go through platform/spreadsheets (formula-injection safe); headers are the CIS English ones.

export type ExportKind = 'results' | 'marks';
export type ExportFormat = 'xlsx' | 'pdf';

const MEDAL_TEXT: Record<TResultMedal, string> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  medallion: 'Medallion For Excellence',
  none: '',
};

const ROLE_TEXT: Record<string, string> = {
  chief_expert: 'Chief Expert',
  deputy_chief_expert: 'Deputy Chief Expert',
  expert: 'Expert',
  judge: 'Judge',
};

function en(names: Record<string, string>): string {
  return names.en || Object.values(names).find((v) => v.trim() !== '') || '';
}

function stateLine(data: TSkillResults): string {
  switch (data.skill.resultsState) {
    case 'published':
      return `Published ${data.skill.publishedAt?.slice(0, 10) ?? ''}`.trim();
    case 'signed_off':
      return `Signed off ${data.skill.signedOffAt?.slice(0, 10) ?? ''} — embargoed until published`.trim();
    default:
      return 'Preview — not signed off, embargoed';
  }
}

function fileBase(data: TSkillResults, kind: ExportKind): string {
  const slug = data.competition.slug.replace(/[^\w-]+/g, '-');
  return `${slug}-skill-${data.skill.number.replace(/[^\w-]+/g, '-')}-${kind === 'results' ? 'results' : 'marks-summary'}`;
}

export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** @throws AppError FORBIDDEN | NOT_FOUND (absent or embargoed) */
export async function exportSkill(
  ctx: ServiceContext,
  skillId: string,
  kind: ExportKind,
  format: ExportFormat,
): Promise<ExportFile> {
  const { skill } = await loadVisibleSkill(ctx, skillId);
  const data = await skillResultsFor(ctx, skill);
  const today = todayFor(ctx);
  const base = fileBase(data, kind);
  const contentType = format === 'pdf' ? 'application/pdf' : TABULAR_CONTENT_TYPES.xlsx;
  const bytes =
    kind === 'results'
      ? await resultsFile(ctx, data, format, today)
      : await marksFile(ctx, data, format, today);
  return { bytes, contentType, fileName: `${base}.${format}` };
}

async function resultsFile(ctx: ServiceContext, data: TSkillResults, format: ExportFormat, today: string) {
  const skillName = `${data.skill.number} ${en(data.skill.names)}`.trim();
  if (format === 'xlsx') {
    const people = await ctx.deps.db
      .selectFrom('competitionCompetitors')
      .select(['entryId', 'firstName', 'lastName'])
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('entryId', 'in', data.rows.length > 0 ? data.rows.map((r) => r.entryId) : [''])
      .orderBy('lastName')
      .orderBy('firstName')
      .execute();
    const header = [
      'Position',
      'Member',
      'Member Name',
      'Skill Number',
      'Medal',
      'First Name',
      'Last Name',
      'Entrant',
      'Raw Total',
      'WorldSkills Scale Score',
    ];
    const rows = data.rows.flatMap((r) => {
      const persons = people.filter((p) => p.entryId === r.entryId);
      const line = (first: string, last: string) => [
        r.position === null ? '' : String(r.position),
        r.member.code,
        en(r.member.names),
        data.skill.number,
        MEDAL_TEXT[r.medal],
        first,
        last,
        r.displayName,
        r.rawTotal,
        r.points === null ? '' : String(r.points),
      ];
      return persons.length > 0 ? persons.map((p) => line(p.firstName, p.lastName)) : [line('', '')];
    });
    return writeTabularFile('xlsx', header, rows, `Skill ${data.skill.number}`.slice(0, 31));
  }
  const columns: SheetColumn[] = [
    { header: 'Pos.', weight: 4, align: 'right' },
    { header: 'Medal', weight: 12 },
    { header: 'Member', weight: 16 },
    { header: 'Entrant', weight: 30 },
    { header: 'Raw total', weight: 8, align: 'right' },
    { header: 'Points', weight: 7, align: 'right' },
  ];
  const rows = data.rows.map((r) => [
    r.position === null ? (r.excluded ? 'excl.' : '') : String(r.position),
    MEDAL_TEXT[r.medal],
    `${r.member.code} ${en(r.member.names)}`.trim(),
    r.competitors.length > 0 && r.competitors.join(', ') !== r.displayName
      ? `${r.displayName} (${r.competitors.join(', ')})`
      : r.displayName,
    r.rawTotal,
    r.points === null ? '' : String(r.points),
  ]);
  const pdf = await renderSheetPdf({
    title: `Results — Skill ${skillName}`,
    subtitle: [en(data.competition.names), stateLine(data), `Printed ${today}`],
    columns,
    rows,
    orientation: 'portrait',
    date: today,
    footerNote: data.scale
      ? `WorldSkills Scale (${data.scale.method}): raw centre ${twoDecimals(data.scale.rawCentre)}, spread ${twoDecimals(data.scale.rawSpread)}${data.scale.degenerate ? ' (degenerate: all at the centre)' : ''}.`
      : undefined,
  });
  return Buffer.from(pdf);
}

async function marksFile(ctx: ServiceContext, data: TSkillResults, format: ExportFormat, today: string) {
  const orgId = ctx.actor.organizationId;
  const competition = await loadCompetition(ctx, data.competition.id);
  const skill = await repo.getSkill(ctx.deps.db, orgId, data.skill.id);
  if (!skill) {
    throw new Error('skill vanished during export');
  }
  const live = await computeLiveSkill(ctx.deps.db, orgId, competition, skill);
  const scheme = live.scheme;
  // Column layout: per criterion its sub-criteria, then the criterion total; then the raw total.
  const layout = (scheme?.criteria ?? []).flatMap((c) => [
    ...(scheme?.subCriteria ?? [])
      .filter((sc) => sc.criterionKey === c.key)
      .map((sc) => ({ kind: 'sub' as const, key: sc.key, header: sc.key })),
    { kind: 'criterion' as const, key: c.key, header: `${c.key} total` },
  ]);
  const header = ['Position', 'Member', 'Entrant', ...layout.map((l) => l.header), 'Raw total'];
  const rows = data.rows.map((r) => {
    const raw = live.raw.get(r.entryId);
    const cells = layout.map((l) => {
      if (!raw) {
        return '';
      }
      const value =
        l.kind === 'sub'
          ? raw.forms.find((f) => f.subCriterionKey === l.key)?.total
          : raw.criteria.find((c) => c.criterionKey === l.key)?.mark;
      return value ? toFixed(value, 2) : '';
    });
    return [
      r.position === null ? '' : String(r.position),
      r.member.code,
      r.displayName,
      ...cells,
      raw ? toFixed(raw.total, 2) : r.rawTotal,
    ];
  });
  if (format === 'xlsx') {
    return writeTabularFile('xlsx', header, rows, `Marks ${data.skill.number}`.slice(0, 31));
  }
  const experts = await repo.expertsOfSkill(ctx.deps.db, orgId, data.skill.id);
  const order = ['chief_expert', 'deputy_chief_expert', 'expert', 'judge'];
  const signatures: Array<[string, string]> = experts
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map((e) => [ROLE_TEXT[e.role] ?? e.role, `${e.firstName} ${e.lastName}`.trim()]);
  if (!signatures.some(([role]) => role === ROLE_TEXT.chief_expert)) {
    signatures.unshift([ROLE_TEXT.chief_expert as string, '']);
  }
  const columns: SheetColumn[] = [
    { header: 'Pos.', weight: 3, align: 'right' },
    { header: 'Member', weight: 5 },
    { header: 'Entrant', weight: 14 },
    ...layout.map((l) => ({ header: l.header, weight: l.kind === 'sub' ? 4 : 5, align: 'right' as const })),
    { header: 'Raw total', weight: 6, align: 'right' },
  ];
  const skillName = `${data.skill.number} ${en(data.skill.names)}`.trim();
  const pdf = await renderSheetPdf({
    title: `Marks summary — Skill ${skillName}`,
    subtitle: [en(data.competition.names), stateLine(data), `Date ${today}`],
    columns,
    rows,
    orientation: 'landscape',
    date: today,
    footerNote:
      'We, the undersigned experts, confirm that the marks above are those entered and locked for this skill.',
    signatures,
  });
  return Buffer.from(pdf);
}
