// npm run bench:certificates [-- --n 1000]
//
// Issuing N certificates (number, OB 3.0 credential signed as an RS256 VC-JWT, bilingual PDF with
// embedded CJK fonts and a QR code, file store write, row and audit entry), as a ratio to rendering
// one blank PDF page N times in the same process and run. Also peak RSS. Ratios, not absolute times,
// are the result: those depend on the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderBlankPdf } from '../src/server/modules/certificates/certificate-pdf.js';
import { issueForSubject } from '../src/server/modules/certificates/certificates.service.js';
import { createDeps } from '../src/server/platform/bootstrap.js';
import { loadConfig } from '../src/server/platform/config.js';
import { newId } from '../src/server/platform/ids.js';

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '1000' } } });
const N = Number(args.n);
if (!Number.isInteger(N) || N < 1) {
  throw new Error(`--n must be a positive whole number, got ${args.n}`);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-cert-'));
const config = {
  ...loadConfig({
    DATA_DIR: dataDir,
    PUBLIC_URL: 'https://tvet.example.edu',
    SEED_DEMO: 'false',
    JOBS: 'false',
  }),
  credentialKeySecret: 'bench-secret-bench-secret-bench-secret-0123',
};
const { deps, handle } = await createDeps(config);
const organizationId = newId();
const now = new Date().toISOString();
await deps.db
  .insertInto('organizations')
  .values({
    id: organizationId,
    name: 'Pearl River Technical College',
    shortName: 'PRTC',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    iatiOrgId: null,
    createdAt: now,
    updatedAt: now,
  })
  .execute();

const names: Array<[string, string]> = [
  ['张伟', 'Zhang Wei'],
  ['李娜', 'Li Na'],
  ['محمد عبد الله', 'Mohammed Abdullah'],
  ['', 'Amina Njeri'],
  ['王秀英', 'Wang Xiuying'],
];
const subject = (i: number) => {
  const [nameNative, nameLatin] = names[i % names.length] as [string, string];
  return {
    enrolmentId: null,
    cohortId: null,
    recipientNameNative: nameNative,
    recipientNameLatin: `${nameLatin} ${i}`,
    recipientEmail: `p${i}@partner.example`,
    language: nameNative.match(/[\u0600-\u06ff]/) ? ('ar' as const) : ('zh-CN' as const),
    programmeId: organizationId,
    programmeTitle: {
      en: 'CNC Machining Technology',
      'zh-CN': '数控加工技术培训',
      ar: 'التصنيع باستخدام الحاسب الآلي',
    },
    programmeDescription: 'Two weeks of CNC machining for lecturers of partner colleges.',
    criteriaNarrative: 'Attended at least 80 % of the sessions and passed the final test.',
    cohortName: 'Spring 2026',
    startsOn: '2026-03-01',
    endsOn: '2026-03-12',
    hours: 40,
    validUntil: null,
  };
};

// Warm-up: fonts parsed, key generated, JIT warm (not timed).
await renderBlankPdf();
await issueForSubject({ deps, organizationId, userId: null }, subject(0));

let t0 = performance.now();
for (let i = 0; i < N; i++) {
  await renderBlankPdf();
}
const blankMs = (performance.now() - t0) / N;

let bytes = 0;
t0 = performance.now();
for (let i = 1; i <= N; i++) {
  const row = await issueForSubject({ deps, organizationId, userId: null }, subject(i));
  bytes += (await deps.files.get(row.pdfStorageKey)).length;
}
const certMs = (performance.now() - t0) / N;
const peakRss = Math.round(process.resourceUsage().maxRSS / 1024);

console.log(`certificates issued: ${N} (PDF + OB 3.0 VC-JWT, SQLite, local file store)`);
console.log(`blank PDF page:      ${blankMs.toFixed(3)} ms each`);
console.log(
  `certificate:         ${certMs.toFixed(2)} ms each (mean PDF ${Math.round(bytes / N / 1024)} KiB)`,
);
console.log(`ratio:               ${(certMs / blankMs).toFixed(1)} × a blank page`);
console.log(`peak RSS:            ${peakRss} MiB`);

await handle.close();
fs.rmSync(dataDir, { recursive: true, force: true });
