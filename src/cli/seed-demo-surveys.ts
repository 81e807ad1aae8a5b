import { type TQuestionInput, ZSurveyInput } from '../contracts/surveys.js';
import type { TParticipantInput } from '../contracts/training.js';
import { addDays } from '../domain/dates/calendar-date.js';
import { surveyTemplate } from '../server/modules/surveys/survey-templates.js';
import { issueLinkToken } from '../server/modules/surveys/surveys.invitations.js';
import { submitResponse } from '../server/modules/surveys/surveys.public.js';
import * as surveys from '../server/modules/surveys/surveys.service.js';
import * as training from '../server/modules/training/training.service.js';
import type { ServiceContext } from '../server/platform/context.js';
import { newId } from '../server/platform/ids.js';
import { todayFor } from '../server/platform/today.js';

/** A small deterministic generator (mulberry32), so the demo figures are the same every time. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE: [string, string, TParticipantInput['gender'], string, string][] = [
  ['Abdul Karim', 'আব্দুল করিম', 'male', 'BD', 'bn'],
  ['Farhana Yasmin', 'ফারহানা ইয়াসমিন', 'female', 'BD', 'bn'],
  ['Tanvir Hasan', 'তানভীর হাসান', 'male', 'BD', 'bn'],
  ['Rumana Akter', 'রুমানা আক্তার', 'female', 'BD', 'bn'],
  ['Mahmudul Haque', 'মাহমুদুল হক', 'male', 'BD', 'bn'],
  ['Shirin Sultana', 'শিরিন সুলতানা', 'female', 'BD', 'bn'],
  ['Imran Hossain', 'ইমরান হোসেন', 'male', 'BD', 'bn'],
  ['Nusrat Jahan', 'নুসরাত জাহান', 'female', 'BD', 'bn'],
  ['Bilal Ahmed', 'بلال احمد', 'male', 'PK', 'ur'],
  ['Sana Riaz', 'ثنا ریاض', 'female', 'PK', 'ur'],
  ['Usman Ghani', 'عثمان غنی', 'male', 'PK', 'ur'],
  ['Hina Batool', 'حنا بتول', 'female', 'PK', 'ur'],
  ['Kamran Shah', 'کامران شاہ', 'male', 'PK', 'ur'],
  ['Zainab Qureshi', 'زینب قریشی', 'female', 'PK', 'ur'],
  ['Moussa Diop', '', 'male', 'SN', 'fr'],
  ['Awa Ndiaye', '', 'female', 'SN', 'fr'],
  ['Ibrahima Fall', '', 'male', 'SN', 'fr'],
  ['Fatou Sarr', '', 'female', 'SN', 'fr'],
  ['Youssef Benali', 'يوسف بن علي', 'male', 'MA', 'ar'],
  ['Salma El Idrissi', 'سلمى الإدريسي', 'female', 'MA', 'ar'],
  ['Karim Tazi', 'كريم التازي', 'male', 'MA', 'ar'],
  ['Nadia Bennani', 'نادية بناني', 'female', 'MA', 'ar'],
  ['Omar Haddad', 'عمر حداد', 'male', 'EG', 'ar'],
  ['Mona Saleh', 'منى صالح', 'female', 'EG', 'ar'],
  ['Ahmed Fathy', 'أحمد فتحي', 'male', 'EG', 'ar'],
  ['Peter Otieno', '', 'male', 'KE', 'en'],
  ['Grace Wanjiru', '', 'female', 'KE', 'en'],
  ['Daniel Kiprop', '', 'male', 'KE', 'en'],
  ['Mercy Achieng', '', 'female', 'KE', 'en'],
  ['Samuel Mwangi', '', 'male', 'KE', 'en'],
  ['Esther Nyambura', '', 'female', 'KE', 'en'],
  ['John Mutua', '', 'male', 'KE', 'en'],
  ['Lydia Chebet', '', 'female', 'KE', 'en'],
  ['Joseph Kamau', '', 'male', 'KE', 'en'],
];

const q = (
  text: Record<string, string>,
  options: [string, Record<string, string>][],
  correct: string,
): TQuestionInput => ({
  type: 'single',
  scored: true,
  text,
  options: options.map(([key, label]) => ({ key, label })),
  correct: [correct],
  required: true,
});

/** A real PLC / robot-cell knowledge test for the workshop (pre and post). */
const TEST: TQuestionInput[] = [
  q(
    {
      en: 'Which PLC language is graphical and based on relay circuits?',
      'zh-CN': '哪种 PLC 语言是图形化的、基于继电器电路？',
    },
    [
      ['a', { en: 'Ladder diagram (LD)', 'zh-CN': '梯形图（LD）' }],
      ['b', { en: 'Structured text (ST)', 'zh-CN': '结构化文本（ST）' }],
      ['c', { en: 'Instruction list (IL)', 'zh-CN': '指令表（IL）' }],
    ],
    'a',
  ),
  q(
    { en: 'What does a PLC scan cycle do first?', 'zh-CN': 'PLC 扫描周期首先做什么？' },
    [
      ['a', { en: 'Writes the outputs', 'zh-CN': '写输出' }],
      ['b', { en: 'Reads the inputs', 'zh-CN': '读输入' }],
      ['c', { en: 'Runs diagnostics only', 'zh-CN': '仅运行诊断' }],
    ],
    'b',
  ),
  q(
    { en: 'Which standard defines the PLC programming languages?', 'zh-CN': '哪项标准规定了 PLC 编程语言？' },
    [
      ['a', { en: 'ISO 9001', 'zh-CN': 'ISO 9001' }],
      ['b', { en: 'IEC 61131-3', 'zh-CN': 'IEC 61131-3' }],
      ['c', { en: 'IEEE 802.3', 'zh-CN': 'IEEE 802.3' }],
    ],
    'b',
  ),
  q(
    { en: 'Before entering a robot cell, the operator must…', 'zh-CN': '进入机器人工作站之前，操作员必须……' },
    [
      ['a', { en: 'Lock out the robot and keep the key', 'zh-CN': '上锁挂牌并保管钥匙' }],
      ['b', { en: 'Reduce the speed to 50 %', 'zh-CN': '把速度降到 50%' }],
      ['c', { en: 'Ask a colleague to watch', 'zh-CN': '请同事在旁看护' }],
    ],
    'a',
  ),
  q(
    {
      en: 'A normally open contact in ladder logic is true when…',
      'zh-CN': '梯形图中的常开触点在何时为真？',
    },
    [
      ['a', { en: 'Its input is off', 'zh-CN': '输入断开时' }],
      ['b', { en: 'Its input is on', 'zh-CN': '输入接通时' }],
      ['c', { en: 'The PLC is in STOP', 'zh-CN': 'PLC 处于停止状态时' }],
    ],
    'b',
  ),
  q(
    {
      en: 'Which robot coordinate system moves along the tool direction?',
      'zh-CN': '哪种机器人坐标系沿工具方向运动？',
    },
    [
      ['a', { en: 'World', 'zh-CN': '世界坐标系' }],
      ['b', { en: 'Joint', 'zh-CN': '关节坐标系' }],
      ['c', { en: 'Tool', 'zh-CN': '工具坐标系' }],
    ],
    'c',
  ),
];

/**
 * Opens a survey, gives each participant an invitation and a personal link, and answers through
 * the same path as the public answer page (so anonymity and validation rules hold in the demo).
 */
async function answer(
  ctx: ServiceContext,
  surveyId: string,
  participants: { id: string; locale: string }[],
  sheet: (
    index: number,
  ) => { questionId: string; number?: number; text?: string; choices?: string[] }[] | null,
) {
  const now = ctx.deps.clock.now().toISOString();
  const tokens: (string | null)[] = [];
  await ctx.deps.db.transaction().execute(async (trx) => {
    for (const [i, p] of participants.entries()) {
      const id = newId();
      await trx
        .insertInto('surveyInvitations')
        .values({
          id,
          organizationId: ctx.actor.organizationId,
          surveyId,
          participantId: p.id,
          locale: p.locale,
          sentAt: now,
          reminderCount: 0,
          lastRemindedAt: null,
          respondedOn: null,
          createdAt: now,
          createdBy: ctx.actor.userId,
        })
        .execute();
      tokens[i] = await issueLinkToken(ctx.deps, trx, ctx.actor.organizationId, id);
    }
  });
  for (const [i, token] of tokens.entries()) {
    const answers = sheet(i);
    if (token && answers) {
      await submitResponse(ctx.deps, token, { locale: (participants[i]?.locale ?? 'en') as 'en', answers });
    }
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/**
 * A past cohort of the teacher workshop with 34 participants, an anonymous L1 reaction survey
 * (31 answers: NPS, a 4-item scale with a reverse-coded item) and an L2 PLC knowledge test before
 * and after (matched by participant: Hake gain). The L1 survey asks for an L3 follow-up 90 days
 * after the cohort, which the daily job creates on the first run. Skipped without the programme.
 */
export async function seedDemoSurveys(ctx: ServiceContext): Promise<void> {
  const programme = await ctx.deps.db
    .selectFrom('trainingProgrammes as p')
    .innerJoin('projects as j', 'j.id', 'p.projectId')
    .select(['p.id'])
    .where('p.organizationId', '=', ctx.actor.organizationId)
    .where('j.code', '=', 'BD-CB-2026')
    .orderBy('p.createdAt')
    .executeTakeFirst();
  if (!programme) {
    return;
  }
  const today = todayFor(ctx);
  const cohort = await training.createCohort(ctx, programme.id, {
    name: 'Autumn cohort',
    startsOn: addDays(today, -124),
    endsOn: addDays(today, -112),
    capacity: 40,
    notes: 'Past cohort with reaction and knowledge-test surveys (demo).',
  });
  const participants: { id: string; locale: string }[] = [];
  for (const [nameLatin, nameNative, gender, country, lang] of PEOPLE) {
    const e = await training.enrol(ctx, cohort.id, {
      participant: {
        nameLatin,
        nameNative,
        gender,
        country,
        organizationName: '',
        position: 'Teacher',
        email: `${nameLatin.toLowerCase().replace(/[^a-z]+/g, '.')}@alumni.example`,
        languages: [lang, 'en'],
        passportNumber: '',
        dateOfBirth: null,
      },
      status: 'confirmed',
    });
    const locale = ['fr', 'ar'].includes(lang) ? lang : 'en';
    participants.push({ id: e.participant.id, locale });
  }
  const rand = random(20251104);

  // L1 reaction: anonymous, a latent satisfaction drives the four items and the NPS.
  const l1 = await surveys.createSurvey(
    ctx,
    ZSurveyInput.parse({
      ...surveyTemplate('L1', { cohortId: cohort.id, defaultLocale: 'en' }),
      followUpDays: 90,
    }),
  );
  const opened = await surveys.setSurveyStatus(ctx, l1.id, { version: l1.version, status: 'open' });
  const [relevant, clear, confident, pace, nps, improve] = l1.questions.map((x) => x.id);
  const comments = [
    'More hands-on time with the robot cell, please.',
    'Plus de temps en atelier.',
    'المزيد من التدريب العملي على وحدات PLC.',
    'Interpretation during the factory visit was excellent.',
  ];
  await answer(ctx, l1.id, participants, (i) => {
    if (i >= 31) {
      return null;
    }
    const s = 3.2 + rand() * 1.8;
    const item = () => clamp(s + (rand() - 0.5) * 1.6, 1, 5);
    return [
      { questionId: relevant as string, number: item() },
      { questionId: clear as string, number: item() },
      { questionId: confident as string, number: item() },
      { questionId: pace as string, number: 6 - item() },
      { questionId: nps as string, number: clamp(s * 2 - 0.5 + (rand() - 0.5) * 2.5, 0, 10) },
      ...(i % 7 === 0
        ? [{ questionId: improve as string, text: comments[(i / 7) % comments.length] as string }]
        : []),
    ];
  });
  await surveys.setSurveyStatus(ctx, l1.id, { version: opened.version, status: 'closed' });

  // L2 knowledge test before and after: ability raises the chance of a right answer; the workshop adds to it.
  const testBody = (phase: 'pre' | 'post', preTestId: string | null) =>
    ZSurveyInput.parse({
      cohortId: cohort.id,
      level: 'L2',
      testPhase: phase,
      preTestId,
      title:
        phase === 'pre'
          ? { en: 'PLC and robot cell: test before the workshop', 'zh-CN': 'PLC 与机器人工作站：培训前测' }
          : { en: 'PLC and robot cell: test after the workshop', 'zh-CN': 'PLC 与机器人工作站：培训后测' },
      intro: surveyTemplate('L2').intro,
      anonymous: false,
      questions: TEST,
    });
  const pre = await surveys.createSurvey(ctx, testBody('pre', null));
  const post = await surveys.createSurvey(ctx, testBody('post', pre.id));
  const ability = participants.map(() => rand());
  for (const [survey, phase] of [
    [pre, 'pre'],
    [post, 'post'],
  ] as const) {
    const o = await surveys.setSurveyStatus(ctx, survey.id, { version: survey.version, status: 'open' });
    await answer(ctx, survey.id, participants, (i) => {
      if ((phase === 'pre' && i === 33) || (phase === 'post' && i >= 32)) {
        return null;
      }
      const a = ability[i] ?? 0.5;
      const chance = phase === 'pre' ? 0.2 + 0.45 * a : 0.55 + 0.4 * a;
      return survey.questions.map((x, k) => {
        const right = TEST[k]?.correct?.[0] ?? 'a';
        const wrong = right === 'a' ? 'b' : 'a';
        return { questionId: x.id, choices: [rand() < chance ? right : wrong] };
      });
    });
    await surveys.setSurveyStatus(ctx, survey.id, { version: o.version, status: 'closed' });
  }
}
