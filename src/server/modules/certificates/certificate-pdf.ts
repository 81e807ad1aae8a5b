import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { embedFontBook, type FontBook, scriptsIn } from '../../platform/pdf/fonts.js';
import { drawText, measureText } from '../../platform/pdf/text.js';

export type CertificateLanguage = 'en' | 'zh-CN' | 'fr' | 'ar';

interface Texts {
  title: string;
  certify: string;
  completed: string;
  dates: (from: string, to: string) => string;
  hours: (n: number) => string;
  issuedBy: string;
  issuedOn: string;
  number: string;
  scan: string;
}

const TEXTS: Record<CertificateLanguage, Texts> = {
  en: {
    title: 'CERTIFICATE OF COMPLETION',
    certify: 'This is to certify that',
    completed: 'has successfully completed the training programme',
    dates: (a, b) => `${a} – ${b}`,
    hours: (n) => `${n} hours`,
    issuedBy: 'Issued by',
    issuedOn: 'Date of issue',
    number: 'Certificate No.',
    scan: 'Scan to verify',
  },
  'zh-CN': {
    title: '结业证书',
    certify: '兹证明',
    completed: '已圆满完成以下培训项目',
    dates: (a, b) => `${a} 至 ${b}`,
    hours: (n) => `共 ${n} 学时`,
    issuedBy: '颁发单位',
    issuedOn: '颁发日期',
    number: '证书编号',
    scan: '扫码验证',
  },
  fr: {
    title: 'ATTESTATION DE FIN DE FORMATION',
    certify: 'Nous certifions que',
    completed: 'a suivi avec succès le programme de formation',
    dates: (a, b) => `du ${a} au ${b}`,
    hours: (n) => `${n} heures`,
    issuedBy: 'Délivré par',
    issuedOn: 'Date de délivrance',
    number: 'N° du certificat',
    scan: 'Scanner pour vérifier',
  },
  ar: {
    title: 'شهادة إتمام',
    certify: 'نشهد بأن',
    completed: 'قد أتم بنجاح البرنامج التدريبي',
    dates: (a, b) => `${a} – ${b}`,
    hours: (n) => `${n} ساعة`,
    issuedBy: 'الجهة المانحة',
    issuedOn: 'تاريخ الإصدار',
    number: 'رقم الشهادة',
    scan: 'امسح للتحقق',
  },
};

export interface CertificatePdfInput {
  number: string;
  /** The certificate's other language next to English ('en' gives an English-only certificate). */
  language: CertificateLanguage;
  recipientNameNative: string;
  recipientNameLatin: string;
  programmeTitle: { primary: string; en: string };
  startsOn: string | null;
  endsOn: string | null;
  hours: number;
  issuerName: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  verifyUrl: string;
  /** The VC-JWT, attached to the PDF as credential.jwt so the file carries its own proof. */
  credentialJwt?: string;
  issuedAt?: Date;
}

const NAVY = rgb(0.09, 0.17, 0.33);
const GOLD = rgb(0.72, 0.56, 0.23);
const INK = rgb(0.15, 0.15, 0.18);
const MUTED = rgb(0.4, 0.42, 0.47);
const PAPER = rgb(0.995, 0.985, 0.96);

function frame(page: PDFPage) {
  const { width: w, height: h } = page.getSize();
  page.drawRectangle({ x: 0, y: 0, width: w, height: h, color: PAPER });
  page.drawRectangle({ x: 18, y: 18, width: w - 36, height: h - 36, borderColor: NAVY, borderWidth: 3 });
  page.drawRectangle({ x: 26, y: 26, width: w - 52, height: h - 52, borderColor: GOLD, borderWidth: 0.8 });
  // Corner ornaments: small gold diamonds.
  for (const [cx, cy] of [
    [26, 26],
    [w - 26, 26],
    [26, h - 26],
    [w - 26, h - 26],
  ] as const) {
    page.drawSvgPath('M 0 -7 L 7 0 L 0 7 L -7 0 Z', { x: cx, y: cy, color: GOLD });
  }
}

function rule(page: PDFPage, cx: number, y: number, half: number) {
  page.drawLine({ start: { x: cx - half, y }, end: { x: cx + half, y }, thickness: 0.8, color: GOLD });
  page.drawSvgPath('M 0 -3 L 3 0 L 0 3 L -3 0 Z', { x: cx, y, color: GOLD });
}

/** Two-language label: the certificate's language, then English (one line when they are the same). */
function label(
  t: Texts,
  en: Texts,
  key: keyof Texts & ('issuedBy' | 'issuedOn' | 'number' | 'scan' | 'certify'),
) {
  return t === en ? en[key] : `${t[key]} / ${en[key]}`;
}

/** Draws short texts side by side, centred, separated by a dot; right to left for Arabic. */
function drawSegments(
  page: PDFPage,
  segments: string[],
  o: { cx: number; y: number; size: number; fonts: FontBook; rtl: boolean },
) {
  const gap = 26;
  const ordered = o.rtl ? [...segments].reverse() : segments;
  const widths = ordered.map((s) => measureText(s, o.size, o.fonts));
  const total = widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, ordered.length - 1);
  let x = o.cx - total / 2;
  ordered.forEach((s, i) => {
    if (i > 0) {
      page.drawCircle({ x: x - gap / 2, y: o.y + o.size * 0.35, size: 1.3, color: GOLD });
    }
    drawText(page, s, { x, y: o.y, size: o.size, fonts: o.fonts, color: INK });
    x += (widths[i] ?? 0) + gap;
  });
}

/** Renders the certificate on one A4 landscape page. */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const created = input.issuedAt ?? new Date(`${input.issuedOn}T00:00:00Z`);
  pdf.setTitle(`${input.number} ${input.recipientNameLatin}`);
  pdf.setSubject(input.programmeTitle.en);
  pdf.setAuthor(input.issuerName);
  pdf.setCreator('TVET Bridge');
  pdf.setProducer('TVET Bridge');
  pdf.setCreationDate(created);
  pdf.setModificationDate(created);
  const t = TEXTS[input.language];
  const en = TEXTS.en;
  const bilingual = input.language !== 'en';
  const scripts = scriptsIn([
    t.title,
    t.completed,
    input.recipientNameNative,
    input.recipientNameLatin,
    input.programmeTitle.primary,
    input.issuerName,
  ]);
  const fonts: FontBook = await embedFontBook(pdf, { scripts });
  const page = pdf.addPage([842, 595]);
  const cx = 421;
  frame(page);

  drawText(page, input.issuerName, {
    x: cx,
    y: 532,
    size: 13,
    fonts,
    color: MUTED,
    align: 'center',
    maxWidth: 640,
  });
  if (bilingual) {
    drawText(page, t.title, { x: cx, y: 478, size: 34, fonts, weight: 'bold', color: NAVY, align: 'center' });
    drawText(page, en.title, {
      x: cx,
      y: 450,
      size: 14,
      fonts,
      weight: 'bold',
      color: GOLD,
      align: 'center',
    });
  } else {
    drawText(page, en.title, {
      x: cx,
      y: 466,
      size: 28,
      fonts,
      weight: 'bold',
      color: NAVY,
      align: 'center',
    });
  }

  drawText(page, label(t, en, 'certify'), { x: cx, y: 412, size: 12, fonts, color: MUTED, align: 'center' });
  const native = input.recipientNameNative.trim();
  const latin = input.recipientNameLatin.trim();
  if (native && native !== latin) {
    drawText(page, native, {
      x: cx,
      y: 362,
      size: 32,
      fonts,
      weight: 'bold',
      color: INK,
      align: 'center',
      maxWidth: 620,
    });
    drawText(page, latin, { x: cx, y: 336, size: 16, fonts, color: INK, align: 'center', maxWidth: 620 });
  } else {
    drawText(page, latin, {
      x: cx,
      y: 350,
      size: 30,
      fonts,
      weight: 'bold',
      color: INK,
      align: 'center',
      maxWidth: 620,
    });
  }
  rule(page, cx, 322, 190);

  drawText(page, bilingual ? t.completed : en.completed, {
    x: cx,
    y: 296,
    size: 12,
    fonts,
    color: MUTED,
    align: 'center',
  });
  if (bilingual) {
    drawText(page, en.completed, { x: cx, y: 280, size: 10, fonts, color: MUTED, align: 'center' });
  }
  const primaryTitle = input.programmeTitle.primary.trim() || input.programmeTitle.en;
  drawText(page, primaryTitle, {
    x: cx,
    y: 248,
    size: 20,
    fonts,
    weight: 'bold',
    color: NAVY,
    align: 'center',
    maxWidth: 660,
  });
  if (bilingual && input.programmeTitle.en && input.programmeTitle.en !== primaryTitle) {
    drawText(page, input.programmeTitle.en, {
      x: cx,
      y: 226,
      size: 13,
      fonts,
      color: NAVY,
      align: 'center',
      maxWidth: 660,
    });
  }
  // Dates and hours: separate segments, so that no line mixes a number into an Arabic phrase.
  const facts: string[] = [];
  if (input.startsOn && input.endsOn) {
    facts.push(t.dates(input.startsOn, input.endsOn));
  }
  if (input.hours > 0) {
    facts.push(t.hours(input.hours));
    if (bilingual) {
      facts.push(en.hours(input.hours));
    }
  }
  drawSegments(page, facts, { cx, y: 196, size: 11, fonts, rtl: input.language === 'ar' });

  // Issuer block, bottom left.
  const left = 70;
  page.drawLine({ start: { x: left, y: 118 }, end: { x: left + 250, y: 118 }, thickness: 0.6, color: INK });
  drawText(page, input.issuerName, {
    x: left,
    y: 102,
    size: 11,
    fonts,
    weight: 'bold',
    color: INK,
    maxWidth: 300,
  });
  drawText(page, label(t, en, 'issuedBy'), { x: left, y: 88, size: 8.5, fonts, color: MUTED });
  drawText(page, `${label(t, en, 'issuedOn')}: ${input.issuedOn}`, {
    x: left,
    y: 66,
    size: 9,
    fonts,
    color: INK,
  });
  drawText(page, `${label(t, en, 'number')}: ${input.number}`, {
    x: left,
    y: 52,
    size: 9,
    fonts,
    color: INK,
  });

  // Verification QR code, bottom right.
  const qr = await QRCode.toBuffer(input.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    scale: 4,
  });
  const qrImage = await pdf.embedPng(qr);
  const qrSize = 84;
  const qrX = 842 - 70 - qrSize;
  page.drawImage(qrImage, { x: qrX, y: 62, width: qrSize, height: qrSize });
  drawText(page, label(t, en, 'scan'), {
    x: qrX + qrSize / 2,
    y: 50,
    size: 8,
    fonts,
    color: MUTED,
    align: 'center',
  });
  const shortUrl = input.verifyUrl.replace(/^https?:\/\//, '');
  const urlSize = Math.min(7, (240 / measureText(shortUrl, 7, fonts)) * 7);
  drawText(page, shortUrl, { x: qrX + qrSize, y: 38, size: urlSize, fonts, color: MUTED, align: 'right' });

  if (input.credentialJwt) {
    await pdf.attach(new TextEncoder().encode(input.credentialJwt), 'credential.jwt', {
      mimeType: 'application/jwt',
      description: 'Open Badges 3.0 credential (VC-JWT)',
      creationDate: created,
      modificationDate: created,
    });
  }
  return pdf.save();
}

/** One blank A4 page, the bench's unit of comparison. */
export async function renderBlankPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([842, 595]);
  return pdf.save();
}
