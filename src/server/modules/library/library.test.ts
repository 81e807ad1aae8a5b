import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPartner } from '../../test/factories.js';
import {
  type Client,
  createMember,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../../test/test-app.js';

let t: TestApp;
let admin: Client;
let coordinator: Client;
let orgId: string;
let partnerA: string;
let partnerB: string;
let partnerUser: Client;
let partnerUserId: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'admin');
  admin = s.client;
  orgId = s.orgId;
  coordinator = (await signIn(t.app, (await createMember(t.deps, orgId, 'coordinator')).email)) as Client;
  partnerA = (await admin.post('/api/v1/partners', buildPartner())).json().id;
  partnerB = (await admin.post('/api/v1/partners', buildPartner())).json().id;
  const member = await createMember(t.deps, orgId, 'partner');
  partnerUserId = member.userId;
  partnerUser = await signIn(t.app, member.email);
  const link = await admin.post('/api/v1/partner-user-links', { partnerId: partnerA, userId: partnerUserId });
  expect(link.statusCode, link.body).toBe(200);
});
afterAll(async () => {
  await t.close();
});

async function createResource(client: Client, title = 'Electrical installation curriculum') {
  const res = await client.post('/api/v1/resources', {
    kind: 'curriculum',
    title: { en: title, 'zh-CN': '电气安装课程' },
    subject: 'Electrical Installations',
    tags: ['worldskills'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function withFile(client: Client, resourceId: string, language = 'en') {
  const v = await client.post(`/api/v1/resources/${resourceId}/versions`, {
    label: '1.0',
    changelog: 'First',
  });
  expect(v.statusCode, v.body).toBe(201);
  const versionId = v.json().versions[0].id;
  const up = await client.upload(
    `/api/v1/resources/${resourceId}/versions/${versionId}/files?language=${language}`,
    'curriculum.pdf',
    pdf,
    'application/pdf',
  );
  expect(up.statusCode, up.body).toBe(201);
  return { versionId, fileId: up.json().versions[0].files[0].id as string };
}

describe('library: resources, versions and files', () => {
  it('creates a resource with versions and language files, and downloads them', async () => {
    const r = await createResource(coordinator);
    const { versionId, fileId } = await withFile(coordinator, r.id);
    const zh = await coordinator.upload(
      `/api/v1/resources/${r.id}/versions/${versionId}/files?language=zh-CN`,
      '课程.pdf',
      pdf,
    );
    expect(zh.statusCode).toBe(201);
    expect(zh.json()).toMatchObject({ languages: ['en', 'zh-CN'], latestVersion: '1.0' });
    const again = await coordinator.upload(
      `/api/v1/resources/${r.id}/versions/${versionId}/files?language=zh-CN`,
      'x.pdf',
      pdf,
    );
    expect(again.statusCode).toBe(409);
    const dup = await coordinator.post(`/api/v1/resources/${r.id}/versions`, { label: '1.0' });
    expect(dup.statusCode).toBe(409);
    expect(
      (await coordinator.post(`/api/v1/resources/${r.id}/versions`, { label: '1.1' })).json().latestVersion,
    ).toBe('1.1');
    const dl = await coordinator.get(`/api/v1/resources/${r.id}/files/${fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="curriculum.pdf"/);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const audit = (await admin.get(`/api/v1/audit?entityType=resource_file`)).json();
    expect(audit.total).toBeGreaterThanOrEqual(2);
  });

  it('refuses files whose content does not match an accepted type, and unknown languages', async () => {
    const r = await createResource(coordinator);
    const v = (await coordinator.post(`/api/v1/resources/${r.id}/versions`, { label: '2.0' })).json()
      .versions[0].id;
    const url = `/api/v1/resources/${r.id}/versions/${v}/files`;
    const fake = await coordinator.upload(`${url}?language=en`, 'notes.pdf', Buffer.from('MZ not a pdf'));
    expect(fake.statusCode).toBe(415);
    const fakeDocx = await coordinator.upload(`${url}?language=en`, 'notes.docx', pdf);
    expect(fakeDocx.statusCode).toBe(415);
    const exe = await coordinator.upload(`${url}?language=en`, 'tool.exe', Buffer.from('PK\u0003\u0004...'));
    expect(exe.statusCode).toBe(415);
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('....[Content_Types].xml....'),
    ]);
    expect((await coordinator.upload(`${url}?language=fr`, 'plan.docx', docx)).statusCode).toBe(201);
    const badLang = await coordinator.upload(`${url}?language=xx-YY`, 'a.pdf', pdf);
    expect(badLang.statusCode).toBe(400);
    expect(badLang.json().error.details.issues[0].message).toBe('unknown_language');
  });

  it('answers 409 to a stale version and keeps the first edit', async () => {
    const r = await createResource(coordinator);
    const body = (description: string) => ({
      version: 1,
      data: { kind: 'curriculum', title: { en: 'T' }, description },
    });
    expect((await coordinator.put(`/api/v1/resources/${r.id}`, body('first'))).statusCode).toBe(200);
    expect((await coordinator.put(`/api/v1/resources/${r.id}`, body('second'))).statusCode).toBe(409);
    expect((await coordinator.get(`/api/v1/resources/${r.id}`)).json()).toMatchObject({
      description: 'first',
      version: 2,
    });
    expect((await coordinator.delete(`/api/v1/resources/${r.id}?version=1`)).statusCode).toBe(409);
    expect((await coordinator.delete(`/api/v1/resources/${r.id}?version=2`)).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/resources/${r.id}`)).statusCode).toBe(404);
  });

  it('filters by kind, language, partner and text', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const pid = (await client.post('/api/v1/partners', buildPartner())).json().id;
    const a = await createResource(client, 'Wiring standard');
    await withFile(client, a.id, 'fr');
    const b = (
      await client.post('/api/v1/resources', {
        kind: 'occupational_standard',
        title: { en: 'Welding standard' },
      })
    ).json();
    await client.post(`/api/v1/resources/${b.id}/shares`, { partnerId: pid });
    const ids = async (qs: string) =>
      (await client.get(`/api/v1/resources?${qs}`)).json().data.map((x: { id: string }) => x.id);
    expect(await ids('kind=occupational_standard')).toEqual([b.id]);
    expect(await ids('language=fr')).toEqual([a.id]);
    expect(await ids(`partnerId=${pid}`)).toEqual([b.id]);
    expect(await ids('q=WIRING')).toEqual([a.id]);
    expect(await ids('')).toHaveLength(2);
  });
});

describe('library: sharing with partner users', () => {
  it('shows a partner user exactly what was shared with their partner', async () => {
    const shared = await createResource(coordinator, 'Shared curriculum');
    const { fileId } = await withFile(coordinator, shared.id);
    const unshared = await createResource(coordinator, 'Internal curriculum');
    const unsharedFile = await withFile(coordinator, unshared.id);
    const toOther = await createResource(coordinator, 'For partner B');
    await coordinator.post(`/api/v1/resources/${toOther.id}/shares`, { partnerId: partnerB });

    // Nothing is visible before sharing, even with the right ids.
    expect((await partnerUser.get('/api/v1/resources')).json().total).toBe(0);
    expect((await partnerUser.get(`/api/v1/resources/${shared.id}`)).statusCode).toBe(404);

    const share = await coordinator.post(`/api/v1/resources/${shared.id}/shares`, { partnerId: partnerA });
    expect(share.statusCode, share.body).toBe(200);
    expect(share.json().shares.map((s: { partnerId: string }) => s.partnerId)).toEqual([partnerA]);

    const list = (await partnerUser.get('/api/v1/resources')).json();
    expect(list.data.map((r: { id: string }) => r.id)).toEqual([shared.id]);
    const seen = (await partnerUser.get(`/api/v1/resources/${shared.id}`)).json();
    expect(seen).toMatchObject({ id: shared.id, shares: [], abilities: { update: false, share: false } });
    expect((await partnerUser.get(`/api/v1/resources/${shared.id}/files/${fileId}`)).statusCode).toBe(200);

    for (const id of [unshared.id, toOther.id]) {
      expect((await partnerUser.get(`/api/v1/resources/${id}`)).statusCode).toBe(404);
    }
    expect(
      (await partnerUser.get(`/api/v1/resources/${unshared.id}/files/${unsharedFile.fileId}`)).statusCode,
    ).toBe(404);
    // A file id of an unshared resource under a shared resource's path is not found either.
    expect(
      (await partnerUser.get(`/api/v1/resources/${shared.id}/files/${unsharedFile.fileId}`)).statusCode,
    ).toBe(404);
    // Partner users cannot write or share.
    expect(
      (await partnerUser.post('/api/v1/resources', { kind: 'other', title: { en: 'x' } })).statusCode,
    ).toBe(403);
    expect(
      (await partnerUser.post(`/api/v1/resources/${shared.id}/shares`, { partnerId: partnerB })).statusCode,
    ).toBe(403);

    // Unsharing hides it at once.
    expect((await coordinator.delete(`/api/v1/resources/${shared.id}/shares/${partnerA}`)).statusCode).toBe(
      200,
    );
    expect((await partnerUser.get('/api/v1/resources')).json().total).toBe(0);
    expect((await partnerUser.get(`/api/v1/resources/${shared.id}`)).statusCode).toBe(404);
    expect((await partnerUser.get(`/api/v1/resources/${shared.id}/files/${fileId}`)).statusCode).toBe(404);
  });

  it('shows nothing to an unlinked partner user, and only admins manage links', async () => {
    const r = await createResource(coordinator);
    await coordinator.post(`/api/v1/resources/${r.id}/shares`, { partnerId: partnerA });
    const unlinked = await signIn(t.app, (await createMember(t.deps, orgId, 'partner')).email);
    expect((await unlinked.get('/api/v1/resources')).json().total).toBe(0);
    expect((await unlinked.get(`/api/v1/resources/${r.id}`)).statusCode).toBe(404);
    expect(
      (await coordinator.post('/api/v1/partner-user-links', { partnerId: partnerA, userId: partnerUserId }))
        .statusCode,
    ).toBe(403);
    const trainer = await createMember(t.deps, orgId, 'trainer');
    const notPartner = await admin.post('/api/v1/partner-user-links', {
      partnerId: partnerA,
      userId: trainer.userId,
    });
    expect(notPartner.statusCode).toBe(400);
    expect(notPartner.json().error.details.issues[0].message).toBe('not_partner_member');
    const staff = (await admin.get(`/api/v1/partner-user-links?partnerId=${partnerA}`)).json().data;
    expect(staff.map((s: { userId: string }) => s.userId)).toEqual([partnerUserId]);
    expect(
      (await admin.get('/api/v1/partner-user-links/candidates')).json().data.length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('never shows another college any resource, even a shared one', async () => {
    const r = await createResource(coordinator);
    const { fileId } = await withFile(coordinator, r.id);
    await coordinator.post(`/api/v1/resources/${r.id}/shares`, { partnerId: partnerA });
    const other = await signedInAs(t, 'admin');
    expect((await other.client.get('/api/v1/resources')).json().total).toBe(0);
    expect((await other.client.get(`/api/v1/resources/${r.id}`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/resources/${r.id}/files/${fileId}`)).statusCode).toBe(404);
    expect(
      (
        await other.client.put(`/api/v1/resources/${r.id}`, {
          version: 1,
          data: { kind: 'other', title: { en: 'x' } },
        })
      ).statusCode,
    ).toBe(404);
    // Their partner user, linked to their own partner, sees nothing of ours either.
    const theirPartner = (await other.client.post('/api/v1/partners', buildPartner())).json().id;
    const theirUser = await createMember(t.deps, other.orgId, 'partner');
    await other.client.post('/api/v1/partner-user-links', {
      partnerId: theirPartner,
      userId: theirUser.userId,
    });
    const c = await signIn(t.app, theirUser.email);
    expect((await c.get(`/api/v1/resources/${r.id}`)).statusCode).toBe(404);
    // Nor can they share our resource or link our partner.
    expect(
      (await other.client.post(`/api/v1/resources/${r.id}/shares`, { partnerId: theirPartner })).statusCode,
    ).toBe(404);
    expect(
      (
        await other.client.post('/api/v1/partner-user-links', {
          partnerId: partnerA,
          userId: theirUser.userId,
        })
      ).statusCode,
    ).toBe(404);
    const ours = await createResource(coordinator);
    const foreign = await coordinator.post(`/api/v1/resources/${ours.id}/shares`, {
      partnerId: theirPartner,
    });
    expect(foreign.statusCode).toBe(400);
  });
});

const header = 'concept_id,language,term,definition,context,status\n';

async function createGlossary(client: Client, languages = ['en', 'zh-CN', 'fr', 'ar']) {
  const res = await client.post('/api/v1/glossaries', {
    name: { en: 'Electrical Installations', 'zh-CN': '电气安装' },
    subject: 'Electrical Installations',
    languages,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function importFile(
  client: Client,
  glossaryId: string,
  format: 'csv' | 'tbx',
  content: string | Buffer,
) {
  return client.upload(
    `/api/v1/glossaries/${glossaryId}/import?format=${format}`,
    `glossary.${format}`,
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
  );
}

describe('library: glossaries', () => {
  it('adds terms per concept and language, searches across languages, approves with the permission', async () => {
    const g = await createGlossary(coordinator);
    const en = await coordinator.post(`/api/v1/glossaries/${g.id}/terms`, {
      language: 'en',
      term: 'circuit breaker',
      definition: 'A switch that opens automatically on overcurrent',
      partOfSpeech: 'noun',
    });
    expect(en.statusCode, en.body).toBe(201);
    const conceptId = en.json().conceptId;
    const zh = await coordinator.post(`/api/v1/glossaries/${g.id}/terms`, {
      conceptId,
      language: 'zh-CN',
      term: '断路器',
    });
    expect(zh.statusCode).toBe(201);
    const dup = await coordinator.post(`/api/v1/glossaries/${g.id}/terms`, {
      conceptId,
      language: 'en',
      term: 'Circuit  Breaker',
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.issues[0]).toMatchObject({ path: ['term'], message: 'duplicate_term' });
    const de = await coordinator.post(`/api/v1/glossaries/${g.id}/terms`, {
      language: 'de',
      term: 'Schutzschalter',
    });
    expect(de.json().error.details.issues[0].message).toBe('language_not_in_glossary');

    const found = (await coordinator.get(`/api/v1/glossaries/${g.id}/concepts?q=断路`)).json();
    expect(found.total).toBe(1);
    expect(found.data[0].terms.map((x: { language: string }) => x.language).sort()).toEqual(['en', 'zh-CN']);
    const across = (await coordinator.get('/api/v1/glossaries/search?q=BREAKER')).json();
    expect(across.data[0].terms).toHaveLength(2);

    const trainer = await signIn(t.app, (await createMember(t.deps, orgId, 'trainer')).email);
    const refused = await trainer.post(`/api/v1/glossaries/${g.id}/terms/${en.json().id}/approve`, {
      version: 1,
    });
    expect(refused.statusCode).toBe(403);
    const expert = await signIn(t.app, (await createMember(t.deps, orgId, 'chief_expert')).email);
    const approved = await expert.post(`/api/v1/glossaries/${g.id}/terms/${en.json().id}/approve`, {
      version: 1,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', version: 2 });
    expect(approved.json().approvedAt).toBeTruthy();
    // A stale edit is refused; a real edit sends the term back to draft.
    const stale = await trainer.put(`/api/v1/glossaries/${g.id}/terms/${en.json().id}`, {
      version: 1,
      data: { conceptId, language: 'en', term: 'breaker' },
    });
    expect(stale.statusCode).toBe(409);
    const edited = await trainer.put(`/api/v1/glossaries/${g.id}/terms/${en.json().id}`, {
      version: 2,
      data: { conceptId, language: 'en', term: 'circuit-breaker', definition: 'A switch' },
    });
    expect(edited.json()).toMatchObject({ status: 'draft', approvedAt: null, version: 3 });
    expect((await coordinator.get(`/api/v1/glossaries/${g.id}`)).json()).toMatchObject({
      conceptCount: 1,
      termCount: 2,
      approvedCount: 0,
    });
    const other = await signedInAs(t, 'admin');
    expect((await other.client.get(`/api/v1/glossaries/${g.id}`)).statusCode).toBe(404);
    expect((await other.client.get('/api/v1/glossaries/search?q=breaker')).json().data).toEqual([]);
    expect((await partnerUser.get('/api/v1/glossaries')).statusCode).toBe(403);
  });

  it('exports well-formed TBX with the ISO 30042 root, and round-trips it into an empty glossary', async () => {
    const g = await createGlossary(coordinator);
    const csv =
      header +
      'c01,en,plug & socket,"A <removable> connector, ""industrial"" type",Use the 16 A plug,approved\n' +
      'c01,zh-CN,插头和插座,可拆卸的连接器,,draft\n' +
      'c01,fr,prise et fiche,Connecteur amovible,,draft\n' +
      'c01,ar,قابس ومقبس,موصل قابل للفصل,,draft\n' +
      'c02,en,earth electrode,,,approved\n' +
      'c02,en,ground rod,,,draft\n';
    const imp = await importFile(coordinator, g.id, 'csv', csv);
    expect(imp.statusCode, imp.body).toBe(200);
    expect(imp.json().imported).toBe(6);

    const res = await coordinator.get(`/api/v1/glossaries/${g.id}/export?format=tbx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Electrical-Installations.tbx"/,
    );
    const xml = res.body;
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(doc.tbx).toMatchObject({
      '@type': 'TBX-Basic',
      '@style': 'dca',
      '@xml:lang': 'en',
      '@xmlns': 'urn:iso:std:iso:30042:ed-2',
    });
    expect(xml).toContain('<term>plug &amp; socket</term>');
    expect(xml).toContain('A &lt;removable&gt; connector, "industrial" type');

    const empty = await createGlossary(coordinator);
    const back = await importFile(coordinator, empty.id, 'tbx', xml);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().imported).toBe(6);
    const terms = async (id: string) =>
      (await coordinator.get(`/api/v1/glossaries/${id}/concepts?pageSize=200`))
        .json()
        .data.flatMap((c: { terms: Record<string, unknown>[] }) =>
          c.terms.map(({ conceptId, language, term, definition, context, status, partOfSpeech, note }) => ({
            conceptId,
            language,
            term,
            definition,
            context,
            status,
            partOfSpeech,
            note,
          })),
        );
    expect(await terms(empty.id)).toEqual(await terms(g.id));
    // The CSV export round-trips too.
    const csvOut = (await coordinator.get(`/api/v1/glossaries/${g.id}/export?format=csv`)).rawPayload;
    const third = await createGlossary(coordinator);
    expect((await importFile(coordinator, third.id, 'csv', csvOut)).json().imported).toBe(6);
    expect(await terms(third.id)).toEqual(await terms(g.id));
    // Importing the same file again finds every term a duplicate, and writes nothing.
    const again = await importFile(coordinator, empty.id, 'tbx', xml);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details.problems[0]).toMatchObject({ code: 'duplicate_existing' });
  });

  it('imports nothing from a bad CSV file and names each problem by row and column', async () => {
    const g = await createGlossary(coordinator, ['en', 'fr']);
    const csv =
      header +
      'c1,en,busbar,,,draft\n' +
      'c1,xx-Klingon,term,,,draft\n' +
      '9bad,fr,barre,,,draft\n' +
      'c2,en,,,,final\n' +
      'c3,zh-CN,母线,,,draft\n';
    const res = await importFile(coordinator, g.id, 'csv', csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details.problems).toEqual([
      { row: 3, column: 'language', code: 'unknown_language', value: 'xx-Klingon' },
      { row: 4, column: 'concept_id', code: 'concept_id_format', value: '9bad' },
      { row: 5, column: 'status', code: 'invalid_status', value: 'final' },
      { row: 5, column: 'term', code: 'required' },
      { row: 6, column: 'language', code: 'language_not_in_glossary', value: 'zh-CN' },
    ]);
    expect((await coordinator.get(`/api/v1/glossaries/${g.id}`)).json().termCount).toBe(0);
    const trainer = await signIn(t.app, (await createMember(t.deps, orgId, 'trainer')).email);
    const approvedRow = await importFile(trainer, g.id, 'csv', `${header}c1,en,busbar,,,approved\n`);
    expect(approvedRow.json().error.details.problems).toEqual([
      { row: 2, column: 'status', code: 'approval_not_permitted' },
    ]);
  });

  it('reports TBX problems by element path and refuses what is not TBX', async () => {
    const g = await createGlossary(coordinator, ['en']);
    const bad = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>fuse</term></termSec></langSec></conceptEntry>
    <conceptEntry id="c2"><langSec xml:lang="tlh"><termSec><term>x</term></termSec></langSec></conceptEntry>
  </body></text>
</tbx>`;
    const res = await importFile(coordinator, g.id, 'tbx', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toEqual([
      { path: '/tbx/text/body/conceptEntry[2]/langSec[1]/@xml:lang', code: 'unknown_language', value: 'tlh' },
    ]);
    const broken = await importFile(coordinator, g.id, 'tbx', '<tbx><text>');
    expect(broken.json().error.details.problems[0]).toMatchObject({ path: '/', code: 'malformed_xml' });
    const martif = await importFile(coordinator, g.id, 'tbx', '<martif type="TBX"><text/></martif>');
    expect(martif.json().error.details.problems[0]).toEqual({ path: '/martif', code: 'not_tbx' });
    const entity = await importFile(
      coordinator,
      g.id,
      'tbx',
      '<!DOCTYPE tbx [<!ENTITY a "aaaa">]><tbx xmlns="urn:iso:std:iso:30042:ed-2">&a;</tbx>',
    );
    expect(entity.json().error.details.problems[0]).toEqual({ path: '/', code: 'unreadable_file' });
    expect((await coordinator.get(`/api/v1/glossaries/${g.id}`)).json().termCount).toBe(0);
  });

  it('answers 409 to a stale glossary edit and keeps languages in use', async () => {
    const g = await createGlossary(coordinator, ['en', 'fr']);
    await coordinator.post(`/api/v1/glossaries/${g.id}/terms`, { language: 'fr', term: 'fusible' });
    const body = (version: number, languages: string[]) => ({
      version,
      data: { name: { en: 'Renamed' }, languages },
    });
    expect(
      (await coordinator.put(`/api/v1/glossaries/${g.id}`, body(1, ['en', 'fr', 'ar']))).statusCode,
    ).toBe(200);
    expect((await coordinator.put(`/api/v1/glossaries/${g.id}`, body(1, ['en', 'fr']))).statusCode).toBe(409);
    const drop = await coordinator.put(`/api/v1/glossaries/${g.id}`, body(2, ['en']));
    expect(drop.json().error.details.issues[0].message).toBe('language_in_use');
    const unknown = await coordinator.post('/api/v1/glossaries', {
      name: { en: 'x' },
      languages: ['en', 'qq'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].message).toBe('unknown_language');
  });
});

describe('library: the shipped sample glossary', () => {
  it('imports cleanly into a glossary of en, zh-CN, fr and ar', async () => {
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(new URL('../../../../samples/glossary-sample.csv', import.meta.url));
    const g = await createGlossary(coordinator);
    const res = await importFile(coordinator, g.id, 'csv', bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect((await coordinator.get(`/api/v1/glossaries/${g.id}`)).json()).toMatchObject({
      conceptCount: 12,
      termCount: 48,
    });
  });
});
