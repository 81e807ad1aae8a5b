import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams, ZOk, ZPage } from '../../../contracts/common.js';
import {
  ZAddRegistrarRequestSchema,
  ZCancelCompetitionRequestSchema,
  ZCompetitionSchema,
  ZCompetitionSummarySchema,
  ZCreateCompetitionRequestSchema,
  ZEntryInput,
  ZEntrySchema,
  ZEntryStatusRequestSchema,
  ZExpertInput,
  ZExpertSchema,
  ZFindCompetitionsQuerySchema,
  ZFindEntriesQuerySchema,
  ZFindExpertsQuerySchema,
  ZMemberInput,
  ZMemberSchema,
  ZReplaceCompetitionDaysRequestSchema,
  ZSkillDetailSchema,
  ZSkillInput,
  ZSkillSchema,
  ZUpdateCompetitionRequestSchema,
  ZUpdateCompetitionSettingsRequestSchema,
  ZUpdateEntryRequestSchema,
  ZUpdateExpertRequestSchema,
  ZUpdateMemberRequestSchema,
  ZUpdateSkillRequestSchema,
  ZUpdateWorkshopRequestSchema,
  ZWorkshopInput,
  ZWorkshopSchema,
} from '../../../contracts/competitions.js';
import type { ServiceContext } from '../../platform/context.js';
import { ctxOf } from '../../platform/http/request-context.js';
import * as competitions from './competitions.service.js';
import * as entrants from './entrants.service.js';
import * as experts from './experts.service.js';
import * as members from './members.service.js';
import * as skills from './skills.service.js';

const tags = ['competitions'];
const ZVersionQuery = z.object({ version: z.coerce.number().int().min(1) });
const list = <T extends z.ZodTypeAny>(item: T) => z.object({ data: z.array(item) });

const zodRouter = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
type Router = ReturnType<typeof zodRouter>;

/** The delete route of a child by its own id, against the version the client read (409 when stale). */
function deleteRoute(
  r: Router,
  name: 'workshops' | 'skills' | 'members',
  remove: (ctx: ServiceContext, id: string, version: number) => Promise<{ ok: true }>,
) {
  r.delete(
    `/competitions/${name}/:id`,
    { schema: { tags, params: ZIdParams, querystring: ZVersionQuery, response: { 200: ZOk } } },
    async (req) => remove(ctxOf(req), req.params.id, req.query.version),
  );
}

/** Competition set-up and the members' registration portal (`/competitions…`). */
export async function competitionsRoutes(app: FastifyInstance): Promise<void> {
  const r = zodRouter(app);

  // ── Competitions ──
  r.get(
    '/competitions',
    {
      schema: {
        tags,
        description: 'Competitions of the college (a registrar sees only those they register for)',
        querystring: ZFindCompetitionsQuerySchema,
        response: { 200: ZPage(ZCompetitionSummarySchema) },
      },
    },
    async (req) => competitions.findCompetitions(ctxOf(req), req.query),
  );
  r.post(
    '/competitions',
    { schema: { tags, body: ZCreateCompetitionRequestSchema, response: { 201: ZCompetitionSchema } } },
    async (req, reply) => reply.code(201).send(await competitions.createCompetition(ctxOf(req), req.body)),
  );
  r.get(
    '/competitions/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZCompetitionSchema } } },
    async (req) => competitions.getCompetition(ctxOf(req), req.params.id),
  );
  r.put(
    '/competitions/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateCompetitionRequestSchema,
        response: { 200: ZCompetitionSchema },
      },
    },
    async (req) => competitions.updateCompetition(ctxOf(req), req.params.id, req.body),
  );
  r.put(
    '/competitions/:id/settings',
    {
      schema: {
        tags,
        description:
          'Rule settings (scale, ties, medallion, rounding, tolerances); unset fields take their defaults',
        params: ZIdParams,
        body: ZUpdateCompetitionSettingsRequestSchema,
        response: { 200: ZCompetitionSchema },
      },
    },
    async (req) => competitions.updateSettings(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/competitions/:id/cancel',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZCancelCompetitionRequestSchema,
        response: { 200: ZCompetitionSchema },
      },
    },
    async (req) => competitions.cancelCompetition(ctxOf(req), req.params.id, req.body),
  );
  r.put(
    '/competitions/:id/days',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZReplaceCompetitionDaysRequestSchema,
        response: { 200: ZCompetitionSchema },
      },
    },
    async (req) => competitions.replaceDays(ctxOf(req), req.params.id, req.body),
  );

  // ── Workshops ──
  r.get(
    '/competitions/:id/workshops',
    { schema: { tags, params: ZIdParams, response: { 200: list(ZWorkshopSchema) } } },
    async (req) => competitions.listWorkshops(ctxOf(req), req.params.id),
  );
  r.post(
    '/competitions/:id/workshops',
    { schema: { tags, params: ZIdParams, body: ZWorkshopInput, response: { 201: ZWorkshopSchema } } },
    async (req, reply) =>
      reply.code(201).send(await competitions.createWorkshop(ctxOf(req), req.params.id, req.body)),
  );
  r.put(
    '/competitions/workshops/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateWorkshopRequestSchema,
        response: { 200: ZWorkshopSchema },
      },
    },
    async (req) => competitions.updateWorkshop(ctxOf(req), req.params.id, req.body),
  );
  deleteRoute(r, 'workshops', competitions.deleteWorkshop);

  // ── Skills ──
  r.get(
    '/competitions/:id/skills',
    { schema: { tags, params: ZIdParams, response: { 200: list(ZSkillSchema) } } },
    async (req) => skills.listSkills(ctxOf(req), req.params.id),
  );
  r.post(
    '/competitions/:id/skills',
    { schema: { tags, params: ZIdParams, body: ZSkillInput, response: { 201: ZSkillSchema } } },
    async (req, reply) => reply.code(201).send(await skills.createSkill(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/competitions/skills/:id',
    {
      schema: {
        tags,
        description: 'A skill with its entrants (member, competitors) and experts',
        params: ZIdParams,
        response: { 200: ZSkillDetailSchema },
      },
    },
    async (req) => skills.getSkillDetail(ctxOf(req), req.params.id),
  );
  r.put(
    '/competitions/skills/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateSkillRequestSchema, response: { 200: ZSkillSchema } } },
    async (req) => skills.updateSkill(ctxOf(req), req.params.id, req.body),
  );
  deleteRoute(r, 'skills', skills.deleteSkill);

  // ── Members and registrars ──
  r.get(
    '/competitions/:id/members',
    { schema: { tags, params: ZIdParams, response: { 200: list(ZMemberSchema) } } },
    async (req) => members.listMembers(ctxOf(req), req.params.id),
  );
  r.post(
    '/competitions/:id/members',
    { schema: { tags, params: ZIdParams, body: ZMemberInput, response: { 201: ZMemberSchema } } },
    async (req, reply) =>
      reply.code(201).send(await members.createMember(ctxOf(req), req.params.id, req.body)),
  );
  r.put(
    '/competitions/members/:id',
    {
      schema: { tags, params: ZIdParams, body: ZUpdateMemberRequestSchema, response: { 200: ZMemberSchema } },
    },
    async (req) => members.updateMember(ctxOf(req), req.params.id, req.body),
  );
  deleteRoute(r, 'members', members.deleteMember);
  r.post(
    '/competitions/members/:id/registrars',
    {
      schema: { tags, params: ZIdParams, body: ZAddRegistrarRequestSchema, response: { 200: ZMemberSchema } },
    },
    async (req) => members.addRegistrar(ctxOf(req), req.params.id, req.body.userId),
  );
  r.delete(
    '/competitions/members/:id/registrars/:userId',
    { schema: { tags, params: z.object({ id: ZId, userId: ZId }), response: { 200: ZMemberSchema } } },
    async (req) => members.removeRegistrar(ctxOf(req), req.params.id, req.params.userId),
  );

  // ── Entries (organizers, and registrars in the portal) ──
  r.get(
    '/competitions/:id/entries',
    {
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZFindEntriesQuerySchema,
        response: { 200: ZPage(ZEntrySchema) },
      },
    },
    async (req) => entrants.findEntries(ctxOf(req), req.params.id, req.query),
  );
  r.post(
    '/competitions/:id/entries',
    {
      schema: {
        tags,
        description:
          'Registers a competitor or a team. Refusals carry details.reason: registration_closed, ' +
          'skill_entry_limit_reached, team_size_mismatch, duplicate_competitor',
        params: ZIdParams,
        body: ZEntryInput,
        response: { 201: ZEntrySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await entrants.createEntry(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/competitions/entries/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZEntrySchema } } },
    async (req) => entrants.getEntry(ctxOf(req), req.params.id),
  );
  r.put(
    '/competitions/entries/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateEntryRequestSchema, response: { 200: ZEntrySchema } } },
    async (req) => entrants.updateEntry(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/competitions/entries/:id/status',
    { schema: { tags, params: ZIdParams, body: ZEntryStatusRequestSchema, response: { 200: ZEntrySchema } } },
    async (req) => entrants.setEntryStatus(ctxOf(req), req.params.id, req.body),
  );

  // ── Experts ──
  r.get(
    '/competitions/:id/experts',
    {
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZFindExpertsQuerySchema,
        response: { 200: list(ZExpertSchema) },
      },
    },
    async (req) => experts.listExperts(ctxOf(req), req.params.id, req.query),
  );
  r.post(
    '/competitions/:id/experts',
    {
      schema: {
        tags,
        description:
          'Registers an expert for a skill. Refusals carry details.reason: registration_closed, ' +
          'chief_expert_exists, expert_already_registered',
        params: ZIdParams,
        body: ZExpertInput,
        response: { 201: ZExpertSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await experts.createExpert(ctxOf(req), req.params.id, req.body)),
  );
  r.put(
    '/competitions/experts/:id',
    {
      schema: { tags, params: ZIdParams, body: ZUpdateExpertRequestSchema, response: { 200: ZExpertSchema } },
    },
    async (req) => experts.updateExpert(ctxOf(req), req.params.id, req.body),
  );
}
