import type { Locale } from '../../../contracts/common.js';
import {
  ESCO_STARTER,
  iscoGroup,
  labelIn,
  type TaxonomyLocale,
} from '../../../domain/talent/taxonomy/index.js';

type Vars = { organization: string; name: string; link: string; expires: string };
type Template = (v: Vars) => { subject: string; text: string };

// E-mails are the one place the server writes prose: in the profile owner's language.
const personalLink: Record<Locale, Template> = {
  en: (v) => ({
    subject: `${v.organization}: your talent profile`,
    text: `Dear ${v.name},\n\n${v.organization} keeps a talent profile for you to connect you with employers abroad. Nothing is shown to any employer unless you agree.\n\nOpen your personal link (no password needed) to check your profile, correct your skills, languages and availability, give or withdraw your consent, download everything stored about you, or delete your profile:\n${v.link}\n\nThe link works until ${v.expires}. It is yours alone: please do not forward it.`,
  }),
  'zh-CN': (v) => ({
    subject: `${v.organization}：您的人才档案`,
    text: `${v.name}，您好：\n\n${v.organization} 为您建立了人才档案，用于帮助您对接境外用人单位。未经您同意，任何用人单位都看不到您的档案。\n\n请打开您的专属链接（无需密码），查看档案、修改技能、语言和可到岗时间，给予或撤回同意，下载我们保存的您的全部数据，或删除您的档案：\n${v.link}\n\n此链接在 ${v.expires} 前有效，仅供您本人使用，请勿转发。`,
  }),
  fr: (v) => ({
    subject: `${v.organization} : votre profil de talents`,
    text: `Bonjour ${v.name},\n\n${v.organization} tient un profil de talents à votre nom pour vous mettre en relation avec des employeurs à l'étranger. Aucun employeur ne le voit sans votre accord.\n\nOuvrez votre lien personnel (sans mot de passe) pour consulter votre profil, corriger vos compétences, langues et disponibilité, donner ou retirer votre consentement, télécharger toutes les données conservées à votre sujet ou supprimer votre profil :\n${v.link}\n\nLe lien est valable jusqu'au ${v.expires}. Il vous est personnel : merci de ne pas le transférer.`,
  }),
  ar: (v) => ({
    subject: `${v.organization}: ملفك في مجمع المواهب`,
    text: `عزيزي/عزيزتي ${v.name}،\n\nتحتفظ ${v.organization} بملف مواهب باسمك لربطك بأصحاب عمل في الخارج. لا يطّلع عليه أي صاحب عمل دون موافقتك.\n\nافتح رابطك الشخصي (لا حاجة إلى كلمة مرور) لمراجعة ملفك وتصحيح مهاراتك ولغاتك وموعد توفرك، أو لمنح موافقتك أو سحبها، أو لتنزيل كل البيانات المحفوظة عنك، أو لحذف ملفك:\n${v.link}\n\nيعمل الرابط حتى ${v.expires}. هذا الرابط خاص بك وحدك: يرجى عدم إعادة توجيهه.`,
  }),
};

export const TALENT_LINK_MAIL_KIND = 'talent_link';

export function renderTalentLinkMail(locale: string, vars: Vars) {
  return (personalLink[locale as Locale] ?? personalLink.en)(vars);
}

type ProposalVars = {
  organization: string;
  name: string;
  country: string;
  occupation: string;
  startDate: string;
  link: string;
  expires: string;
};
type ProposalTemplate = (v: ProposalVars) => { subject: string; text: string };

// Says where and what the job is, never who the employer's people are: the enterprise's contacts
// reach the candidate only through the college, after the candidate agreed.
const proposal: Record<Locale, ProposalTemplate> = {
  en: (v) => ({
    subject: `${v.organization}: a job abroad may suit you`,
    text: `Dear ${v.name},\n\n${v.organization} proposes you for a job abroad:\n\nCountry: ${v.country}\nOccupation: ${v.occupation}\nStarting: ${v.startDate}\n\nThe employer sees your profile without your name or contact details. It learns who you are only if you agree to be introduced.\n\nOpen your personal link to agree or decline (no password needed):\n${v.link}\n\nThe link works until ${v.expires}. It is yours alone: please do not forward it.`,
  }),
  'zh-CN': (v) => ({
    subject: `${v.organization}：有一个境外岗位可能适合您`,
    text: `${v.name}，您好：\n\n${v.organization} 推荐您应聘一个境外岗位：\n\n国家/地区：${v.country}\n职业：${v.occupation}\n到岗日期：${v.startDate}\n\n用人单位看到的是不含姓名和联系方式的档案。只有在您同意引荐后，对方才会知道您是谁。\n\n请打开您的专属链接（无需密码）表示同意或拒绝：\n${v.link}\n\n此链接在 ${v.expires} 前有效，仅供您本人使用，请勿转发。`,
  }),
  fr: (v) => ({
    subject: `${v.organization} : un emploi à l'étranger pourrait vous convenir`,
    text: `Bonjour ${v.name},\n\n${v.organization} vous propose pour un emploi à l'étranger :\n\nPays : ${v.country}\nMétier : ${v.occupation}\nDébut : ${v.startDate}\n\nL'employeur voit votre profil sans votre nom ni vos coordonnées. Il ne saura qui vous êtes que si vous acceptez d'être présenté(e).\n\nOuvrez votre lien personnel pour accepter ou refuser (sans mot de passe) :\n${v.link}\n\nLe lien est valable jusqu'au ${v.expires}. Il vous est personnel : merci de ne pas le transférer.`,
  }),
  ar: (v) => ({
    subject: `${v.organization}: وظيفة في الخارج قد تناسبك`,
    text: `عزيزي/عزيزتي ${v.name}،\n\nترشّحك ${v.organization} لوظيفة في الخارج:\n\nالبلد: ${v.country}\nالمهنة: ${v.occupation}\nتاريخ البدء: ${v.startDate}\n\nيرى صاحب العمل ملفك دون اسمك أو بيانات الاتصال بك، ولن يعرف هويتك إلا إذا وافقت على التعريف بك.\n\nافتح رابطك الشخصي للموافقة أو الرفض (لا حاجة إلى كلمة مرور):\n${v.link}\n\nيعمل الرابط حتى ${v.expires}. هذا الرابط خاص بك وحدك: يرجى عدم إعادة توجيهه.`,
  }),
};

export const TALENT_PROPOSAL_MAIL_KIND = 'talent_proposal';
/** Outbox kinds that carry a profile owner's name and link: deleted with the profile. */
export const TALENT_OWNER_MAIL_KINDS = [TALENT_LINK_MAIL_KIND, TALENT_PROPOSAL_MAIL_KIND];

export function renderTalentProposalMail(locale: string, vars: ProposalVars) {
  return (proposal[locale as Locale] ?? proposal.en)(vars);
}

const mailLocale = (locale: string): TaxonomyLocale =>
  (['en', 'zh-CN', 'fr', 'ar'] as const).find((l) => l === locale) ?? 'en';

/** A country's name in the mail's language (ISO 3166 code as the fallback). */
export function countryIn(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([mailLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The occupation: its ESCO label in the mail's language when known, else the ISCO-08 group. */
export function occupationIn(locale: string, iscoCode: string, escoUri: string | null): string {
  const esco = escoUri
    ? ESCO_STARTER.find((e) => e.kind === 'occupation' && e.escoUri === escoUri)
    : undefined;
  if (esco) {
    return labelIn(esco.labels, mailLocale(locale));
  }
  const title = iscoGroup(iscoCode)?.title;
  return title ? `${title} (ISCO-08 ${iscoCode})` : `ISCO-08 ${iscoCode}`;
}
