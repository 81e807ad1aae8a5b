import type { Locale } from '../../../contracts/common.js';

type Vars = { organization: string; survey: string; link: string; closes: string };
type Template = (v: Vars) => { subject: string; text: string };

// E-mails are the one place the server writes prose: in the invitation's language.
const invitation: Record<Locale, Template> = {
  en: (v) => ({
    subject: `${v.organization}: ${v.survey}`,
    text: `${v.organization} asks for your answers to the survey "${v.survey}".\n\nOpen your personal link (no password needed):\n${v.link}\n${v.closes ? `\nPlease answer by ${v.closes}.\n` : ''}\nThe link is yours alone: please do not forward it.`,
  }),
  'zh-CN': (v) => ({
    subject: `${v.organization}：${v.survey}`,
    text: `${v.organization} 邀请您填写问卷“${v.survey}”。\n\n请打开您的专属链接（无需密码）：\n${v.link}\n${v.closes ? `\n请于 ${v.closes} 前作答。\n` : ''}\n此链接仅供您本人使用，请勿转发。`,
  }),
  fr: (v) => ({
    subject: `${v.organization} : ${v.survey}`,
    text: `${v.organization} vous invite à répondre au questionnaire « ${v.survey} ».\n\nOuvrez votre lien personnel (sans mot de passe) :\n${v.link}\n${v.closes ? `\nMerci de répondre avant le ${v.closes}.\n` : ''}\nCe lien vous est personnel : merci de ne pas le transférer.`,
  }),
  ar: (v) => ({
    subject: `${v.organization}: ${v.survey}`,
    text: `تدعوك ${v.organization} للإجابة عن الاستبيان "${v.survey}".\n\nافتح رابطك الشخصي (لا حاجة إلى كلمة مرور):\n${v.link}\n${v.closes ? `\nيرجى الإجابة قبل ${v.closes}.\n` : ''}\nهذا الرابط خاص بك وحدك: يرجى عدم إعادة توجيهه.`,
  }),
};

const reminder: Record<Locale, Template> = {
  en: (v) => ({
    subject: `Reminder: ${v.survey}`,
    text: `We have not received your answers to "${v.survey}" from ${v.organization} yet.\n\nIt only takes a few minutes:\n${v.link}\n${v.closes ? `\nThe survey closes on ${v.closes}.\n` : ''}`,
  }),
  'zh-CN': (v) => ({
    subject: `提醒：${v.survey}`,
    text: `我们尚未收到您对 ${v.organization} 问卷“${v.survey}”的回答。\n\n只需几分钟：\n${v.link}\n${v.closes ? `\n问卷将于 ${v.closes} 截止。\n` : ''}`,
  }),
  fr: (v) => ({
    subject: `Rappel : ${v.survey}`,
    text: `Nous n'avons pas encore reçu vos réponses au questionnaire « ${v.survey} » de ${v.organization}.\n\nCela ne prend que quelques minutes :\n${v.link}\n${v.closes ? `\nLe questionnaire ferme le ${v.closes}.\n` : ''}`,
  }),
  ar: (v) => ({
    subject: `تذكير: ${v.survey}`,
    text: `لم نتلقَّ بعد إجاباتك عن الاستبيان "${v.survey}" من ${v.organization}.\n\nلن يستغرق الأمر سوى بضع دقائق:\n${v.link}\n${v.closes ? `\nيُغلق الاستبيان في ${v.closes}.\n` : ''}`,
  }),
};

export type SurveyMailKind = 'survey_invitation' | 'survey_reminder';

export function renderSurveyMail(kind: SurveyMailKind, locale: string, vars: Vars) {
  const set = kind === 'survey_invitation' ? invitation : reminder;
  return (set[locale as Locale] ?? set.en)(vars);
}
