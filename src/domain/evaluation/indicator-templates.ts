/**
 * Indicator templates for the usual kinds of a college's international work (issue 5, "Indicator
 * templates"), shaped as §2.2 indicators with IATI result types and measures (§3.2 rows 19–19a).
 * Each says which platform figure can feed its actuals (`source`), or null when they are entered
 * by hand. Texts are given in every supported language (en, zh-CN, fr, ar).
 */
import type { Locale, LocalizedText } from '../../contracts/common.js';
import type {
  Indicator,
  IndicatorMeasure,
  IndicatorSource,
  PeriodAggregation,
  ResultType,
} from './results-framework.js';

/** The texts of a template in every supported locale. */
export type TemplateText = Readonly<Record<Locale, string>>;

export interface IndicatorTemplate {
  key: string;
  resultType: ResultType;
  measure: IndicatorMeasure;
  ascending: boolean;
  aggregation: PeriodAggregation;
  title: TemplateText;
  unitLabel: TemplateText | null;
  definition: TemplateText;
  meansOfVerification: TemplateText;
  /** Suggested disaggregations (name and values). */
  disaggregations: readonly { name: string; values: readonly string[] }[];
  source: IndicatorSource | null;
}

const SEX = { name: 'sex', values: ['female', 'male'] } as const;
const COUNTRY = { name: 'country', values: [] as readonly string[] };

export const INDICATOR_TEMPLATES = [
  {
    key: 'participants_trained',
    resultType: 'output',
    measure: 'unit',
    ascending: true,
    aggregation: 'sum',
    title: {
      en: 'Participants trained',
      'zh-CN': '培训学员人数',
      fr: 'Participants formés',
      ar: 'عدد المشاركين المدرَّبين',
    },
    unitLabel: { en: 'participants', 'zh-CN': '人', fr: 'participants', ar: 'مشاركون' },
    definition: {
      en: 'Number of participants who completed a training programme of the project in the period, meeting its completion rule (attendance and post-test).',
      'zh-CN': '报告期内完成本项目培训课程并达到结业要求（出勤率和结业测试）的学员人数。',
      fr: 'Nombre de participants ayant achevé une formation du projet pendant la période en remplissant ses conditions de réussite (assiduité et test final).',
      ar: 'عدد المشاركين الذين أتمّوا برنامجًا تدريبيًا للمشروع خلال الفترة مستوفين شروط الإتمام (الحضور والاختبار البعدي).',
    },
    meansOfVerification: {
      en: 'Enrolment and attendance records and post-test results on the platform.',
      'zh-CN': '平台上的报名与考勤记录及结业测试成绩。',
      fr: "Registres d'inscription et de présence, et résultats du test final sur la plateforme.",
      ar: 'سجلات التسجيل والحضور ونتائج الاختبار البعدي على المنصة.',
    },
    disaggregations: [SEX, COUNTRY],
    source: 'training.completed_participants',
  },
  {
    key: 'teachers_trained',
    resultType: 'output',
    measure: 'unit',
    ascending: true,
    aggregation: 'sum',
    title: {
      en: 'Teachers trained and certified',
      'zh-CN': '培训并认证的教师人数',
      fr: 'Enseignants formés et certifiés',
      ar: 'عدد المعلمين المدرَّبين والحاصلين على شهادة',
    },
    unitLabel: { en: 'teachers', 'zh-CN': '人', fr: 'enseignants', ar: 'معلمون' },
    definition: {
      en: 'Number of TVET teachers from partner institutions who completed a teacher-training programme and received its certificate in the period.',
      'zh-CN': '报告期内完成师资培训课程并获得证书的合作院校职业教育教师人数。',
      fr: "Nombre d'enseignants de l'EFTP des établissements partenaires ayant achevé une formation de formateurs et reçu son certificat pendant la période.",
      ar: 'عدد معلمي التعليم والتدريب التقني والمهني من المؤسسات الشريكة الذين أتمّوا برنامج تدريب المعلمين وحصلوا على شهادته خلال الفترة.',
    },
    meansOfVerification: {
      en: 'Certificates issued on the platform (verifiable Open Badges).',
      'zh-CN': '平台签发的证书（可验证的开放徽章）。',
      fr: 'Certificats délivrés sur la plateforme (Open Badges vérifiables).',
      ar: 'الشهادات الصادرة على المنصة (شارات مفتوحة قابلة للتحقق).',
    },
    disaggregations: [SEX, COUNTRY],
    source: 'certificates.issued',
  },
  {
    key: 'partner_colleges_reached',
    resultType: 'output',
    measure: 'unit',
    ascending: true,
    aggregation: 'level',
    title: {
      en: 'Partner colleges reached',
      'zh-CN': '覆盖的合作院校数',
      fr: 'Établissements partenaires touchés',
      ar: 'عدد الكليات الشريكة المستفيدة',
    },
    unitLabel: { en: 'colleges', 'zh-CN': '所', fr: 'établissements', ar: 'كليات' },
    definition: {
      en: 'Cumulative number of distinct foreign colleges and training institutions that sent participants, hosted activities or signed an agreement under the project.',
      'zh-CN': '项目累计覆盖的不同境外院校和培训机构数量（派出学员、承办活动或签署协议）。',
      fr: "Nombre cumulé d'établissements étrangers distincts ayant envoyé des participants, accueilli des activités ou signé un accord dans le cadre du projet.",
      ar: 'العدد التراكمي للكليات ومؤسسات التدريب الأجنبية المختلفة التي أوفدت مشاركين أو استضافت أنشطة أو وقّعت اتفاقية في إطار المشروع.',
    },
    meansOfVerification: {
      en: 'Partner register, agreements and participant lists.',
      'zh-CN': '合作伙伴名录、合作协议和学员名单。',
      fr: 'Registre des partenaires, accords et listes de participants.',
      ar: 'سجل الشركاء والاتفاقيات وقوائم المشاركين.',
    },
    disaggregations: [COUNTRY],
    source: null,
  },
  {
    key: 'standards_adopted_abroad',
    resultType: 'outcome',
    measure: 'unit',
    ascending: true,
    aggregation: 'level',
    title: {
      en: 'Standards adopted abroad',
      'zh-CN': '被境外采用的标准数',
      fr: "Normes adoptées à l'étranger",
      ar: 'عدد المعايير المعتمدة في الخارج',
    },
    unitLabel: { en: 'standards', 'zh-CN': '项', fr: 'normes', ar: 'معايير' },
    definition: {
      en: 'Cumulative number of professional, curriculum or equipment standards developed or shared by the college that a foreign institution or authority has formally adopted.',
      'zh-CN': '由本校制定或输出、并被境外院校或主管部门正式采用的专业、课程或装备标准的累计数量。',
      fr: "Nombre cumulé de normes professionnelles, de programmes ou d'équipements élaborées ou partagées par l'établissement et adoptées officiellement par une institution ou une autorité étrangère.",
      ar: 'العدد التراكمي للمعايير المهنية أو معايير المناهج أو المعدات التي طوّرتها الكلية أو شاركتها واعتمدتها رسميًا مؤسسة أو جهة أجنبية.',
    },
    meansOfVerification: {
      en: 'Adoption letters, decrees or signed curriculum documents from the foreign institution.',
      'zh-CN': '境外机构出具的采用函、文件或签署的课程文件。',
      fr: "Lettres d'adoption, arrêtés ou programmes signés par l'institution étrangère.",
      ar: 'خطابات الاعتماد أو القرارات أو وثائق المناهج الموقّعة من المؤسسة الأجنبية.',
    },
    disaggregations: [COUNTRY],
    source: null,
  },
  {
    key: 'graduates_employed_overseas',
    resultType: 'outcome',
    measure: 'unit',
    ascending: true,
    aggregation: 'sum',
    title: {
      en: 'Graduates employed overseas',
      'zh-CN': '境外就业毕业生人数',
      fr: "Diplômés employés à l'étranger",
      ar: 'عدد الخريجين العاملين في الخارج',
    },
    unitLabel: { en: 'graduates', 'zh-CN': '人', fr: 'diplômés', ar: 'خريجون' },
    definition: {
      en: 'Number of graduates of the programme placed in a job with an overseas employer in the period, counted once per person.',
      'zh-CN': '报告期内被境外用人单位录用的本项目毕业生人数，每人只计一次。',
      fr: "Nombre de diplômés du programme placés dans un emploi chez un employeur à l'étranger pendant la période, chaque personne comptée une fois.",
      ar: 'عدد خريجي البرنامج الذين التحقوا بوظيفة لدى صاحب عمل في الخارج خلال الفترة، ويُحتسب كل شخص مرة واحدة.',
    },
    meansOfVerification: {
      en: 'Placement records with employment contracts or employer confirmations.',
      'zh-CN': '就业安置记录及劳动合同或用人单位证明。',
      fr: "Dossiers de placement avec contrats de travail ou attestations d'employeurs.",
      ar: 'سجلات التوظيف مع عقود العمل أو تأكيدات أصحاب العمل.',
    },
    disaggregations: [SEX, COUNTRY],
    source: 'talent.placements',
  },
  {
    key: 'medals_won',
    resultType: 'outcome',
    measure: 'unit',
    ascending: true,
    aggregation: 'sum',
    title: {
      en: 'Medals won in skills competitions',
      'zh-CN': '技能大赛获奖牌数',
      fr: 'Médailles remportées en concours de métiers',
      ar: 'عدد الميداليات في مسابقات المهارات',
    },
    unitLabel: { en: 'medals', 'zh-CN': '枚', fr: 'médailles', ar: 'ميداليات' },
    definition: {
      en: 'Number of gold, silver and bronze medals and medallions for excellence won by competitors trained under the project in the period.',
      'zh-CN': '报告期内本项目培养的选手获得的金、银、铜牌及优胜奖数量。',
      fr: "Nombre de médailles d'or, d'argent et de bronze et de médaillons d'excellence remportés pendant la période par des candidats formés dans le cadre du projet.",
      ar: 'عدد الميداليات الذهبية والفضية والبرونزية وميداليات التميّز التي فاز بها متسابقون دُرِّبوا في إطار المشروع خلال الفترة.',
    },
    meansOfVerification: {
      en: 'Published competition results on the platform.',
      'zh-CN': '平台公布的比赛成绩。',
      fr: 'Résultats des concours publiés sur la plateforme.',
      ar: 'نتائج المسابقات المنشورة على المنصة.',
    },
    disaggregations: [SEX, { name: 'medal', values: ['gold', 'silver', 'bronze', 'medallion'] }],
    source: 'competitions.medals',
  },
  {
    key: 'exchanges_completed',
    resultType: 'output',
    measure: 'unit',
    ascending: true,
    aggregation: 'sum',
    title: {
      en: 'Exchanges completed',
      'zh-CN': '完成的交流人次',
      fr: 'Mobilités réalisées',
      ar: 'عدد التبادلات المنجزة',
    },
    unitLabel: { en: 'mobilities', 'zh-CN': '人次', fr: 'mobilités', ar: 'تبادلات' },
    definition: {
      en: 'Number of incoming and outgoing student and staff mobilities completed in the period.',
      'zh-CN': '报告期内完成的来访与出访学生及教职工交流人次。',
      fr: 'Nombre de mobilités entrantes et sortantes d’étudiants et de personnels achevées pendant la période.',
      ar: 'عدد عمليات التنقل الواردة والصادرة للطلاب والموظفين التي اكتملت خلال الفترة.',
    },
    meansOfVerification: {
      en: 'Mobility records with actual dates on the platform.',
      'zh-CN': '平台上含实际日期的交流记录。',
      fr: 'Dossiers de mobilité avec dates réelles sur la plateforme.',
      ar: 'سجلات التنقل مع التواريخ الفعلية على المنصة.',
    },
    disaggregations: [SEX, { name: 'direction', values: ['incoming', 'outgoing'] }],
    source: 'mobilities.completed',
  },
] as const satisfies readonly IndicatorTemplate[];

export type IndicatorTemplateKey = (typeof INDICATOR_TEMPLATES)[number]['key'];

export function findIndicatorTemplate(key: string): IndicatorTemplate | null {
  return INDICATOR_TEMPLATES.find((t) => t.key === key) ?? null;
}

/**
 * A new indicator from a template: its texts, measure, direction and source, with no baseline and
 * no periods yet (the project fills those in).
 */
export function indicatorFromTemplate(template: IndicatorTemplate, code: string | null = null): Indicator {
  const text = (t: TemplateText): LocalizedText => ({ ...t });
  return {
    code,
    title: text(template.title),
    definition: text(template.definition),
    measure: template.measure,
    ascending: template.ascending,
    aggregation: template.aggregation,
    unitLabel: template.unitLabel ? text(template.unitLabel) : null,
    meansOfVerification: text(template.meansOfVerification),
    disaggregations: template.disaggregations.map((d) => ({ name: d.name, values: [...d.values] })),
    references: [],
    baseline: null,
    periods: [],
    source: template.source,
    comment: null,
  };
}
