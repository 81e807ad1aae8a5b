// Adds, through the HTTP API of a running server of the release being captured, data the demo seed
// leaves out (sessions, uploads, mobilities, glossaries, demand postings and a shortlist, self-service
// links, reminder mail), so that the upgrade fixture has rows in those tables too.
// Plain Node (fetch, FormData): it must run unchanged against an older release's server.
//
//   node add-release-data.mjs http://127.0.0.1:PORT
const base = `${process.argv[2] ?? 'http://127.0.0.1:3000'}/api/v1`;
const EMAIL = 'coordinator@pearl-river-tc.example.cn';
const PASSWORD = 'TvetBridge-demo-2026';

let cookie = '';
let csrf = '';

async function call(method, url, body) {
  const headers = { cookie, 'x-csrf-token': csrf };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(base + url, { method, headers, body: payload });
  const text = await res.text();
  if (res.status >= 300) {
    throw new Error(`${method} ${url}: ${res.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

function upload(name, type, text) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(text)], { type }), name);
  return form;
}

const res = await fetch(`${base}/auth/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
});
if (res.status !== 200) {
  throw new Error(`sign-in: ${res.status} ${await res.text()}`);
}
cookie = res.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
csrf = (await res.json()).csrfToken;

const partners = (await call('GET', '/partners?pageSize=100')).data;
const navttc = partners.find((p) => p.country === 'PK');
const agreements = (await call('GET', '/agreements?pageSize=100')).data;
const projects = (await call('GET', '/projects?pageSize=100')).data;

// Uploaded files: a signed MoU scan and a project document.
await call(
  'POST',
  `/agreements/${agreements[0].id}/documents`,
  upload('signed-mou.pdf', 'application/pdf', `%PDF-1.4 signed MoU scan ${'x'.repeat(2000)}\n%%EOF\n`),
);
await call(
  'POST',
  `/projects/${projects[0].id}/documents`,
  upload('inception-report.pdf', 'application/pdf', `%PDF-1.4 inception report 项目启动报告\n%%EOF\n`),
);

// A mobility with two members.
await call('POST', '/mobilities', {
  direction: 'inbound',
  category: 'official_delegation',
  title: 'NAVTTC delegation',
  purpose: 'Study visit on competency-based training',
  home: { isOwn: false, partnerId: navttc.id },
  host: { isOwn: true, partnerId: null },
  destinationCity: 'Guangzhou',
  plannedStartOn: '2027-03-01',
  plannedEndOn: '2027-03-08',
  actualStartOn: null,
  actualEndOn: null,
  fundingSource: 'College international budget',
  fundingAmountMinor: 4500000,
  fundingCurrency: 'CNY',
  costsBorneBy: 'host',
  projectId: null,
  agreementId: null,
  notes: '',
  members: [
    {
      nameNative: 'محمد عامر',
      nameLatin: 'Muhammad Amir',
      gender: 'male',
      position: 'Director General',
      nationality: 'PK',
      passportNumber: 'AB1234567',
    },
    {
      nameNative: '王芳',
      nameLatin: 'Wang Fang',
      gender: 'female',
      position: 'Interpreter',
      nationality: 'CN',
      passportNumber: 'E12345678',
    },
  ],
});

// A glossary with terms.
const glossary = await call('POST', '/glossaries', {
  name: { en: 'Electrical Installations', 'zh-CN': '电气安装' },
  subject: 'Electrical Installations',
  languages: ['en', 'zh-CN', 'fr', 'ar'],
});
await call(
  'POST',
  `/glossaries/${glossary.id}/import?format=csv`,
  upload(
    'glossary.csv',
    'text/csv',
    'concept_id,language,term,definition,context,status\n' +
      'c1,en,circuit breaker,A switch that opens on overcurrent,,approved\n' +
      'c1,zh-CN,断路器,,,approved\n' +
      'c1,fr,disjoncteur,,,approved\n' +
      'c1,ar,قاطع الدائرة,,,approved\n',
  ),
);

// The talent pool: a college skill, a demand posting, matching, a shortlist, a self-service link.
await call('POST', '/talent/college-skills', {
  code: 'weld.pipe-6g',
  labels: { en: 'Pipe welding in 6G position', 'zh-CN': '6G 位置管道焊接' },
});
const posting = await call('POST', '/talent/demand', {
  enterpriseName: 'Gulf Steel Works',
  country: 'AE',
  site: 'Abu Dhabi',
  iscoCode: '7212',
  headcount: 3,
  startDate: '2027-09-01',
  contract: { type: 'fixed_term', durationMonths: 24 },
  requiredSkills: [{ skillKey: 'college:weld.gmaw', minLevel: 2, weight: 3 }],
  optionalSkills: [{ skillKey: 'college:weld.gtaw', minLevel: 2, weight: 1 }],
  requiredLanguages: [{ code: 'en', minCefr: 'A2' }],
  optionalLanguages: [],
});
const match = await call('POST', `/talent/demand/${posting.id}/match`, { limit: 50 });
const candidate = match.candidates[0];
if (candidate) {
  await call('POST', `/talent/demand/${posting.id}/shortlist`, { profileId: candidate.profileId });
}
const profiles = (await call('GET', '/talent/profiles?pageSize=100')).data;
await call('POST', `/talent/profiles/${profiles[0].id}/link`);
console.log(`added release data (shortlisted: ${candidate ? 1 : 0})`);
