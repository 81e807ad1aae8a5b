import type { TParticipantInput } from '../contracts/training.js';
import { addDays } from '../domain/dates/calendar-date.js';
import * as training from '../server/modules/training/training.service.js';
import type { ServiceContext } from '../server/platform/context.js';
import { todayFor } from '../server/platform/today.js';

const PARTICIPANTS: TParticipantInput[] = [
  [
    'Mohammad Rafiqul Islam',
    'মোহাম্মদ রফিকুল ইসলাম',
    'male',
    'BD',
    'Dhaka Polytechnic Institute',
    'Principal',
    'bn',
  ],
  [
    'Nasrin Akter',
    'নাসরিন আক্তার',
    'female',
    'BD',
    'Bangladesh Technical Education Board',
    'Deputy Director',
    'bn',
  ],
  [
    'Sharmin Sultana',
    'শারমিন সুলতানা',
    'female',
    'BD',
    'Chattogram Mohila Polytechnic Institute',
    'Instructor',
    'bn',
  ],
  ['Muhammad Usman Tariq', 'محمد عثمان طارق', 'male', 'PK', 'NAVTTC', 'Director (Skills Standards)', 'ur'],
  [
    'Ayesha Siddiqa',
    'عائشہ صدیقہ',
    'female',
    'PK',
    'Government College of Technology Lahore',
    'Lecturer',
    'ur',
  ],
].map(([nameLatin, nameNative, gender, country, organizationName, position, lang]) => ({
  nameLatin: nameLatin as string,
  nameNative: nameNative as string,
  gender: gender as TParticipantInput['gender'],
  country: country as string,
  organizationName: organizationName as string,
  position: position as string,
  email: `${(nameLatin as string).toLowerCase().replace(/[^a-z]+/g, '.')}@demo.example`,
  languages: [lang as string, 'en'],
  passportNumber: '',
  dateOfBirth: null,
}));

/**
 * A teacher-training programme in the Bangladesh capacity-building project, with one cohort
 * running this week: sessions, participants (one on the waiting list) and attendance so far.
 * Skipped when the demo project is absent.
 */
export async function seedDemoTraining(ctx: ServiceContext): Promise<void> {
  const project = await ctx.deps.db
    .selectFrom('projects')
    .select('id')
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('code', '=', 'BD-CB-2026')
    .executeTakeFirst();
  if (!project) {
    return;
  }
  const trainer = await ctx.deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'trainer@pearl-river-tc.example.cn')
    .executeTakeFirst();
  const programme = await training.createProgramme(ctx, {
    projectId: project.id,
    title: {
      en: 'Smart Manufacturing Teacher Workshop',
      'zh-CN': '智能制造教师研修班',
      fr: 'Atelier des enseignants en fabrication intelligente',
      ar: 'ورشة معلمي التصنيع الذكي',
    },
    description: 'PLC, robotics and industrial internet for polytechnic teachers, with enterprise visits.',
    modules: [
      { kind: 'teacher_workshop', title: { en: 'PLC didactics', 'zh-CN': 'PLC 教学法' }, hours: 20 },
      {
        kind: 'vocational_skills',
        title: { en: 'Industrial robot operation', 'zh-CN': '工业机器人操作' },
        hours: 16,
      },
      {
        kind: 'enterprise_visit',
        title: { en: 'Visit to a robot factory', 'zh-CN': '参观机器人工厂' },
        hours: 6,
      },
      { kind: 'cultural_exchange', title: { en: 'Lingnan culture', 'zh-CN': '岭南文化' }, hours: 4 },
    ],
    learningOutcomes: [
      { en: 'Design a PLC lab lesson for second-year students', 'zh-CN': '为二年级学生设计一节 PLC 实训课' },
      { en: 'Run a safe robot-cell practical', 'zh-CN': '安全组织机器人工作站实训' },
    ],
    languages: ['en', 'zh-CN'],
    interpretationNeeds: 'Chinese–English consecutive interpretation for enterprise visits',
    completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: true },
  });
  const today = todayFor(ctx);
  const cohort = await training.createCohort(ctx, programme.id, {
    name: 'Spring cohort',
    startsOn: addDays(today, -3),
    endsOn: addDays(today, 4),
    capacity: 4,
    notes: '',
  });
  const plan: [number, string, string][] = [
    [-3, 'Opening and PLC didactics I', '09:00'],
    [-2, 'PLC didactics II', '09:00'],
    [-1, 'Industrial robot operation', '14:00'],
    [1, 'Visit to a robot factory', '09:30'],
    [3, 'Post-test and closing', '09:00'],
  ];
  for (const [offset, title, time] of plan) {
    const day = addDays(today, offset);
    await training.createSession(ctx, cohort.id, {
      moduleId: null,
      title,
      startsAt: `${day}T${time}:00+08:00`,
      endsAt: `${day}T${time === '14:00' ? '17:00' : '12:00'}:00+08:00`,
      timeZone: 'Asia/Shanghai',
      venue: title.startsWith('Visit') ? 'Guangzhou robot industrial park' : 'Training Centre, Room 301',
      onlineUrl: '',
      trainerUserId: trainer?.id ?? null,
      language: 'en',
      interpreter: title.startsWith('Visit') ? 'Zh–En consecutive' : '',
    });
  }
  const enrolments = [];
  for (const p of PARTICIPANTS) {
    enrolments.push(await training.enrol(ctx, cohort.id, { participant: p, status: 'confirmed' }));
  }
  const sessions = (await training.getCohort(ctx, cohort.id)).sessions.slice(0, 3);
  const seated = enrolments.filter((e) => e.waitlistPosition === null);
  for (const [i, s] of sessions.entries()) {
    await training.markAttendance(
      ctx,
      s.id,
      seated.map((e, j) => ({ enrolmentId: e.id, mark: i === 2 && j === 1 ? 'excused' : 'present' })),
    );
  }
}
