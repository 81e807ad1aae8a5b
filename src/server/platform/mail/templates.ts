import type { Locale } from '../../../contracts/common.js';

type Template = (vars: Record<string, string>) => { subject: string; text: string };

// E-mails are the one place the server writes prose, so they are localized here in the
// recipient's language (the web app translates everything else from codes).
const templates: Record<string, Record<Locale, Template>> = {
  password_reset: {
    en: (v) => ({
      subject: 'Reset your TVET Bridge password',
      text: `Someone asked to reset the password of ${v.email}.\n\nOpen this link within one hour to choose a new password:\n${v.link}\n\nIf it was not you, ignore this message; your password stays as it is.`,
    }),
    'zh-CN': (v) => ({
      subject: '重置您的 TVET Bridge 密码',
      text: `有人请求重置 ${v.email} 的密码。\n\n请在一小时内打开以下链接设置新密码：\n${v.link}\n\n如果不是您本人操作，请忽略本邮件，您的密码不会改变。`,
    }),
    fr: (v) => ({
      subject: 'Réinitialisez votre mot de passe TVET Bridge',
      text: `Une réinitialisation du mot de passe de ${v.email} a été demandée.\n\nOuvrez ce lien dans l'heure pour choisir un nouveau mot de passe :\n${v.link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message ; votre mot de passe reste inchangé.`,
    }),
    ar: (v) => ({
      subject: 'إعادة تعيين كلمة مرور TVET Bridge',
      text: `طلب أحدهم إعادة تعيين كلمة مرور ${v.email}.\n\nافتح هذا الرابط خلال ساعة واحدة لاختيار كلمة مرور جديدة:\n${v.link}\n\nإذا لم تكن أنت، فتجاهل هذه الرسالة؛ تبقى كلمة مرورك كما هي.`,
    }),
  },
  invitation: {
    en: (v) => ({
      subject: `You are invited to ${v.organization} on TVET Bridge`,
      text: `${v.inviter} invited you to join ${v.organization} on TVET Bridge as ${v.role}.\n\nOpen this link within 7 days to set your name and password:\n${v.link}`,
    }),
    'zh-CN': (v) => ({
      subject: `邀请您加入 TVET Bridge 上的 ${v.organization}`,
      text: `${v.inviter} 邀请您以“${v.role}”身份加入 TVET Bridge 上的 ${v.organization}。\n\n请在 7 天内打开以下链接，设置您的姓名和密码：\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Invitation à rejoindre ${v.organization} sur TVET Bridge`,
      text: `${v.inviter} vous invite à rejoindre ${v.organization} sur TVET Bridge en tant que ${v.role}.\n\nOuvrez ce lien dans les 7 jours pour choisir votre nom et votre mot de passe :\n${v.link}`,
    }),
    ar: (v) => ({
      subject: `دعوة للانضمام إلى ${v.organization} على TVET Bridge`,
      text: `دعاك ${v.inviter} للانضمام إلى ${v.organization} على TVET Bridge بصفة ${v.role}.\n\nافتح هذا الرابط خلال 7 أيام لتعيين اسمك وكلمة المرور:\n${v.link}`,
    }),
  },
  agreements_expiring: {
    en: (v) => ({
      subject: `${v.count} agreement(s) expire within ${v.days} days`,
      text: `These cooperation agreements of ${v.organization} are nearing their end:\n\n${v.list}\n\nReview them in TVET Bridge: ${v.link}`,
    }),
    'zh-CN': (v) => ({
      subject: `${v.count} 份协议将在 ${v.days} 天内到期`,
      text: `${v.organization} 的以下合作协议即将到期：\n\n${v.list}\n\n请在 TVET Bridge 中查看：${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.count} accord(s) expirent dans les ${v.days} jours`,
      text: `Ces accords de coopération de ${v.organization} arrivent à échéance :\n\n${v.list}\n\nConsultez-les dans TVET Bridge : ${v.link}`,
    }),
    ar: (v) => ({
      subject: `${v.count} اتفاقية تنتهي خلال ${v.days} يومًا`,
      text: `اتفاقيات التعاون التالية لـ ${v.organization} تقترب من نهايتها:\n\n${v.list}\n\nراجعها في TVET Bridge: ${v.link}`,
    }),
  },
};

export function renderMail(kind: keyof typeof templates, locale: string, vars: Record<string, string>) {
  const byLocale = templates[kind];
  if (!byLocale) {
    throw new Error(`Unknown mail template ${kind}`);
  }
  const t = byLocale[locale as Locale] ?? byLocale.en;
  return t(vars);
}
