import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../../contracts/common.js';
import {
  EVIDENCE_MAX_BYTES,
  ZBulkLockResultSchema,
  ZDecideDisputeRequestSchema,
  ZDisputeEvidenceSchema,
  ZDisputeListSchema,
  ZDisputeSchema,
  ZFormDetailSchema,
  ZFormMatrixSchema,
  ZFormReasonRequestSchema,
  ZFormVersionRequestSchema,
  ZMarkBatchRequestSchema,
  ZMarkBatchResultSchema,
  ZRaiseDisputeRequestSchema,
} from '../../../contracts/marking.js';
import { Permission } from '../../../contracts/roles.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import * as disputes from './disputes.service.js';
import { enterMarks } from './entry.service.js';
import { formDetail, formMatrix } from './forms.service.js';
import * as workflow from './workflow.service.js';

const tags = ['marking'];
const ZSkillParams = z.object({ skillId: ZId });
const ZFormParams = z.object({ formId: ZId });
const ZDisputeParams = z.object({ disputeId: ZId });

/**
 * Marking forms, bench mark entry, the form workflow and disputes (issue 4). Permissions: MarkEnter
 * for forms and entry (and an expert record on the skill), MarkingSupervise + the skill's chief/deputy
 * position for lock, unlock, bulk lock and dispute decisions, DisputeRaise for disputes.
 */
export async function markingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/marking/skills/:skillId/forms',
    { schema: { tags, params: ZSkillParams, response: { 200: ZFormMatrixSchema } } },
    async (req) => formMatrix(ctxOf(req), req.params.skillId),
  );

  r.post(
    '/marking/skills/:skillId/sub-criteria/:subCriterionKey/lock',
    {
      schema: {
        tags,
        params: ZSkillParams.extend({ subCriterionKey: z.string().min(1).max(64) }),
        description: 'Locks every signed form of the sub-criterion (skill supervisor).',
        response: { 200: ZBulkLockResultSchema },
      },
    },
    async (req) => workflow.lockSubCriterion(ctxOf(req), req.params.skillId, req.params.subCriterionKey),
  );

  r.get(
    '/marking/forms/:formId',
    { schema: { tags, params: ZFormParams, response: { 200: ZFormDetailSchema } } },
    async (req) => formDetail(ctxOf(req), req.params.formId),
  );

  r.put(
    '/marking/forms/:formId/marks',
    {
      schema: {
        tags,
        params: ZFormParams,
        body: ZMarkBatchRequestSchema,
        description:
          'All-or-nothing batch of observations and judge scores with the versions the client saw; ' +
          '409 VERSION_CONFLICT lists `details.stale`. A replayed clientBatchId gets the first result.',
        response: { 200: ZMarkBatchResultSchema },
      },
    },
    async (req) => enterMarks(ctxOf(req), req.params.formId, req.body),
  );

  for (const step of ['check', 'sign', 'lock'] as const) {
    r.post(
      `/marking/forms/:formId/${step}`,
      {
        schema: {
          tags,
          params: ZFormParams,
          body: ZFormVersionRequestSchema,
          response: { 200: ZFormDetailSchema },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const fn =
          step === 'check' ? workflow.checkForm : step === 'sign' ? workflow.signForm : workflow.lockForm;
        return fn(ctx, req.params.formId, req.body.version);
      },
    );
  }
  r.post(
    '/marking/forms/:formId/unlock',
    {
      schema: {
        tags,
        params: ZFormParams,
        body: ZFormReasonRequestSchema,
        response: { 200: ZFormDetailSchema },
      },
    },
    async (req) => workflow.unlockForm(ctxOf(req), req.params.formId, req.body.version, req.body.reason),
  );
  r.post(
    '/marking/forms/:formId/return',
    {
      schema: {
        tags,
        params: ZFormParams,
        body: ZFormReasonRequestSchema,
        response: { 200: ZFormDetailSchema },
      },
    },
    async (req) => workflow.returnForm(ctxOf(req), req.params.formId, req.body.version, req.body.reason),
  );

  r.get(
    '/marking/skills/:skillId/disputes',
    { schema: { tags, params: ZSkillParams, response: { 200: ZDisputeListSchema } } },
    async (req) => disputes.listDisputes(ctxOf(req), req.params.skillId),
  );
  r.post(
    '/marking/skills/:skillId/disputes',
    {
      schema: {
        tags,
        params: ZSkillParams,
        body: ZRaiseDisputeRequestSchema,
        response: { 201: ZDisputeSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await disputes.raiseDispute(ctxOf(req), req.params.skillId, req.body)),
  );
  r.get(
    '/marking/disputes/:disputeId',
    { schema: { tags, params: ZDisputeParams, response: { 200: ZDisputeSchema } } },
    async (req) => disputes.getDispute(ctxOf(req), req.params.disputeId),
  );
  r.post(
    '/marking/disputes/:disputeId/decide',
    {
      schema: {
        tags,
        params: ZDisputeParams,
        body: ZDecideDisputeRequestSchema,
        response: { 200: ZDisputeSchema },
      },
    },
    async (req) => disputes.decideDispute(ctxOf(req), req.params.disputeId, req.body),
  );
  r.post(
    '/marking/disputes/:disputeId/withdraw',
    {
      schema: {
        tags,
        params: ZDisputeParams,
        body: ZFormVersionRequestSchema,
        response: { 200: ZDisputeSchema },
      },
    },
    async (req) => disputes.withdrawDispute(ctxOf(req), req.params.disputeId, req.body.version),
  );
  r.post(
    '/marking/disputes/:disputeId/evidence',
    {
      schema: {
        tags,
        params: ZDisputeParams,
        consumes: ['multipart/form-data'],
        description: 'Multipart: the photo (PNG, JPEG, WebP) or PDF in the field `file`.',
        response: { 201: ZDisputeEvidenceSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const upload = await readUpload(req, EVIDENCE_MAX_BYTES, { requires: Permission.DisputeRaise });
      const created = await disputes.addEvidence(ctx, req.params.disputeId, {
        fileName: upload.fileName,
        bytes: upload.bytes,
      });
      return reply.code(201).send(created);
    },
  );
  r.get(
    '/marking/disputes/:disputeId/evidence/:evidenceId',
    { schema: { tags, params: ZDisputeParams.extend({ evidenceId: ZId }) } },
    async (req, reply) => {
      const f = await disputes.readEvidence(ctxOf(req), req.params.disputeId, req.params.evidenceId);
      return reply
        .type(f.contentType)
        .header('content-disposition', attachment(f.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(f.bytes);
    },
  );
}
