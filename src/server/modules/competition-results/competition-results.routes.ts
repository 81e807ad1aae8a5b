import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZCompetitionIdParams,
  ZCompetitionResults,
  ZExportParams,
  ZJudgeAnalysis,
  ZParticipantAchievements,
  ZPublicCompetitionParams,
  ZReasonRequest,
  ZScoreboard,
  ZSignOffRequest,
  ZSkillIdParams,
  ZSkillResults,
} from '../../../contracts/competition-results.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment } from '../../platform/http/uploads.js';
import { participantAchievements } from './achievements.js';
import * as competitionResults from './competition-results.service.js';
import { judgeAnalysis } from './judge-analysis.service.js';
import * as results from './results.service.js';
import { exportSkill } from './results-exports.js';
import { closeStreamsOnShutdown, streamScoreboard } from './scoreboard-stream.js';

const tags = ['competition results'];
const publicTags = ['public competition results'];
const publicSchema = { security: [] as never[] };

export async function competitionResultsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  closeStreamsOnShutdown(app);

  r.get(
    '/competition-results/skills/:skillId',
    { schema: { tags, params: ZSkillIdParams, response: { 200: ZSkillResults } } },
    async (req) => results.getSkillResults(ctxOf(req), req.params.skillId),
  );

  r.post(
    '/competition-results/skills/:skillId/sign-off',
    { schema: { tags, params: ZSkillIdParams, body: ZSignOffRequest, response: { 200: ZSkillResults } } },
    async (req) => results.signOff(ctxOf(req), req.params.skillId, req.body),
  );

  r.post(
    '/competition-results/skills/:skillId/withdraw-sign-off',
    { schema: { tags, params: ZSkillIdParams, body: ZReasonRequest, response: { 200: ZSkillResults } } },
    async (req) => results.withdrawSignOff(ctxOf(req), req.params.skillId, req.body),
  );

  r.post(
    '/competition-results/skills/:skillId/publish',
    { schema: { tags, params: ZSkillIdParams, body: ZSignOffRequest, response: { 200: ZSkillResults } } },
    async (req) => results.publish(ctxOf(req), req.params.skillId, req.body),
  );

  r.post(
    '/competition-results/skills/:skillId/unpublish',
    { schema: { tags, params: ZSkillIdParams, body: ZReasonRequest, response: { 200: ZSkillResults } } },
    async (req) => results.unpublish(ctxOf(req), req.params.skillId, req.body),
  );

  r.get(
    '/competition-results/skills/:skillId/judge-analysis',
    { schema: { tags, params: ZSkillIdParams, response: { 200: ZJudgeAnalysis } } },
    async (req) => judgeAnalysis(ctxOf(req), req.params.skillId),
  );

  r.get(
    '/competition-results/skills/:skillId/exports/:kind/:format',
    { schema: { tags, params: ZExportParams } },
    async (req, reply) => {
      const f = await exportSkill(ctxOf(req), req.params.skillId, req.params.kind, req.params.format);
      return reply
        .type(f.contentType)
        .header('content-disposition', attachment(f.fileName))
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    },
  );

  r.get(
    '/competition-results/competitions/:competitionId',
    { schema: { tags, params: ZCompetitionIdParams, response: { 200: ZCompetitionResults } } },
    async (req) => competitionResults.getCompetitionResults(ctxOf(req), req.params.competitionId),
  );

  r.get(
    '/competition-results/participants/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZParticipantAchievements } } },
    async (req) => participantAchievements(ctxOf(req), req.params.id),
  );

  /* ---------- public: no session; published skills only ---------- */

  r.get(
    '/public/competitions/:orgKey/:competitionSlug',
    {
      schema: {
        tags: publicTags,
        ...publicSchema,
        params: ZPublicCompetitionParams,
        response: { 200: ZCompetitionResults },
      },
    },
    async (req, reply) => {
      const data = await competitionResults.getPublicCompetitionResults(
        req.server.deps,
        req.params.orgKey,
        req.params.competitionSlug,
      );
      return reply.header('cache-control', 'public, max-age=15').send(data);
    },
  );

  r.get(
    '/public/competitions/:orgKey/:competitionSlug/scoreboard',
    {
      schema: {
        tags: publicTags,
        ...publicSchema,
        params: ZPublicCompetitionParams,
        response: { 200: ZScoreboard },
      },
    },
    async (req, reply) => {
      const competition = await competitionResults.publicCompetition(
        req.server.deps,
        req.params.orgKey,
        req.params.competitionSlug,
      );
      return reply
        .header('cache-control', 'no-cache')
        .send(await competitionResults.scoreboardOf(req.server.deps, competition));
    },
  );

  r.get(
    '/public/competitions/:orgKey/:competitionSlug/scoreboard/stream',
    {
      schema: {
        tags: publicTags,
        ...publicSchema,
        params: ZPublicCompetitionParams,
        description:
          'Server-Sent Events: `scoreboard` (TScoreboard) on change, `published` ({ skillId, number }).',
      },
    },
    async (req, reply) => {
      const competition = await competitionResults.publicCompetition(
        req.server.deps,
        req.params.orgKey,
        req.params.competitionSlug,
      );
      streamScoreboard(req, reply, req.server.deps, competition);
      return reply;
    },
  );
}
