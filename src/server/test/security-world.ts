import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { seedDemoWorkspace } from '../../cli/seed-demo.js';
import { ROLES, type Role } from '../../contracts/roles.js';
import { newId } from '../platform/ids.js';
import {
  type ApiOperation,
  exampleFor,
  exampleQuery,
  listApiOperations,
  opKey,
  withQuery,
} from './api-catalog.js';
import { buildPartner } from './factories.js';
import { type Client, createMember, createTestApp, signIn, type TestApp } from './test-app.js';

/**
 * Two colleges for the security tests. College A is the demo workspace (partners, agreements,
 * projects with results frameworks, training, surveys, bases, a competition with marking, showcase,
 * talent pool) plus a few records the demo has none of; college B is the demo's second college.
 * Each college has a signed-in user of every role.
 */
export interface College {
  orgId: string;
  clients: Record<Role, Client>;
}

export interface SecurityWorld {
  t: TestApp;
  a: College;
  b: College;
  /** Record ids of college A by kind (see PARAM_KINDS). */
  ids: Record<string, string>;
  /** Strings only college A's data contains: none may appear in an answer to college B. */
  canaries: string[];
}

async function college(t: TestApp, orgId: string, roles: readonly Role[]): Promise<College> {
  const clients = {} as Record<Role, Client>;
  for (const role of roles) {
    const { email } = await createMember(t.deps, orgId, role);
    clients[role] = await signIn(t.app, email);
  }
  return { orgId, clients };
}

// biome-ignore lint/suspicious/noExplicitAny: picking rows of many tables by name
type AnyDb = Kysely<any>;

async function first(
  db: AnyDb,
  table: string,
  orgId: string,
  where: Record<string, unknown> = {},
): Promise<Record<string, string> | undefined> {
  let q = db.selectFrom(table).selectAll().where('organizationId', '=', orgId);
  for (const [k, v] of Object.entries(where)) {
    q = q.where(k, '=', v);
  }
  return (await q.orderBy('id').limit(1).executeTakeFirst()) as Record<string, string> | undefined;
}

/** One coherent set of ids per kind: children first, parents taken from them. */
async function collectIds(db: AnyDb, orgId: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const put = (kind: string, v: unknown) => {
    if (typeof v === 'string' && v) {
      ids[kind] = v;
    }
  };
  const row = (table: string, where?: Record<string, unknown>) => first(db, table, orgId, where);

  put('agreement', (await row('agreements'))?.id);
  const agreementDoc = await row('agreementDocuments');
  if (agreementDoc) {
    put('agreement', agreementDoc.agreementId);
    put('agreementDoc', agreementDoc.id);
  }
  put('partner', (await row('partners'))?.id);
  const period = await row('indicatorPeriods');
  if (period) {
    put('period', period.id);
    put('indicator', period.indicatorId);
    put('project', period.projectId);
    put('result', (await row('resultIndicators', { id: period.indicatorId }))?.resultId);
    put('evidence', (await row('indicatorEvidence', { periodId: period.id }))?.id);
  }
  put('project', ids.project ?? (await row('projects'))?.id);
  put('projectDoc', (await row('attachments', { entityType: 'project', entityId: ids.project }))?.id);

  const session = await row('trainingSessions');
  put('session', session?.id);
  put('trainer', session?.trainerUserId);
  const cohort = await row('trainingCohorts', session ? { id: session.cohortId } : {});
  put('cohort', cohort?.id);
  put('programme', cohort?.programmeId);
  const enrolment = await row('trainingEnrolments', cohort ? { cohortId: cohort.id } : {});
  put('enrolment', enrolment?.id);
  put('participant', enrolment?.participantId);
  put('material', (await row('attachments', { entityType: 'programme', entityId: ids.programme }))?.id);

  const dispute = await row('competitionDisputes');
  const form = dispute?.formId
    ? await row('markingForms', { id: dispute.formId })
    : await row('markingForms', dispute ? { skillId: dispute.skillId } : {});
  put('dispute', dispute?.id);
  put('disputeEvidence', dispute && (await row('competitionDisputeEvidence', { disputeId: dispute.id }))?.id);
  put('form', form?.id);
  put('scheme', form?.schemeId);
  put('subCriterionKey', form?.subCriterionKey);
  const skill = await row('competitionSkills', form ? { id: form.skillId } : {});
  put('skill', skill?.id);
  put('competition', skill?.competitionId);
  put('entry', (await row('competitionEntries', skill ? { skillId: skill.id } : {}))?.id);
  put('expert', (await row('competitionExperts', skill ? { skillId: skill.id } : {}))?.id);
  put('workshop', (await row('competitionWorkshops'))?.id);
  const registrar = await row('competitionMemberRegistrars');
  put('member', registrar?.memberId ?? (await row('competitionMembers'))?.id);
  put('registrarUser', registrar?.userId);

  const file = await row('resourceFiles');
  const version = await row('resourceVersions', file ? { id: file.versionId } : {});
  put('resource', version?.resourceId ?? (await row('resources'))?.id);
  put('resourceVersion', version?.id);
  put('resourceFile', file?.id);
  const term = await row('glossaryTerms');
  put('glossaryTerm', term?.id);
  put('glossary', term?.glossaryId ?? (await row('glossaries'))?.id);

  put('base', (await row('trainingBases'))?.id);
  put('infrastructureList', (await row('infrastructureLists'))?.id);
  const item = await row('mobilityChecklistItems');
  put('mobility', item?.mobilityId ?? (await row('mobilities'))?.id);
  put('checklistItem', item?.id);
  const invitation = await row('surveyInvitations');
  put('surveyInvitation', invitation?.id);
  put('survey', invitation?.surveyId ?? (await row('surveys'))?.id);
  const certificate = await row('certificates');
  put('certificate', certificate?.id);
  put('certificateBatch', (await row('certificateBatches'))?.id);
  put('talentProfile', (await row('talentProfiles'))?.id);
  const talentSkill = await db
    .selectFrom('talentProfileSkills')
    .select('skillKey')
    .where('organizationId', '=', orgId)
    .orderBy('skillKey')
    .executeTakeFirst();
  put('skillKey', talentSkill?.skillKey);
  const shortlist = await row('shortlistEntries');
  put('shortlistEntry', shortlist?.id);
  put('posting', shortlist?.postingId ?? (await row('demandPostings'))?.id);
  put('organization', orgId);
  return ids;
}

/**
 * Which kind of record each path parameter names, by `<module>/<segment before it>/:<param>`.
 * Parameters absent here are not record ids (formats, kinds, tokens) and get an example value.
 */
export const PARAM_KINDS: Record<string, string> = {
  'agreements/agreements/:id': 'agreement',
  'agreements/documents/:docId': 'agreementDoc',
  'users/users/:id': 'victimUser',
  'partner-user-links/partner-user-links/:partnerId': 'partner',
  'partner-user-links/:partnerId/:userId': 'victimUser',
  'partners/partners/:id': 'partner',
  'projects/projects/:id': 'project',
  'projects/projects/:projectId': 'project',
  'projects/indicators/:indicatorId': 'indicator',
  'projects/periods/:periodId': 'period',
  'projects/evidence/:evidenceId': 'evidence',
  'projects/results/:resultId': 'result',
  'projects/documents/:docId': 'projectDoc',
  'resources/resources/:id': 'resource',
  'resources/versions/:versionId': 'resourceVersion',
  'resources/files/:fileId': 'resourceFile',
  'resources/shares/:partnerId': 'partner',
  'glossaries/glossaries/:id': 'glossary',
  'glossaries/terms/:termId': 'glossaryTerm',
  'bases/bases/:id': 'base',
  'infrastructure-lists/infrastructure-lists/:id': 'infrastructureList',
  'mobilities/mobilities/:id': 'mobility',
  'mobilities/checklist/:itemId': 'checklistItem',
  'marking/skills/:skillId': 'skill',
  'marking/sub-criteria/:subCriterionKey': 'subCriterionKey',
  'marking/forms/:formId': 'form',
  'marking/disputes/:disputeId': 'dispute',
  'marking/evidence/:evidenceId': 'disputeEvidence',
  'training/programmes/:id': 'programme',
  'training/materials/:docId': 'material',
  'training/participants/:id': 'participant',
  'training/trainers/:id': 'trainer',
  'training/cohorts/:id': 'cohort',
  'training/sessions/:id': 'session',
  'training/enrolments/:id': 'enrolment',
  'talent/profiles/:id': 'talentProfile',
  'talent/pool/:id': 'talentProfile',
  'talent/demand/:id': 'posting',
  'talent/shortlist/:id': 'shortlistEntry',
  'surveys/invitations/:id': 'surveyInvitation',
  'surveys/surveys/:id': 'survey',
  'showcase/projects/:id': 'project',
  'showcase/resources/:id': 'resource',
  'certificates/batches/:id': 'certificateBatch',
  'certificates/cohorts/:id': 'cohort',
  'certificates/certificates/:id': 'certificate',
  'competitions/workshops/:id': 'workshop',
  'competitions/skills/:id': 'skill',
  'competitions/skills/:skillId': 'skill',
  'competitions/schemes/:schemeId': 'scheme',
  'competitions/teams/:subCriterionKey': 'subCriterionKey',
  'competitions/members/:id': 'member',
  'competitions/registrars/:userId': 'registrarUser',
  'competitions/entries/:id': 'entry',
  'competitions/experts/:id': 'expert',
  'competitions/competitions/:id': 'competition',
  'competition-results/skills/:skillId': 'skill',
  'competition-results/competitions/:competitionId': 'competition',
  'competition-results/participants/:id': 'participant',
};

/** The PARAM_KINDS key of each path parameter of `path`. */
export function paramKeys(path: string): { param: string; key: string }[] {
  const segments = path.replace(/^\/api\/v1\//, '').split('/');
  const mod = segments[0] ?? '';
  const out: { param: string; key: string }[] = [];
  segments.forEach((seg, i) => {
    if (seg.startsWith(':')) {
      out.push({ param: seg.slice(1), key: `${mod}/${segments[i - 1] ?? ''}/${seg}` });
    }
  });
  return out;
}

/** Record kinds of the operation's path parameters that are college-specific ids. */
export function idParamKinds(op: ApiOperation): string[] {
  return paramKeys(op.path)
    .map((p) => PARAM_KINDS[p.key])
    .filter((k): k is string => k !== undefined && k !== 'subCriterionKey');
}

/**
 * The URL with every parameter filled: ids of college A by kind (a fresh random id when A has no
 * record of that kind), and an example value from the route's schema for the rest.
 */
export function fillPath(
  op: ApiOperation,
  ids: Record<string, string>,
  override: (param: string, kind: string | undefined) => string | undefined = () => undefined,
): string {
  let url = op.path;
  for (const { param, key } of paramKeys(op.path)) {
    const kind = PARAM_KINDS[key];
    const value =
      override(param, kind) ??
      (kind ? (ids[kind] ?? newId()) : String(exampleFor(op.pathSchemas[param] ?? { type: 'string' })));
    url = url.replace(`:${param}`, encodeURIComponent(value));
  }
  return url;
}

/** `roles`: who gets signed in in each college (every role for the matrix; the admin is enough elsewhere). */
export async function buildSecurityWorld(roles: readonly Role[] = ROLES): Promise<SecurityWorld> {
  const t = await createTestApp({ rateLimitPerMinute: 1_000_000_000 });
  await seedDemoWorkspace(t.deps);
  const db = t.deps.db as AnyDb;
  const orgs = await db.selectFrom('organizations').select(['id', 'shortName', 'name']).execute();
  const orgA = orgs.find((o) => o.shortName === 'PRTC');
  const orgB = orgs.find((o) => o.shortName === 'FSTC');
  if (!orgA || !orgB) {
    throw new Error('the demo seed did not create its two colleges');
  }
  const a = await college(t, orgA.id, roles.includes('admin') ? roles : ['admin', ...roles]);
  const b = await college(t, orgB.id, roles.includes('admin') ? roles : ['admin', ...roles]);
  // Someone whose membership the matrix may change without locking out a signed-in client.
  const victimUser = (await createMember(t.deps, orgA.id, 'observer')).userId;
  let ids: Record<string, string> = { ...(await collectIds(db, orgA.id)), victimUser };
  // Records the demo has none of, created through the API as A's admin (ids read back from the
  // database). A step that fails only leaves that kind to a random id, so it is reported, not fatal.
  const ops = await listApiOperations(t.app);
  const missing: string[] = [];
  for (const [key, kind] of ENRICH) {
    const op = ops.find((o) => opKey(o) === key);
    if (!op || ids[kind] !== undefined) {
      continue;
    }
    const url = withQuery(fillPath(op, ids), examplePayload(op, ids).query ?? {});
    let body = examplePayload(op, ids).body ?? {};
    if (kind === 'shortlistEntry') {
      // Only a candidate that passes the posting's hard filters can be shortlisted: ask matching.
      const match = await a.clients.admin.post(`/api/v1/talent/demand/${ids.posting}/match`, {});
      body = { ...body, profileId: match.json().candidates?.[0]?.profileId };
    }
    const res = isUpload(op)
      ? await a.clients.admin.upload(url, 'evidence.pdf', SAMPLE_PDF, 'application/pdf')
      : await a.clients.admin.request(op.method, url, body);
    ids = { ...(await collectIds(db, orgA.id)), victimUser };
    if (ids[kind] === undefined) {
      missing.push(`${key} -> ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
  }
  if (missing.length > 0) {
    console.info(`security world: could not create\n${missing.join('\n')}`);
  }
  // A partner whose name and notes exist nowhere else: any answer to college B that shows them leaks.
  const canary = `Canary Institute ${newId().slice(-12)}`;
  const planted = await a.clients.admin.post(
    '/api/v1/partners',
    buildPartner({ names: { en: canary }, notes: `${canary} notes` }),
  );
  if (planted.statusCode !== 201) {
    throw new Error(`could not plant the canary partner: ${planted.body}`);
  }
  const profile = await first(db, 'talentProfiles', orgA.id, { id: ids.talentProfile });
  const canaries = [
    orgA.id,
    'Pearl River Technician',
    'Tshwane South TVET College',
    canary,
    profile?.email,
  ].filter((c): c is string => typeof c === 'string' && c.length > 3);
  return { t, a, b, ids, canaries };
}

/** [route, kind of record it creates], in an order where each route's parents exist already. */
const ENRICH: [string, string][] = [
  ['POST /api/v1/mobilities', 'mobility'],
  ['POST /api/v1/mobilities/:id/checklist', 'checklistItem'],
  ['POST /api/v1/glossaries', 'glossary'],
  ['POST /api/v1/glossaries/:id/terms', 'glossaryTerm'],
  ['POST /api/v1/talent/demand', 'posting'],
  ['POST /api/v1/talent/demand/:id/shortlist', 'shortlistEntry'],
  ['POST /api/v1/agreements/:id/documents', 'agreementDoc'],
  ['POST /api/v1/projects/:id/documents', 'projectDoc'],
  ['POST /api/v1/training/programmes/:id/materials', 'material'],
  ['POST /api/v1/projects/:projectId/results/periods/:periodId/evidence', 'evidence'],
  ['POST /api/v1/resources/:id/versions/:versionId/files', 'resourceFile'],
  ['POST /api/v1/marking/disputes/:disputeId/evidence', 'disputeEvidence'],
  // Certificates need a participant who met the completion rule (post-test included); the demo has
  // none, so certificate ids stay random and those routes are checked for 404 only.
];

const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Upload routes take one multipart file in `file` instead of a JSON body. */
export function isUpload(op: ApiOperation): boolean {
  return (
    op.method === 'POST' &&
    op.body === null &&
    /\/(import|preview|documents|files|evidence|materials)$/.test(op.path)
  );
}

const SAMPLE_UPLOAD = Buffer.from('name,country\nExample College,KE\n');

export interface Payload {
  /** A JSON value, or a raw string sent as application/json. */
  body?: unknown;
  raw?: string;
  query?: Record<string, string>;
}

/**
 * Sends the operation as `client` (null: without a session), with a multipart file for upload
 * routes and the given JSON body otherwise.
 */
export function send(
  t: TestApp,
  client: Client | null,
  op: ApiOperation,
  url: string,
  payload: Payload = {},
): Promise<LightMyRequestResponse> {
  const qs = new URLSearchParams(payload.query ?? {}).toString();
  const fullUrl = qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
  if (isUpload(op) && payload.raw === undefined && payload.body === undefined) {
    if (client) {
      return client.upload(fullUrl, 'sample.csv', SAMPLE_UPLOAD, 'text/csv');
    }
    const boundary = '----tvetsecurity';
    return t.app.inject({
      method: op.method,
      url: fullUrl,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sample.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        SAMPLE_UPLOAD,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
  }
  const hasBody = payload.raw !== undefined || (payload.body !== undefined && op.method !== 'GET');
  const headers: Record<string, string> = client ? { 'x-csrf-token': client.csrfToken } : {};
  if (payload.raw !== undefined) {
    headers['content-type'] = 'application/json';
  }
  return t.app.inject({
    method: op.method,
    url: fullUrl,
    ...(client ? { cookies: client.cookies } : {}),
    headers,
    ...(hasBody ? { payload: (payload.raw ?? payload.body) as string } : {}),
  });
}

/** True when the answer is the uniform error shape `{ error: { code, message } }`. */
export function isErrorShape(res: LightMyRequestResponse): boolean {
  try {
    const e = res.json().error;
    return typeof e?.code === 'string' && typeof e?.message === 'string';
  } catch {
    return false;
  }
}

// Body and query fields that name a record: filled with a real id of college A, so that requests
// get past "unknown partner" and reach the deeper checks.
const FIELD_KINDS: Record<string, string> = {
  partner: 'partner',
  hostPartner: 'partner',
  homePartner: 'partner',
  agreement: 'agreement',
  project: 'project',
  programme: 'programme',
  cohort: 'cohort',
  session: 'session',
  participant: 'participant',
  enrolment: 'enrolment',
  trainerUser: 'trainer',
  survey: 'survey',
  competition: 'competition',
  skill: 'skill',
  entry: 'entry',
  member: 'member',
  form: 'form',
  user: 'victimUser',
  profile: 'talentProfile',
  posting: 'posting',
  resource: 'resource',
  glossary: 'glossary',
};

export function hintFor(ids: Record<string, string>): (key: string) => unknown {
  return (key) => {
    if (key === 'timeZone') {
      return 'Asia/Shanghai';
    }
    if (key === 'language' || key === 'locale') {
      return 'en';
    }
    if (key === 'skillKey') {
      return ids.skillKey;
    }
    const many = /^(\w+)Ids$/.exec(key);
    const one = /^(\w+)Id$/.exec(key);
    const kind = FIELD_KINDS[(many ?? one)?.[1] ?? ''];
    const id = kind ? ids[kind] : undefined;
    if (id === undefined) {
      return undefined;
    }
    return many ? [id] : id;
  };
}

/**
 * Valid bodies for routes whose zod refinements the schema-derived example cannot satisfy
 * (without one, validation answers 400 before any permission is checked).
 */
// biome-ignore lint/suspicious/noExplicitAny: patches of schema-derived examples
type Example = any;
const later = '2026-04-01T10:00:00.000Z';
export const BODY_PATCHES: Record<
  string,
  (ex: Example, ids: Record<string, string>, op: ApiOperation) => Example
> = {
  'POST /api/v1/bases': (ex) => ({ ...ex, skillNumber: '17' }),
  'PUT /api/v1/bases/:id': (ex) => ({ ...ex, data: { ...ex.data, skillNumber: '17' } }),
  'POST /api/v1/mobilities': (ex, ids) => ({
    ...ex,
    direction: 'outbound',
    home: { ...ex.home, isOwn: true, partnerId: null },
    host: { ...ex.host, isOwn: false, partnerId: ids.partner },
  }),
  'PUT /api/v1/mobilities/:id': (ex, ids) => ({
    ...ex,
    data: {
      ...ex.data,
      direction: 'outbound',
      home: { ...ex.data.home, isOwn: true, partnerId: null },
      host: { ...ex.data.host, isOwn: false, partnerId: ids.partner },
    },
  }),
  'POST /api/v1/training/cohorts/:id/sessions': (ex) => ({ ...ex, endsAt: later, venue: 'Room 1' }),
  'PUT /api/v1/training/sessions/:id': (ex) => ({
    ...ex,
    data: { ...ex.data, endsAt: later, venue: 'Room 1' },
  }),
  'POST /api/v1/talent/demand': (ex, ids, op) => ({
    ...ex,
    requiredSkills: [exampleFor(op.body?.properties?.requiredSkills?.items, 0, hintFor(ids))],
  }),
  'PUT /api/v1/marking/forms/:formId/marks': (ex, ids, op) => ({
    ...ex,
    measurements: [exampleFor(op.body?.properties?.measurements?.items, 0, hintFor(ids))],
  }),
};

/** The operation's example body (patched where needed) and required query, with college A's ids. */
export function examplePayload(op: ApiOperation, ids: Record<string, string>): Payload {
  const hint = hintFor(ids);
  const patch = BODY_PATCHES[opKey(op)];
  const example = exampleFor(op.body ?? undefined, 0, hint);
  return {
    ...(op.body ? { body: patch ? patch(example, ids, op) : example } : {}),
    query: exampleQuery(op, hint),
  };
}
