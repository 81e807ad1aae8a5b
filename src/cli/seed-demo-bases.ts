import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TBaseInput } from '../contracts/bases.js';
import { addDays, addMonths } from '../domain/dates/calendar-date.js';
import * as bases from '../server/modules/bases/bases.service.js';
import * as transfer from '../server/modules/bases/bases.transfer.js';
import type { ServiceContext } from '../server/platform/context.js';
import { todayFor } from '../server/platform/today.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');

const common = {
  siteAddress: '',
  establishedOn: null,
  status: 'active',
  facilities: '',
  notes: '',
  partnerId: null,
} satisfies Partial<TBaseInput>;

/**
 * Demo training bases: a home WorldSkills Mechatronics base checked against the sample
 * Infrastructure List (some items short, two missing), and the Tshwane automotive joint base.
 * `partnerIds` maps the demo partner keys to their ids.
 */
export async function seedDemoBases(ctx: ServiceContext, partnerIds: ReadonlyMap<string, string>) {
  const today = todayFor(ctx);
  const list = await fs.readFile(path.join(SAMPLES, 'infrastructure-list-sample.csv'));
  await transfer.importInfrastructureList(
    ctx,
    { name: 'Mechatronics Infrastructure List (sample)', skillNumber: '04', skillName: 'Mechatronics' },
    'infrastructure-list-sample.csv',
    list,
  );

  const home = await bases.createBase(ctx, {
    ...common,
    kind: 'worldskills',
    names: {
      en: 'Mechatronics WorldSkills Training Base',
      'zh-CN': '机电一体化项目世界技能大赛集训基地',
      fr: 'Base d’entraînement WorldSkills en mécatronique',
      ar: 'قاعدة تدريب WorldSkills للميكاترونكس',
    },
    skillNumber: '04',
    skillName: 'Mechatronics',
    location: 'at_home',
    siteAddress: 'Intelligent Manufacturing Building, 2nd floor',
    country: 'CN',
    workstations: 4,
    establishedOn: addMonths(today, -30),
    facilities:
      'Four competition workstations with compressed air, 400 V supply and network; a briefing room.',
  });
  const withTeam = await bases.replaceCollection(ctx, home.id, 'team', {
    version: home.version,
    items: [
      { nameLatin: 'Liang Zhiqiang', nameNative: '梁志强', role: 'expert', userId: null },
      { nameLatin: 'Zhou Min', nameNative: '周敏', role: 'coach', userId: null },
      { nameLatin: 'He Yu', nameNative: '何宇', role: 'assistant', userId: null },
    ],
  });
  const withTrainees = await bases.replaceCollection(ctx, home.id, 'trainees', {
    version: withTeam.version,
    items: [
      {
        nameLatin: 'Lin Hao',
        nameNative: '林浩',
        country: 'CN',
        since: addMonths(today, -10),
        status: 'active',
      },
      {
        nameLatin: 'Xu Jia',
        nameNative: '徐佳',
        country: 'CN',
        since: addMonths(today, -10),
        status: 'active',
      },
      {
        nameLatin: 'Deng Kai',
        nameNative: '邓凯',
        country: 'CN',
        since: addMonths(today, -22),
        status: 'alumni',
      },
    ],
  });
  await bases.replaceCollection(ctx, home.id, 'activities', {
    version: withTrainees.version,
    items: [
      {
        type: 'mock_competition',
        title: 'Provincial selection mock competition',
        startsOn: addDays(today, -40),
        endsOn: addDays(today, -38),
        location: 'Training base',
        participants: 8,
        summary: 'Three modules under competition conditions; marked by the expert team.',
      },
      {
        type: 'training_camp',
        title: 'Winter intensive camp',
        startsOn: addMonths(today, -3),
        endsOn: addDays(addMonths(today, -3), 20),
        location: 'Training base',
        participants: 4,
        summary: '',
      },
    ],
  });
  const inventory = await fs.readFile(path.join(SAMPLES, 'base-inventory-sample.csv'));
  await transfer.importInventory(ctx, home.id, 'replace', 'base-inventory-sample.csv', inventory);

  const joint = await bases.createBase(ctx, {
    ...common,
    kind: 'joint',
    names: {
      en: 'Tshwane Automotive Joint Training Base',
      'zh-CN': '茨瓦内汽车技术联合培训基地',
      fr: 'Base de formation conjointe automobile de Tshwane',
      ar: 'قاعدة تشواني المشتركة للتدريب في تكنولوجيا السيارات',
    },
    skillNumber: '33',
    skillName: 'Automobile Technology',
    location: 'abroad',
    siteAddress: 'Tshwane South TVET College, Centurion campus',
    country: 'ZA',
    partnerId: partnerIds.get('tshwane') ?? null,
    workstations: 6,
    establishedOn: addMonths(today, -14),
    facilities: 'Six vehicle bays with lifts, engine and diagnostics benches.',
  });
  await bases.replaceCollection(ctx, joint.id, 'activities', {
    version: joint.version,
    items: [
      {
        type: 'technical_exchange_abroad',
        title: 'Trainer exchange: EV diagnostics',
        startsOn: addMonths(today, -5),
        endsOn: addDays(addMonths(today, -5), 13),
        location: 'Tshwane, South Africa',
        participants: 12,
        summary: 'Two PRTC trainers ran a two-week course on hybrid and electric vehicle diagnostics.',
      },
    ],
  });
}
