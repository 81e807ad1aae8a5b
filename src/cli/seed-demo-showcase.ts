import * as resources from '../server/modules/library/resources.service.js';
import * as showcase from '../server/modules/showcase/showcase.service.js';
import type { ServiceContext } from '../server/platform/context.js';

/** The demo projects the college shows publicly; the sub-project cohort stays internal. */
const PUBLIC_PROJECTS = ['BD-CB-2026', 'ZA-JTB-AUTO', 'EA-TTC'];

/**
 * The demo college's public showcase at /showcase/pearl-river-tc: three public projects (with their
 * partners on the map), the figures the college chose, one public library resource beside an
 * internal one, and the competition with published results. Runs after projects, training and
 * competitions are seeded.
 */
export async function seedDemoShowcase(ctx: ServiceContext): Promise<void> {
  const projects = await showcase.listShowcaseProjects(ctx);
  for (const p of projects.data.filter((x) => PUBLIC_PROJECTS.includes(x.code))) {
    await showcase.setProjectPublic(ctx, p.id, { public: true, version: p.version });
  }

  const curriculum = await resources.createResource(ctx, {
    kind: 'curriculum',
    title: {
      en: 'Industrial Robot Operation and Maintenance — Curriculum',
      'zh-CN': '工业机器人操作与运维课程标准',
      fr: 'Exploitation et maintenance des robots industriels — Programme',
      ar: 'تشغيل الروبوتات الصناعية وصيانتها — المنهج',
    },
    description:
      'A 480-hour modular curriculum shared with partner colleges in Africa and South Asia, with learning outcomes aligned to the WorldSkills Mechatronics standard.',
    subject: 'Industrial robotics',
    tags: ['robotics', 'mechatronics'],
  });
  await resources.createResourceVersion(ctx, curriculum.id, {
    label: '2.1',
    changelog: 'Updated safety module and assessment tasks.',
    publishedOn: '2026-02-15',
  });
  const current = await showcase.listShowcaseResources(ctx);
  const version = current.data.find((r) => r.id === curriculum.id)?.version ?? curriculum.version;
  await showcase.setResourcePublic(ctx, curriculum.id, { public: true, version });
  // An internal resource beside it: never on the public page.
  await resources.createResource(ctx, {
    kind: 'course_material',
    title: { en: 'Welding assessment item bank (internal)', 'zh-CN': '焊接考核题库（内部）' },
    description: 'Assessment items for internal examinations.',
    subject: 'Welding',
    tags: [],
  });

  await showcase.saveShowcaseSettings(ctx, {
    version: 0,
    data: {
      enabled: true,
      slug: 'pearl-river-tc',
      names: {
        en: 'Guangzhou Pearl River Technician College',
        'zh-CN': '广州珠江技师学院',
        fr: 'Collège technique de la rivière des Perles de Guangzhou',
        ar: 'كلية اللؤلؤ التقنية في قوانغتشو',
      },
      intro: {
        en: 'We train technicians and teachers with partner colleges in Asia and Africa: joint training bases, teacher programmes and skills competitions built on WorldSkills standards.',
        'zh-CN':
          '我们与亚洲和非洲的合作院校共同培养技术技能人才和职业教育师资：共建海外培训基地，开展师资培训，并按照世界技能大赛标准举办技能竞赛。',
        fr: 'Nous formons des techniciens et des enseignants avec des établissements partenaires en Asie et en Afrique : bases de formation conjointes, programmes pour enseignants et concours de métiers fondés sur les normes WorldSkills.',
        ar: 'ندرّب الفنيين والمعلمين مع كليات شريكة في آسيا وأفريقيا: قواعد تدريب مشتركة، وبرامج للمعلمين، ومسابقات مهارات مبنية على معايير WorldSkills.',
      },
      sections: ['figures', 'projects', 'partners', 'competitions', 'resources'],
      // Counts that are still zero in the demo (trained, certificates, mobilities) are left unticked,
      // as a college would.
      figures: ['projects', 'partner_countries', 'medals'],
      contactEmail: 'international@pearl-river-tc.example.cn',
    },
  });
}
