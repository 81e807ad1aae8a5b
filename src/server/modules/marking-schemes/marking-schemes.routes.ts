import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/common.js';
import {
  ZCreateSchemeRequestSchema,
  ZLockSchemeRequestSchema,
  ZMyAssignmentsSchema,
  ZReplaceSchemeRequestSchema,
  ZReplaceTeamRequestSchema,
  ZSchemeImportPreviewSchema,
  ZSchemeParams,
  ZSchemeTeamsSchema,
  ZSchemeVersionListSchema,
  ZSchemeVersionSchema,
  ZSkillParams,
  ZTeamParams,
  ZUnlockSchemeRequestSchema,
  ZVersionQuerySchema,
} from '../../../contracts/marking-schemes.js';
import { Permission } from '../../../contracts/roles.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import { CIS_WORKBOOK_CONTENT_TYPE } from '../../platform/spreadsheets/cis-workbook-files.js';
import * as schemes from './marking-schemes.service.js';
import * as transfer from './marking-schemes.transfer.js';
import * as teams from './marking-teams.service.js';

const tags = ['marking schemes'];
const base = '/competitions/skills/:skillId';

export async function markingSchemesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${base}/schemes`,
    { schema: { tags, params: ZSkillParams, response: { 200: ZSchemeVersionListSchema } } },
    async (req) => schemes.listSchemeVersions(ctxOf(req), req.params.skillId),
  );

  r.post(
    `${base}/schemes`,
    {
      schema: {
        tags,
        params: ZSkillParams,
        body: ZCreateSchemeRequestSchema,
        response: { 201: ZSchemeVersionSchema },
        description: 'A new draft version: empty, from a JSON document, or a copy of the latest version',
      },
    },
    async (req, reply) =>
      reply.code(201).send(await schemes.createSchemeVersion(ctxOf(req), req.params.skillId, req.body)),
  );

  r.post(
    `${base}/schemes/import/preview`,
    {
      schema: {
        tags,
        params: ZSkillParams,
        consumes: ['multipart/form-data'],
        response: { 200: ZSchemeImportPreviewSchema },
        description: 'Checks a CIS Marking Scheme Import workbook; writes nothing',
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.SCHEME_IMPORT_MAX_BYTES, {
        requires: Permission.MarkingSchemeManage,
      });
      return transfer.previewSchemeImport(ctx, req.params.skillId, file.fileName, file.bytes);
    },
  );

  r.post(
    `${base}/schemes/import`,
    {
      schema: {
        tags,
        params: ZSkillParams,
        consumes: ['multipart/form-data'],
        response: { 201: ZSchemeVersionSchema },
        description: 'Creates a draft version from a CIS workbook, or nothing (422 with every problem)',
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.SCHEME_IMPORT_MAX_BYTES, {
        requires: Permission.MarkingSchemeManage,
      });
      return reply
        .code(201)
        .send(await transfer.importScheme(ctx, req.params.skillId, file.fileName, file.bytes));
    },
  );

  r.get(
    `${base}/schemes/:schemeId`,
    { schema: { tags, params: ZSchemeParams, response: { 200: ZSchemeVersionSchema } } },
    async (req) => schemes.getSchemeVersion(ctxOf(req), req.params.skillId, req.params.schemeId),
  );

  r.put(
    `${base}/schemes/:schemeId`,
    {
      schema: {
        tags,
        params: ZSchemeParams,
        body: ZReplaceSchemeRequestSchema,
        response: { 200: ZSchemeVersionSchema },
        description: 'Replaces the whole document of a draft (409 on a stale version)',
      },
    },
    async (req) =>
      schemes.replaceSchemeVersion(ctxOf(req), req.params.skillId, req.params.schemeId, req.body),
  );

  r.delete(
    `${base}/schemes/:schemeId`,
    { schema: { tags, params: ZSchemeParams, querystring: ZVersionQuerySchema, response: { 200: ZOk } } },
    async (req) =>
      schemes.deleteSchemeVersion(ctxOf(req), req.params.skillId, req.params.schemeId, req.query.version),
  );

  r.post(
    `${base}/schemes/:schemeId/lock`,
    {
      schema: {
        tags,
        params: ZSchemeParams,
        body: ZLockSchemeRequestSchema,
        response: { 200: ZSchemeVersionSchema },
        description: 'Locks a valid draft and creates its marking forms (skill supervisor)',
      },
    },
    async (req) =>
      schemes.lockSchemeVersion(ctxOf(req), req.params.skillId, req.params.schemeId, req.body.version),
  );

  r.post(
    `${base}/schemes/:schemeId/unlock`,
    {
      schema: {
        tags,
        params: ZSchemeParams,
        body: ZUnlockSchemeRequestSchema,
        response: { 200: ZSchemeVersionSchema },
        description: 'Returns a locked version without marks to a draft, with a reason (skill supervisor)',
      },
    },
    async (req) => schemes.unlockSchemeVersion(ctxOf(req), req.params.skillId, req.params.schemeId, req.body),
  );

  r.get(
    `${base}/schemes/:schemeId/export`,
    {
      schema: {
        tags,
        params: ZSchemeParams,
        description: 'The version as a CIS Marking Scheme Import workbook',
      },
    },
    async (req, reply) => {
      const { bytes, fileName } = await transfer.exportScheme(
        ctxOf(req),
        req.params.skillId,
        req.params.schemeId,
      );
      return reply
        .type(CIS_WORKBOOK_CONTENT_TYPE)
        .header('content-disposition', attachment(fileName))
        .send(bytes);
    },
  );

  r.get(
    `${base}/schemes/:schemeId/teams`,
    { schema: { tags, params: ZSchemeParams, response: { 200: ZSchemeTeamsSchema } } },
    async (req) => teams.getSchemeTeams(ctxOf(req), req.params.skillId, req.params.schemeId),
  );

  r.put(
    `${base}/schemes/:schemeId/teams/:subCriterionKey`,
    {
      schema: {
        tags,
        params: ZTeamParams,
        body: ZReplaceTeamRequestSchema,
        response: { 200: ZSchemeTeamsSchema },
        description: 'Replaces the marking team of one sub-criterion; answers the compatriot coverage',
      },
    },
    async (req) =>
      teams.replaceTeam(
        ctxOf(req),
        req.params.skillId,
        req.params.schemeId,
        req.params.subCriterionKey,
        req.body,
      ),
  );

  r.get(
    `${base}/teams/mine`,
    {
      schema: {
        tags,
        params: ZSkillParams,
        response: { 200: ZMyAssignmentsSchema },
        description: "The signed-in expert's sub-criteria and entries on the locked scheme",
      },
    },
    async (req) => teams.myAssignments(ctxOf(req), req.params.skillId),
  );
}
