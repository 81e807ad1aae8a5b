import type { Locale } from '../../../contracts/common.js';

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
    subject: `${v.organization} : votre profil de talents`,
    text: `Bonjour ${v.name},\n\n${v.organization} tient un profil de talents à votre nom pour vous mettre en relation avec des employeurs à l'étranger. Aucun employeur ne le voit sans votre accord.\n\nOuvrez votre lien personnel (sans mot de passe) pour consulter votre profil, corriger vos compétences, langues et disponibilité, donner ou retirer votre consentement, télécharger toutes les données conservées à votre sujet ou supprimer votre profil :\n${v.link}\n\nLe lien est valable jusqu'au ${v.expires}. Il vous est personnel : merci de ne pas le transférer.`,
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
