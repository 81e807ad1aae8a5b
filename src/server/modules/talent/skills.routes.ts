import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZOk } from '../../../contracts/common.js';
import { Permission } from '../../../contracts/roles.js';
import {
  ZCollegeSkillDetailSchema,
  ZCollegeSkillImportPreviewSchema,
  ZCollegeSkillImportResultSchema,
  ZConfirmEscoRequest,
  ZConfirmTaxonomyEscoRequest,
  ZCreateCollegeSkillRequest,
  ZDeleteQuery,
  ZFindCollegeSkillsQuerySchema,
  ZSetTaxonomyLabelsRequest,
  ZTaxonomyItemSchema,
  ZTaxonomyOverviewSchema,
  ZUpdateCollegeSkillRequest,
  ZVersionRequest,
} from '../../../contracts/talent-skills.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import { TABULAR_CONTENT_TYPES } from '../../platform/spreadsheets/tabular-files.js';
import * as skills from './skills.service.js';
import * as transfer from './skills.transfer.js';

const tags = ['talent'];
const ZFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
const ZSkillList = z.object({ data: z.array(ZCollegeSkillDetailSchema) });

/** The college's own skills and its curation of the shipped taxonomy (registered by talentRoutes). */
export async function skillsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/talent/college-skills',
    { schema: { tags, querystring: ZFindCollegeSkillsQuerySchema, response: { 200: ZSkillList } } },
    async (req) => skills.findCollegeSkills(ctxOf(req), req.query),
  );
  r.post(
    '/talent/college-skills',
    { schema: { tags, body: ZCreateCollegeSkillRequest, response: { 201: ZCollegeSkillDetailSchema } } },
    async (req, reply) => reply.code(201).send(await skills.createCollegeSkill(ctxOf(req), req.body)),
  );
  r.get('/talent/college-skills/export', { schema: { tags, querystring: ZFormat } }, async (req, reply) => {
    const bytes = await transfer.exportCollegeSkills(ctxOf(req), req.query.format);
    return reply
      .type(TABULAR_CONTENT_TYPES[req.query.format])
      .header('content-disposition', attachment(`college-skills.${req.query.format}`))
      .send(bytes);
  });
  r.post(
    '/talent/college-skills/import/preview',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: ZCollegeSkillImportPreviewSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.SKILL_IMPORT_MAX_BYTES, {
        requires: Permission.TalentManage,
      });
      return transfer.previewSkillImport(ctx, file.fileName, file.bytes);
    },
  );
  r.post(
    '/talent/college-skills/import',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZCollegeSkillImportResultSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.SKILL_IMPORT_MAX_BYTES, {
        requires: Permission.TalentManage,
      });
      return transfer.importCollegeSkills(ctx, file.fileName, file.bytes);
    },
  );
  r.get(
    '/talent/college-skills/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZCollegeSkillDetailSchema } } },
    async (req) => skills.getCollegeSkill(ctxOf(req), req.params.id),
  );
  r.put(
    '/talent/college-skills/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateCollegeSkillRequest,
        response: { 200: ZCollegeSkillDetailSchema },
      },
    },
    async (req) => skills.updateCollegeSkill(ctxOf(req), req.params.id, req.body),
  );
  r.delete(
    '/talent/college-skills/:id',
    { schema: { tags, params: ZIdParams, querystring: ZDeleteQuery, response: { 200: ZOk } } },
    async (req) => skills.deleteCollegeSkill(ctxOf(req), req.params.id, req.query.version),
  );
  for (const [path, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/talent/college-skills/:id/${path}`,
      {
        schema: {
          tags,
          params: ZIdParams,
          body: ZVersionRequest,
          response: { 200: ZCollegeSkillDetailSchema },
        },
      },
      async (req) => skills.setCollegeSkillArchived(ctxOf(req), req.params.id, req.body.version, archived),
    );
  }
  r.post(
    '/talent/college-skills/:id/esco-confirmation',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZConfirmEscoRequest,
        response: { 200: ZCollegeSkillDetailSchema },
      },
    },
    async (req) => skills.confirmCollegeSkillEsco(ctxOf(req), req.params.id, req.body),
  );

  r.get('/talent/taxonomy', { schema: { tags, response: { 200: ZTaxonomyOverviewSchema } } }, async (req) =>
    skills.taxonomyOverview(ctxOf(req)),
  );
  r.put(
    '/talent/taxonomy/labels',
    { schema: { tags, body: ZSetTaxonomyLabelsRequest, response: { 200: ZTaxonomyItemSchema } } },
    async (req) => skills.setTaxonomyLabels(ctxOf(req), req.body),
  );
  r.post(
    '/talent/taxonomy/esco-confirmation',
    { schema: { tags, body: ZConfirmTaxonomyEscoRequest, response: { 200: ZTaxonomyItemSchema } } },
    async (req) => skills.confirmTaxonomyEsco(ctxOf(req), req.body),
  );
}
