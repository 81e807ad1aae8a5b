import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import type { TMobility } from '../../../contracts/exchanges.js';
import { embedFontBook, type FontBook, scriptsIn } from '../../platform/pdf/fonts.js';
import { drawText, measureText } from '../../platform/pdf/text.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));

export interface LetterInput {
  mobility: TMobility;
  college: { name: string; shortName: string; country: string };
  today: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const GREY = rgb(0.35, 0.35, 0.4);
const ACCENT = rgb(0.1, 0.25, 0.5);

const GENDER: Record<TMobility['members'][number]['gender'], [string, string]> = {
  female: ['女', 'Female'],
  male: ['男', 'Male'],
  unspecified: ['', ''],
};

const COSTS: Record<TMobility['costsBorneBy'], (college: string) => [string, string]> = {
  host: (college) => [
    `访问期间的食宿、当地交通等费用由${college}承担；国际旅费按双方约定执行。`,
    `Accommodation, meals and local transport during the visit will be covered by ${college}; international travel as agreed between the two institutions.`,
  ],
  home: () => [
    '国际旅费及访问期间的一切费用由派出单位承担。',
    'International travel and all costs during the visit will be borne by the sending organization.',
  ],
  shared: () => [
    '访问费用由双方按合作协议分担。',
    'The costs of the visit will be shared by the two institutions as set out in their cooperation agreement.',
  ],
};

/** "2026-05-10" → "2026年5月10日" and "10 May 2026". */
function dates(iso: string): [string, string] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return [`${y}年${m}月${d}日`, `${d} ${month} ${y}`];
}

function partyName(p: TMobility['home'], college: string): [string, string] {
  if (p.isOwn || !p.partner) {
    return [college, college];
  }
  const n = p.partner.names;
  const en = n.en || Object.values(n).find(Boolean) || '';
  return [n['zh-CN'] || en, en];
}

/** Splits text into tokens that may end a line: CJK characters one by one, other words whole. */
function tokens(text: string): string[] {
  return (
    text.match(
      /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g,
    ) ?? []
  );
}

/** Greedy line breaking by measured width. */
export function wrap(text: string, width: number, size: number, fonts: FontBook): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens(text)) {
    const candidate = line + tok;
    if (line.trim() !== '' && measureText(candidate, size, fonts) > width) {
      lines.push(line.trimEnd());
      line = tok.trim() === '' ? '' : tok;
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '') {
    lines.push(line.trimEnd());
  }
  return lines;
}

class Writer {
  page: PDFPage;
  y: number;
  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: FontBook,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN) {
      this.page = this.pdf.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }
  paragraph(text: string, size = 10.5, gap = 6) {
    for (const line of wrap(text, WIDTH, size, this.fonts)) {
      this.ensure(size * 1.5);
      drawText(this.page, line, { x: MARGIN, y: this.y - size, size, fonts: this.fonts });
      this.y -= size * 1.55;
    }
    this.y -= gap;
  }
}

/**
 * The invitation letter of an inbound mobility as a PDF: Chinese and English in one letter, with
 * the college's letterhead, the invitees (names in their own script and in Latin letters), the
 * purpose, the dates, the host and who pays. Fonts are embedded subsets (Noto Sans SC, Noto
 * Naskh Arabic), so Chinese and Arabic-script names render in any viewer.
 */
export async function renderInvitationLetter({
  mobility: m,
  college,
  today,
}: LetterInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Invitation letter / 邀请函 — ${m.title}`);
  pdf.setAuthor(college.name);
  pdf.setCreator('TVET Bridge');
  pdf.setProducer('TVET Bridge (pdf-lib)');
  pdf.setCreationDate(new Date(`${today}T00:00:00Z`));
  pdf.setModificationDate(new Date(`${today}T00:00:00Z`));
  const texts = [
    college.name,
    m.title,
    m.purpose,
    m.fundingSource,
    ...m.members.flatMap((x) => [x.nameNative, x.nameLatin, x.position]),
  ];
  const fonts = await embedFontBook(pdf, { scripts: scriptsIn(texts) });
  const w = new Writer(pdf, fonts);
  const page = () => w.page;

  // Letterhead
  drawText(page(), college.name, {
    x: A4[0] / 2,
    y: w.y - 18,
    size: 18,
    fonts,
    weight: 'bold',
    align: 'center',
    color: ACCENT,
    maxWidth: WIDTH,
  });
  w.y -= 34;
  drawText(page(), '国际交流与合作处  International Cooperation and Exchange Office', {
    x: A4[0] / 2,
    y: w.y - 9,
    size: 9,
    fonts,
    align: 'center',
    color: GREY,
  });
  w.y -= 18;
  page().drawLine({
    start: { x: MARGIN, y: w.y },
    end: { x: A4[0] - MARGIN, y: w.y },
    thickness: 1.2,
    color: ACCENT,
  });
  w.y -= 18;
  const [todayZh, todayEn] = dates(today);
  drawText(page(), `日期 Date: ${todayZh} / ${todayEn}`, {
    x: A4[0] - MARGIN,
    y: w.y - 9,
    size: 9,
    fonts,
    align: 'right',
    color: GREY,
  });
  w.y -= 14;
  drawText(page(), `编号 Ref.: ${m.id.slice(-12).toUpperCase()}`, {
    x: A4[0] - MARGIN,
    y: w.y - 9,
    size: 9,
    fonts,
    align: 'right',
    color: GREY,
  });
  w.y -= 26;

  // Title
  drawText(page(), '邀 请 函', {
    x: A4[0] / 2,
    y: w.y - 20,
    size: 20,
    fonts,
    weight: 'bold',
    align: 'center',
  });
  w.y -= 30;
  drawText(page(), 'LETTER OF INVITATION', {
    x: A4[0] / 2,
    y: w.y - 13,
    size: 13,
    fonts,
    weight: 'bold',
    align: 'center',
  });
  w.y -= 30;

  const [homeZh, homeEn] = partyName(m.home, college.name);
  const [startZh, startEn] = dates(m.plannedStartOn);
  const [endZh, endEn] = dates(m.plannedEndOn);
  const city = m.destinationCity ? `（${m.destinationCity}）` : '';
  const cityEn = m.destinationCity ? ` in ${m.destinationCity}` : '';
  const n = m.members.length;
  // The sentence adds its own full stop: drop the one a person typed at the end of the purpose.
  const purpose = (m.purpose || m.title).trim().replace(/[.。．!！]+$/u, '');
  const [costZh, costEn] = COSTS[m.costsBorneBy](college.name);

  w.paragraph(`致 ${homeZh}：`, 11, 2);
  w.paragraph(
    `${college.name}诚挚邀请贵单位以下${n}位人员于${startZh}至${endZh}来我院${city}访问。访问目的：${purpose}。${costZh}`,
  );
  if (m.fundingSource) {
    w.paragraph(`经费来源：${m.fundingSource}。`);
  }
  w.y -= 4;
  w.paragraph(`To: ${homeEn}`, 11, 2);
  w.paragraph(
    `${college.name} is pleased to invite the ${n === 1 ? 'following person' : `following ${n} persons`} of ${homeEn} to visit ${college.name}${cityEn} from ${startEn} to ${endEn}. Purpose of the visit: ${purpose}. ${costEn}`,
  );
  if (m.fundingSource) {
    w.paragraph(`Funding: ${m.fundingSource}.`);
  }
  w.y -= 6;

  // Invitees
  const showPassport = m.abilities.readSensitive;
  type Member = TMobility['members'][number];
  const widths = showPassport ? [26, 90, 100, 44, 80, 63] : [26, 100, 115, 44, 135, 63];
  const cols: { head: [string, string]; width: number; cell: (x: Member, i: number) => string }[] = [
    { head: ['序号', 'No.'], width: widths[0] ?? 0, cell: (_x, i) => String(i + 1) },
    { head: ['姓名（本国文字）', 'Name (native)'], width: widths[1] ?? 0, cell: (x) => x.nameNative },
    { head: ['姓名（拉丁字母）', 'Name (Latin)'], width: widths[2] ?? 0, cell: (x) => x.nameLatin },
    {
      head: ['性别', 'Gender'],
      width: widths[3] ?? 0,
      cell: (x) => GENDER[x.gender].filter(Boolean).join(' '),
    },
    { head: ['职务', 'Position'], width: widths[4] ?? 0, cell: (x) => x.position },
    {
      head: ['国籍', 'Nationality'],
      width: widths[5] ?? 0,
      cell: (x) =>
        x.nationality ? `${countries.getName(x.nationality, 'zh') ?? ''} ${x.nationality}`.trim() : '',
    },
  ];
  if (showPassport) {
    const used = widths.reduce((a, b) => a + b, 0);
    cols.push({ head: ['护照号', 'Passport No.'], width: WIDTH - used, cell: (x) => x.passportNumber ?? '' });
  }
  const rowH = 20;
  const drawRow = (cells: string[], y: number, bold: boolean, size: number) => {
    let x = MARGIN;
    cols.forEach((c, i) => {
      drawText(page(), cells[i] ?? '', {
        x: x + 3,
        y: y - rowH + 6,
        size,
        fonts,
        weight: bold ? 'bold' : 'regular',
        maxWidth: c.width - 6,
      });
      x += c.width;
    });
    page().drawLine({
      start: { x: MARGIN, y: y - rowH },
      end: { x: MARGIN + WIDTH, y: y - rowH },
      thickness: 0.5,
      color: GREY,
    });
  };
  w.ensure(rowH * 3);
  page().drawLine({
    start: { x: MARGIN, y: w.y },
    end: { x: MARGIN + WIDTH, y: w.y },
    thickness: 0.8,
    color: GREY,
  });
  drawRow(
    cols.map((c) => c.head[0]),
    w.y,
    true,
    8.5,
  );
  w.y -= rowH;
  drawRow(
    cols.map((c) => c.head[1]),
    w.y + 6,
    true,
    8,
  );
  w.y -= rowH - 6;
  m.members.forEach((member, i) => {
    w.ensure(rowH);
    drawRow(
      cols.map((c) => c.cell(member, i)),
      w.y,
      false,
      9.5,
    );
    w.y -= rowH;
  });
  w.y -= 18;

  // Closing
  w.paragraph('我们期待各位的到访。特此邀请。', 10.5, 2);
  w.paragraph('We look forward to welcoming you.', 10.5, 14);
  w.ensure(70);
  drawText(page(), college.name, {
    x: A4[0] - MARGIN,
    y: w.y - 11,
    size: 11,
    fonts,
    weight: 'bold',
    align: 'right',
    maxWidth: WIDTH / 2,
  });
  w.y -= 18;
  drawText(page(), '国际交流与合作处（盖章） International Office (seal)', {
    x: A4[0] - MARGIN,
    y: w.y - 9,
    size: 9,
    fonts,
    align: 'right',
    color: GREY,
  });
  w.y -= 16;
  drawText(page(), `${todayZh} / ${todayEn}`, {
    x: A4[0] - MARGIN,
    y: w.y - 9,
    size: 9,
    fonts,
    align: 'right',
    color: GREY,
  });
  return pdf.save();
}
