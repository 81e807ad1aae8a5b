import type { SurveyLevel, TQuestionInput, TSurveyInput } from '../../../contracts/surveys.js';

type L = Record<'en' | 'zh-CN' | 'fr' | 'ar', string>;

const AGREE: TQuestionInput['type'] = 'likert5';

function likert(text: L, scaleKey: string, reverseCoded = false): TQuestionInput {
  return { type: AGREE, text, scaleKey, reverseCoded, required: true };
}

const L1_QUESTIONS: TQuestionInput[] = [
  likert(
    {
      en: 'The training was relevant to my work.',
      'zh-CN': '培训内容与我的工作相关。',
      fr: 'La formation était utile pour mon travail.',
      ar: 'كان التدريب وثيق الصلة بعملي.',
    },
    'reaction',
  ),
  likert(
    {
      en: 'The trainers explained the content clearly.',
      'zh-CN': '培训师讲解清楚。',
      fr: 'Les formateurs ont expliqué le contenu clairement.',
      ar: 'شرح المدربون المحتوى بوضوح.',
    },
    'reaction',
  ),
  likert(
    {
      en: 'I am confident I can use what I learned.',
      'zh-CN': '我有信心运用所学内容。',
      fr: "Je suis capable d'utiliser ce que j'ai appris.",
      ar: 'أنا واثق من قدرتي على استخدام ما تعلمته.',
    },
    'reaction',
  ),
  likert(
    {
      en: 'The pace of the training was too hard to follow.',
      'zh-CN': '培训节奏太快，难以跟上。',
      fr: 'Le rythme de la formation était trop difficile à suivre.',
      ar: 'كانت وتيرة التدريب صعبة المتابعة.',
    },
    'reaction',
    true,
  ),
  {
    type: 'nps',
    text: {
      en: 'How likely are you to recommend this training to a colleague?',
      'zh-CN': '您向同事推荐本次培训的可能性有多大？',
      fr: 'Quelle est la probabilité que vous recommandiez cette formation à un collègue ?',
      ar: 'ما مدى احتمال أن توصي زميلًا بهذا التدريب؟',
    },
    required: true,
  },
  {
    type: 'text',
    text: {
      en: 'What should we improve?',
      'zh-CN': '我们应该改进哪些方面？',
      fr: 'Que devrions-nous améliorer ?',
      ar: 'ما الذي ينبغي أن نحسّنه؟',
    },
    required: false,
  },
];

/** Two scored items showing both kinds; the trainer writes the real test in their place. */
const L2_QUESTIONS: TQuestionInput[] = [
  {
    type: 'single',
    scored: true,
    text: {
      en: 'Question 1: write the question (one correct answer).',
      'zh-CN': '第 1 题：请填写题目（单选）。',
      fr: 'Question 1 : rédigez la question (une seule bonne réponse).',
      ar: 'السؤال 1: اكتب السؤال (إجابة صحيحة واحدة).',
    },
    options: [
      { key: 'a', label: { en: 'Answer A', 'zh-CN': '选项 A', fr: 'Réponse A', ar: 'الإجابة أ' } },
      { key: 'b', label: { en: 'Answer B', 'zh-CN': '选项 B', fr: 'Réponse B', ar: 'الإجابة ب' } },
      { key: 'c', label: { en: 'Answer C', 'zh-CN': '选项 C', fr: 'Réponse C', ar: 'الإجابة ج' } },
    ],
    correct: ['a'],
    points: 1,
    required: true,
  },
  {
    type: 'multiple',
    scored: true,
    text: {
      en: 'Question 2: write the question (tick every correct answer).',
      'zh-CN': '第 2 题：请填写题目（多选）。',
      fr: 'Question 2 : rédigez la question (cochez toutes les bonnes réponses).',
      ar: 'السؤال 2: اكتب السؤال (اختر كل الإجابات الصحيحة).',
    },
    options: [
      { key: 'a', label: { en: 'Answer A', 'zh-CN': '选项 A', fr: 'Réponse A', ar: 'الإجابة أ' } },
      { key: 'b', label: { en: 'Answer B', 'zh-CN': '选项 B', fr: 'Réponse B', ar: 'الإجابة ب' } },
      { key: 'c', label: { en: 'Answer C', 'zh-CN': '选项 C', fr: 'Réponse C', ar: 'الإجابة ج' } },
    ],
    correct: ['a', 'c'],
    points: 1,
    required: true,
  },
];

const L3_QUESTIONS: TQuestionInput[] = [
  {
    type: 'single',
    purpose: 'application',
    text: {
      en: 'Have you applied what you learned in the training in your work?',
      'zh-CN': '您是否已在工作中应用培训所学？',
      fr: 'Avez-vous appliqué dans votre travail ce que vous avez appris ?',
      ar: 'هل طبّقت ما تعلمته في التدريب في عملك؟',
    },
    options: [
      {
        key: 'yes',
        label: {
          en: 'Yes, regularly',
          'zh-CN': '是，经常应用',
          fr: 'Oui, régulièrement',
          ar: 'نعم، بانتظام',
        },
      },
      { key: 'partly', label: { en: 'Yes, partly', 'zh-CN': '部分应用', fr: 'En partie', ar: 'جزئيًا' } },
      { key: 'no', label: { en: 'Not yet', 'zh-CN': '尚未应用', fr: 'Pas encore', ar: 'ليس بعد' } },
    ],
    applied: ['yes', 'partly'],
    required: true,
  },
  {
    type: 'multiple',
    text: {
      en: 'Where have you applied it?',
      'zh-CN': '您在哪些方面应用了所学？',
      fr: "Où l'avez-vous appliqué ?",
      ar: 'أين طبّقته؟',
    },
    options: [
      {
        key: 'teaching',
        label: { en: 'My teaching', 'zh-CN': '课堂教学', fr: 'Mon enseignement', ar: 'تدريسي' },
      },
      {
        key: 'curriculum',
        label: {
          en: 'Curriculum or course design',
          'zh-CN': '课程设计',
          fr: 'Conception de cours',
          ar: 'تصميم المناهج',
        },
      },
      {
        key: 'workshop',
        label: {
          en: 'Workshop or lab',
          'zh-CN': '实训室',
          fr: 'Atelier ou laboratoire',
          ar: 'الورشة أو المختبر',
        },
      },
      {
        key: 'colleagues',
        label: {
          en: 'Training colleagues',
          'zh-CN': '培训同事',
          fr: 'Formation de collègues',
          ar: 'تدريب الزملاء',
        },
      },
    ],
    required: false,
  },
  likert(
    {
      en: 'My institution supported me in applying what I learned.',
      'zh-CN': '我所在单位支持我应用所学。',
      fr: "Mon établissement m'a soutenu pour appliquer ce que j'ai appris.",
      ar: 'دعمتني مؤسستي في تطبيق ما تعلمته.',
    },
    'drivers',
  ),
  likert(
    {
      en: 'I had the equipment and time to apply it.',
      'zh-CN': '我有足够的设备和时间来应用。',
      fr: "J'ai eu l'équipement et le temps pour l'appliquer.",
      ar: 'توفرت لدي المعدات والوقت لتطبيقه.',
    },
    'drivers',
  ),
  {
    type: 'text',
    text: {
      en: 'Describe one example of how you applied it.',
      'zh-CN': '请举一个您应用所学的例子。',
      fr: "Décrivez un exemple d'application.",
      ar: 'صف مثالًا واحدًا على كيفية تطبيقه.',
    },
    required: false,
  },
];

function l4Questions(currency: string): TQuestionInput[] {
  return [
    {
      type: 'number',
      purpose: 'benefit',
      currency,
      minValue: 0,
      text: {
        en: `Estimated monetary benefit for your institution in the last 12 months that comes from the training (${currency})`,
        'zh-CN': `过去 12 个月中培训为您单位带来的估计经济收益（${currency}）`,
        fr: `Bénéfice monétaire estimé pour votre établissement sur les 12 derniers mois grâce à la formation (${currency})`,
        ar: `الفائدة المالية التقديرية لمؤسستك خلال الأشهر الـ 12 الماضية الناتجة عن التدريب (${currency})`,
      },
      help: {
        en: 'Savings or income you can attribute to the training, after other causes are taken out.',
        'zh-CN': '扣除其他因素后可归因于培训的节省或收入。',
        fr: 'Économies ou recettes attribuables à la formation, une fois les autres causes écartées.',
        ar: 'الوفورات أو الإيرادات التي يمكن نسبتها إلى التدريب بعد استبعاد الأسباب الأخرى.',
      },
      required: true,
    },
    {
      type: 'number',
      minValue: 0,
      text: {
        en: 'How many students have been taught with what you learned?',
        'zh-CN': '已有多少名学生受益于您所学的内容？',
        fr: "Combien d'élèves ont été formés avec ce que vous avez appris ?",
        ar: 'كم عدد الطلاب الذين دُرّسوا بما تعلمته؟',
      },
      required: false,
    },
    {
      type: 'text',
      text: {
        en: 'Which results for your institution do you see?',
        'zh-CN': '您看到了哪些对单位的成效？',
        fr: 'Quels résultats constatez-vous pour votre établissement ?',
        ar: 'ما النتائج التي تراها لمؤسستك؟',
      },
      required: false,
    },
  ];
}

const TITLES: Record<SurveyLevel, L> = {
  L1: {
    en: 'Your opinion of the training',
    'zh-CN': '培训满意度调查',
    fr: 'Votre avis sur la formation',
    ar: 'رأيك في التدريب',
  },
  L2: {
    en: 'Knowledge test',
    'zh-CN': '知识测试',
    fr: 'Test de connaissances',
    ar: 'اختبار المعرفة',
  },
  L3: {
    en: 'Applying what you learned: follow-up',
    'zh-CN': '培训成果应用跟踪调查',
    fr: "Suivi : l'application de ce que vous avez appris",
    ar: 'متابعة: تطبيق ما تعلمته',
  },
  L4: {
    en: 'Results for your institution',
    'zh-CN': '培训对单位的成效',
    fr: 'Résultats pour votre établissement',
    ar: 'النتائج لمؤسستك',
  },
};

const INTROS: Record<SurveyLevel, L> = {
  L1: {
    en: 'It takes about three minutes. Your answers help us improve the next cohorts.',
    'zh-CN': '约需三分钟。您的回答将帮助我们改进后续培训。',
    fr: 'Cela prend environ trois minutes. Vos réponses nous aident à améliorer les prochaines sessions.',
    ar: 'يستغرق ذلك نحو ثلاث دقائق. تساعدنا إجاباتك على تحسين الدورات القادمة.',
  },
  L2: {
    en: 'Answer every question as well as you can; the test is the same before and after the training.',
    'zh-CN': '请尽力回答每道题；培训前后使用同一份测试。',
    fr: 'Répondez au mieux à chaque question ; le test est le même avant et après la formation.',
    ar: 'أجب عن كل سؤال قدر استطاعتك؛ الاختبار نفسه قبل التدريب وبعده.',
  },
  L3: {
    en: 'A few months after the training, we would like to know what you have been able to apply.',
    'zh-CN': '培训结束数月后，我们想了解您应用所学的情况。',
    fr: 'Quelques mois après la formation, nous aimerions savoir ce que vous avez pu appliquer.',
    ar: 'بعد بضعة أشهر من التدريب، نود أن نعرف ما تمكنت من تطبيقه.',
  },
  L4: {
    en: 'Please estimate the results for your institution as carefully as you can.',
    'zh-CN': '请尽可能审慎地估计对您单位的成效。',
    fr: 'Estimez aussi soigneusement que possible les résultats pour votre établissement.',
    ar: 'يرجى تقدير النتائج لمؤسستك بأكبر قدر من الدقة.',
  },
};

/** The default follow-up of an L1 or L2 survey: L3, 90 days after the cohort ends (§4: 3–6 months). */
export const DEFAULT_FOLLOW_UP_DAYS = 90;

/**
 * A ready-to-edit survey for a Kirkpatrick level: L1 reaction (Likert scale with a reverse-coded
 * item, NPS, improvement text), L2 knowledge pre-test (scored items), L3 behaviour follow-up
 * (application question, drivers scale, example), L4 results (monetary benefit in `currency`).
 */
export function surveyTemplate(
  level: SurveyLevel,
  opts: {
    projectId?: string | null;
    cohortId?: string | null;
    currency?: string;
    defaultLocale?: string;
  } = {},
): TSurveyInput {
  const questions =
    level === 'L1'
      ? L1_QUESTIONS
      : level === 'L2'
        ? L2_QUESTIONS
        : level === 'L3'
          ? L3_QUESTIONS
          : l4Questions(opts.currency ?? 'CNY');
  return {
    projectId: opts.projectId ?? null,
    cohortId: opts.cohortId ?? null,
    level,
    testPhase: level === 'L2' ? 'pre' : null,
    preTestId: null,
    title: { ...TITLES[level] },
    intro: { ...INTROS[level] },
    defaultLocale: (opts.defaultLocale ?? 'en') as TSurveyInput['defaultLocale'],
    anonymous: level === 'L1',
    opensOn: null,
    closesOn: null,
    followUpDays: level === 'L1' && opts.cohortId ? DEFAULT_FOLLOW_UP_DAYS : null,
    questions: questions.map((q) => structuredClone(q)),
  };
}
