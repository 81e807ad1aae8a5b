/**
 * A starter set of occupations and skills for the college's fields, linked to ISCO-08 and, where
 * confirmed, to ESCO (European Skills, Competences, Qualifications and Occupations).
 *
 * ESCO: © European Union, https://esco.ec.europa.eu. ESCO is published by the European Commission
 * free of charge; reuse is authorised provided the source is acknowledged (Commission Decision
 * 2011/833/EU on the reuse of Commission documents; the Commission's reuse policy applies CC BY 4.0
 * to its content). This file uses ESCO concept URIs and English preferred labels only where
 * marked `uriVerified: true`; everything else is the platform team's own work (see README.md).
 *
 * `key` is what profiles and postings store: the ESCO URI when verified, otherwise a college key
 * (`college:<code>`), so no unconfirmed URI ever enters the data. When the college confirms an
 * entry's ESCO URI, it records it as the `escoUri` of the college skill (college-skills.ts) and the
 * server resolves the college key to the URI before matching.
 *
 * `iscoGroup` is the ISCO-08 unit group: of the occupation itself, or, for a skill, of the
 * occupation the college teaches it for. For unverified entries it is the team's mapping.
 */
import type { LabelSource, TaxonomyLabels } from './labels.js';

export const COLLEGE_FIELDS = [
  'mechatronics',
  'electrical_installation',
  'cnc_machining',
  'welding',
  'automotive',
  'cooking_hospitality',
  'retail_visual_merchandising',
  'web_development',
  'logistics',
  'nursing_care',
] as const;
export type CollegeField = (typeof COLLEGE_FIELDS)[number];

export interface StarterEntry {
  kind: 'occupation' | 'skill';
  key: string;
  /** The ESCO concept URI; null when not confirmed. */
  escoUri: string | null;
  /** True only when the URI and its English label were found in published ESCO data. */
  uriVerified: boolean;
  iscoGroup: string;
  field: CollegeField;
  labels: TaxonomyLabels;
}

type Texts = readonly [en: string, zh: string, fr: string, ar: string];

function labels(texts: Texts, enSource: LabelSource): TaxonomyLabels {
  const [en, zh, fr, ar] = texts;
  return {
    en: { text: en, source: enSource },
    'zh-CN': { text: zh, source: 'own' },
    fr: { text: fr, source: 'own' },
    ar: { text: ar, source: 'own' },
  };
}

/** An entry whose ESCO URI and English label were checked (README.md lists how). */
function verified(
  kind: StarterEntry['kind'],
  uri: string,
  iscoGroup: string,
  field: CollegeField,
  texts: Texts,
): StarterEntry {
  return { kind, key: uri, escoUri: uri, uriVerified: true, iscoGroup, field, labels: labels(texts, 'esco') };
}

/** An entry without a confirmed ESCO URI: a college key and the team's own labels. */
function own(
  kind: StarterEntry['kind'],
  code: string,
  iscoGroup: string,
  field: CollegeField,
  texts: Texts,
): StarterEntry {
  return {
    kind,
    key: `college:${code}`,
    escoUri: null,
    uriVerified: false,
    iscoGroup,
    field,
    labels: labels(texts, 'own'),
  };
}

const ESCO = 'http://data.europa.eu/esco/occupation/';

export const ESCO_STARTER: readonly StarterEntry[] = [
  // Mechatronics
  own('occupation', 'occ.mechatronics-technician', '3114', 'mechatronics', [
    'mechatronics engineering technician',
    '机电一体化技术员',
    'technicien en mécatronique/technicienne en mécatronique',
    'فني هندسة الميكاترونكس',
  ]),
  own('occupation', 'occ.industrial-machinery-mechanic', '7233', 'mechatronics', [
    'industrial machinery mechanic',
    '工业机械维修工',
    'mécanicien de machines industrielles/mécanicienne de machines industrielles',
    'ميكانيكي آلات صناعية',
  ]),
  own('skill', 'mech.plc-programming', '3114', 'mechatronics', [
    'program programmable logic controllers',
    'PLC 编程',
    'programmer des automates programmables',
    'برمجة وحدات التحكم المنطقية القابلة للبرمجة',
  ]),
  own('skill', 'mech.pneumatics-hydraulics', '7233', 'mechatronics', [
    'pneumatic and hydraulic systems',
    '气动与液压系统',
    'systèmes pneumatiques et hydrauliques',
    'الأنظمة الهوائية والهيدروليكية',
  ]),
  own('skill', 'mech.assemble-mechatronic-units', '3114', 'mechatronics', [
    'assemble mechatronic units',
    '装配机电一体化单元',
    'assembler des unités mécatroniques',
    'تجميع الوحدات الميكاترونية',
  ]),
  own('skill', 'mech.sensors', '3114', 'mechatronics', [
    'install and calibrate sensors',
    '安装与校准传感器',
    'installer et étalonner des capteurs',
    'تركيب أجهزة الاستشعار ومعايرتها',
  ]),
  // Electrical installation
  own('occupation', 'occ.building-electrician', '7411', 'electrical_installation', [
    'building electrician',
    '建筑电工',
    'électricien du bâtiment/électricienne du bâtiment',
    'كهربائي مبانٍ',
  ]),
  own('occupation', 'occ.industrial-electrician', '7411', 'electrical_installation', [
    'industrial electrician',
    '工业电工',
    'électricien industriel/électricienne industrielle',
    'كهربائي صناعي',
  ]),
  own('skill', 'elec.install-wiring', '7411', 'electrical_installation', [
    'install electrical wiring',
    '敷设电气线路',
    'installer le câblage électrique',
    'تمديد الأسلاك الكهربائية',
  ]),
  own('skill', 'elec.read-diagrams', '7411', 'electrical_installation', [
    'read electrical wiring diagrams',
    '识读电气接线图',
    'lire des schémas de câblage électrique',
    'قراءة مخططات الأسلاك الكهربائية',
  ]),
  own('skill', 'elec.test-installations', '7411', 'electrical_installation', [
    'test electrical installations',
    '电气装置检测',
    'contrôler des installations électriques',
    'اختبار التركيبات الكهربائية',
  ]),
  own('skill', 'elec.safety-regulations', '7411', 'electrical_installation', [
    'apply electrical safety regulations',
    '执行电气安全规范',
    'appliquer les règles de sécurité électrique',
    'تطبيق لوائح السلامة الكهربائية',
  ]),
  // CNC machining
  own('occupation', 'occ.cnc-operator', '7223', 'cnc_machining', [
    'computer numerical control machine operator',
    '数控机床操作工',
    'opérateur sur machine à commande numérique/opératrice sur machine à commande numérique',
    'مشغل آلات التحكم الرقمي بالحاسوب',
  ]),
  own('skill', 'cnc.program-controller', '7223', 'cnc_machining', [
    'program a CNC controller',
    '数控系统编程',
    'programmer une commande numérique',
    'برمجة وحدة التحكم الرقمي',
  ]),
  own('skill', 'cnc.milling', '7223', 'cnc_machining', [
    'operate a CNC milling machine',
    '操作数控铣床',
    'conduire une fraiseuse à commande numérique',
    'تشغيل آلة التفريز الرقمية',
  ]),
  own('skill', 'cnc.turning', '7223', 'cnc_machining', [
    'operate a CNC lathe',
    '操作数控车床',
    'conduire un tour à commande numérique',
    'تشغيل المخرطة الرقمية',
  ]),
  own('skill', 'cnc.read-drawings', '7223', 'cnc_machining', [
    'read engineering drawings',
    '识读机械图纸',
    'lire des dessins techniques',
    'قراءة الرسومات الهندسية',
  ]),
  own('skill', 'cnc.precision-measurement', '7223', 'cnc_machining', [
    'use precision measuring instruments',
    '使用精密量具',
    'utiliser des instruments de mesure de précision',
    'استخدام أدوات القياس الدقيقة',
  ]),
  // Welding
  own('occupation', 'occ.welder', '7212', 'welding', ['welder', '焊工', 'soudeur/soudeuse', 'لحّام']),
  own('skill', 'weld.gmaw', '7212', 'welding', [
    'gas metal arc welding (MIG/MAG)',
    '熔化极气体保护焊（MIG/MAG）',
    'soudage MIG/MAG',
    'اللحام بالقوس المعدني الغازي (MIG/MAG)',
  ]),
  own('skill', 'weld.gtaw', '7212', 'welding', [
    'tungsten inert gas welding (TIG)',
    '钨极氩弧焊（TIG）',
    'soudage TIG',
    'اللحام بغاز التنغستن الخامل (TIG)',
  ]),
  own('skill', 'weld.smaw', '7212', 'welding', [
    'shielded metal arc welding',
    '焊条电弧焊',
    "soudage à l'arc avec électrode enrobée",
    'اللحام القوسي بالقطب المغطى',
  ]),
  own('skill', 'weld.inspect-welds', '7212', 'welding', [
    'inspect weld quality',
    '焊缝质量检验',
    'contrôler la qualité des soudures',
    'فحص جودة اللحامات',
  ]),
  // Automotive
  own('occupation', 'occ.vehicle-technician', '7231', 'automotive', [
    'vehicle technician',
    '汽车维修技师',
    'technicien automobile/technicienne automobile',
    'فني مركبات',
  ]),
  own('occupation', 'occ.automotive-electrician', '7412', 'automotive', [
    'automotive electrician',
    '汽车电工',
    'électricien automobile/électricienne automobile',
    'كهربائي سيارات',
  ]),
  own('skill', 'auto.diagnostics', '7231', 'automotive', [
    'diagnose vehicle faults with diagnostic equipment',
    '使用诊断设备排除汽车故障',
    'diagnostiquer les pannes de véhicules avec un outil de diagnostic',
    'تشخيص أعطال المركبات بأجهزة التشخيص',
  ]),
  own('skill', 'auto.electrical-systems', '7412', 'automotive', [
    'repair vehicle electrical systems',
    '维修汽车电气系统',
    'réparer les systèmes électriques des véhicules',
    'إصلاح الأنظمة الكهربائية للمركبات',
  ]),
  own('skill', 'auto.engine-repair', '7231', 'automotive', [
    'repair engines',
    '发动机维修',
    'réparer des moteurs',
    'إصلاح المحركات',
  ]),
  // Cooking and hospitality
  own('occupation', 'occ.cook', '5120', 'cooking_hospitality', [
    'cook',
    '厨师',
    'cuisinier/cuisinière',
    'طاهٍ',
  ]),
  own('occupation', 'occ.chef', '3434', 'cooking_hospitality', [
    'chef',
    '主厨',
    'chef cuisinier/cheffe cuisinière',
    'رئيس طهاة',
  ]),
  own('occupation', 'occ.waiter', '5131', 'cooking_hospitality', [
    'waiter/waitress',
    '餐厅服务员',
    'serveur/serveuse',
    'نادل/نادلة',
  ]),
  own('occupation', 'occ.hotel-receptionist', '4224', 'cooking_hospitality', [
    'hotel receptionist',
    '酒店前台接待员',
    "réceptionniste d'hôtel",
    'موظف استقبال في فندق',
  ]),
  own('skill', 'cook.food-safety-hygiene', '5120', 'cooking_hospitality', [
    'comply with food safety and hygiene',
    '遵守食品安全与卫生规范',
    "respecter les règles de sécurité alimentaire et d'hygiène",
    'الالتزام بسلامة الأغذية والنظافة',
  ]),
  own('skill', 'cook.cooking-techniques', '5120', 'cooking_hospitality', [
    'use cooking techniques',
    '运用烹饪技法',
    'utiliser des techniques de cuisson',
    'استخدام تقنيات الطهي',
  ]),
  own('skill', 'cook.pastry', '3434', 'cooking_hospitality', [
    'prepare pastry products',
    '制作西点',
    'préparer des produits de pâtisserie',
    'تحضير المعجنات',
  ]),
  own('skill', 'hosp.table-service', '5131', 'cooking_hospitality', [
    'serve food in table service',
    '餐桌服务',
    'assurer le service à table',
    'تقديم الطعام على الطاولات',
  ]),
  own('skill', 'hosp.guest-relations', '4224', 'cooking_hospitality', [
    'welcome guests and handle their requests',
    '接待宾客并处理需求',
    'accueillir les clients et traiter leurs demandes',
    'استقبال الضيوف وتلبية طلباتهم',
  ]),
  // Retail and visual merchandising
  own('occupation', 'occ.visual-merchandiser', '3432', 'retail_visual_merchandising', [
    'visual merchandiser',
    '视觉陈列师',
    'étalagiste',
    'منسق عرض بصري',
  ]),
  own('occupation', 'occ.shop-assistant', '5223', 'retail_visual_merchandising', [
    'shop assistant',
    '店员',
    'vendeur/vendeuse',
    'مساعد مبيعات في متجر',
  ]),
  own('skill', 'retail.window-displays', '3432', 'retail_visual_merchandising', [
    'create window displays',
    '橱窗陈列设计',
    'réaliser des vitrines',
    'تصميم واجهات العرض',
  ]),
  own('skill', 'retail.customer-service', '5223', 'retail_visual_merchandising', [
    'provide customer service',
    '提供客户服务',
    'assurer le service client',
    'تقديم خدمة العملاء',
  ]),
  own('skill', 'retail.cash-register', '5223', 'retail_visual_merchandising', [
    'operate a cash register',
    '操作收银机',
    'tenir une caisse enregistreuse',
    'تشغيل آلة تسجيل النقد',
  ]),
  // Web development
  verified('occupation', `${ESCO}c40a2919-48a9-40ea-b506-1f34f693496d`, '2513', 'web_development', [
    'web developer',
    '网站开发人员',
    'développeur web/développeuse web',
    'مطور ويب',
  ]),
  verified('occupation', `${ESCO}f2b15a0e-e65a-438a-affb-29b9d50b77d1`, '2512', 'web_development', [
    'software developer',
    '软件开发人员',
    'développeur de logiciels/développeuse de logiciels',
    'مطور برمجيات',
  ]),
  own('skill', 'web.javascript', '2513', 'web_development', [
    'JavaScript',
    'JavaScript',
    'JavaScript',
    'جافا سكريبت',
  ]),
  own('skill', 'web.typescript', '2513', 'web_development', [
    'TypeScript',
    'TypeScript',
    'TypeScript',
    'تايب سكريبت',
  ]),
  own('skill', 'web.markup', '2513', 'web_development', [
    'use markup languages (HTML, CSS)',
    '使用标记语言（HTML、CSS）',
    'utiliser des langages de balisage (HTML, CSS)',
    'استخدام لغات الترميز (HTML وCSS)',
  ]),
  own('skill', 'web.databases', '2512', 'web_development', [
    'query databases with SQL',
    '使用 SQL 查询数据库',
    'interroger des bases de données en SQL',
    'الاستعلام عن قواعد البيانات باستخدام SQL',
  ]),
  // Logistics
  own('occupation', 'occ.warehouse-worker', '9333', 'logistics', [
    'warehouse worker',
    '仓库作业员',
    'magasinier/magasinière',
    'عامل مستودع',
  ]),
  own('occupation', 'occ.warehouse-manager', '1324', 'logistics', [
    'warehouse manager',
    '仓库经理',
    "responsable d'entrepôt",
    'مدير مستودع',
  ]),
  own('skill', 'log.forklift', '8344', 'logistics', [
    'operate a forklift',
    '驾驶叉车',
    'conduire un chariot élévateur',
    'تشغيل الرافعة الشوكية',
  ]),
  own('skill', 'log.inventory', '4321', 'logistics', [
    'manage inventory',
    '库存管理',
    'gérer les stocks',
    'إدارة المخزون',
  ]),
  own('skill', 'log.warehouse-operations', '9333', 'logistics', [
    'carry out warehouse operations',
    '执行仓储作业',
    "effectuer les opérations d'entrepôt",
    'تنفيذ عمليات المستودع',
  ]),
  // Nursing and care
  own('occupation', 'occ.general-nurse', '2221', 'nursing_care', [
    'nurse responsible for general care',
    '全科护士',
    'infirmier en soins généraux/infirmière en soins généraux',
    'ممرض رعاية عامة',
  ]),
  own('occupation', 'occ.healthcare-assistant', '5321', 'nursing_care', [
    'healthcare assistant',
    '护理员',
    'aide-soignant/aide-soignante',
    'مساعد رعاية صحية',
  ]),
  own('occupation', 'occ.home-care-aide', '5322', 'nursing_care', [
    'home care aide',
    '居家护理员',
    'aide à domicile',
    'مساعد رعاية منزلية',
  ]),
  own('skill', 'care.vital-signs', '5321', 'nursing_care', [
    "monitor patients' vital signs",
    '监测患者生命体征',
    'surveiller les signes vitaux des patients',
    'مراقبة العلامات الحيوية للمرضى',
  ]),
  own('skill', 'care.infection-control', '2221', 'nursing_care', [
    'apply infection prevention and control',
    '执行感染预防与控制',
    'appliquer les mesures de prévention et de contrôle des infections',
    'تطبيق الوقاية من العدوى ومكافحتها',
  ]),
  own('skill', 'care.daily-living', '5322', 'nursing_care', [
    'assist with activities of daily living',
    '协助日常生活活动',
    'aider aux activités de la vie quotidienne',
    'المساعدة في أنشطة الحياة اليومية',
  ]),
];

export function starterEntry(key: string): StarterEntry | undefined {
  return ESCO_STARTER.find((e) => e.key === key);
}
