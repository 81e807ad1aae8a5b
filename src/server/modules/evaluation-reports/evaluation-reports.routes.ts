import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZEvaluationParams,
  ZEvaluationQuery,
  ZPortfolioReportQuery,
  ZProjectEvaluationSchema,
  ZProjectReportQuery,
} from '../../../contracts/evaluation-reports.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment } from '../../platform/http/uploads.js';
import { TABULAR_CONTENT_TYPES } from '../../platform/spreadsheets/tabular-files.js';
import * as evaluation from './evaluation-reports.service.js';
import { renderPortfolioReportPdf, renderProjectReportPdf } from './report-pdf.js';
import { renderPortfolioReportXlsx, renderProjectReportXlsx } from './report-xlsx.js';

const tags = ['evaluation reports'];

function send(reply: FastifyReply, bytes: Uint8Array, contentType: string, fileName: string) {
  return reply
    .type(contentType)
    .header('content-disposition', attachment(fileName))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(bytes));
}

/** File names like evaluation-PRJ-01-2026-03-15.pdf (the code as typed; attachment() escapes it). */
function fileName(stem: string, today: string, ext: string) {
  return `evaluation-${stem.replace(/[\\/:*?"<>|\s]+/g, '-')}-${today}.${ext}`;
}

/**
 * Evaluation pages and reports: a project's (or programme's) evaluation page data, its report as a
 * bilingual PDF and its data as XLSX, and the same for the college's portfolio of a year.
 */
export async function evaluationReportsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/projects/:id/evaluation',
    {
      schema: {
        tags,
        params: ZEvaluationParams,
        querystring: ZEvaluationQuery,
        response: { 200: ZProjectEvaluationSchema },
        description:
          'Indicators with progress and status, surveys by Kirkpatrick level with their analytics, and the pooled headline figures; scope=programme adds the sub-projects',
      },
    },
    async (req) => evaluation.getProjectEvaluation(ctxOf(req), req.params.id, req.query.scope),
  );

  r.get(
    '/projects/:id/evaluation/report.pdf',
    {
      schema: {
        tags,
        params: ZEvaluationParams,
        querystring: ZProjectReportQuery,
        description: 'The evaluation report as a PDF in one or two languages (languages=en,zh-CN)',
      },
    },
    async (req, reply) => {
      const report = await evaluation.projectReport(ctxOf(req), req.params.id, req.query);
      const bytes = await renderProjectReportPdf(report);
      return send(reply, bytes, 'application/pdf', fileName(report.project.code, report.today, 'pdf'));
    },
  );

  r.get(
    '/projects/:id/evaluation/report.xlsx',
    {
      schema: {
        tags,
        params: ZEvaluationParams,
        querystring: ZProjectReportQuery,
        description:
          'The data of the evaluation report: indicators and periods, surveys, items, scales, and learning gain per participant with survey.results_read',
      },
    },
    async (req, reply) => {
      const report = await evaluation.projectReport(ctxOf(req), req.params.id, req.query);
      const bytes = await renderProjectReportXlsx(report);
      return send(
        reply,
        bytes,
        TABULAR_CONTENT_TYPES.xlsx,
        fileName(report.project.code, report.today, 'xlsx'),
      );
    },
  );

  r.get(
    '/evaluation/portfolio-report.pdf',
    {
      schema: {
        tags,
        querystring: ZPortfolioReportQuery,
        description: 'The evaluation report of the college’s projects running in a year, as a PDF',
      },
    },
    async (req, reply) => {
      const report = await evaluation.portfolioReport(ctxOf(req), req.query);
      const bytes = await renderPortfolioReportPdf(report);
      return send(reply, bytes, 'application/pdf', fileName(`portfolio-${report.year}`, report.today, 'pdf'));
    },
  );

  r.get(
    '/evaluation/portfolio-report.xlsx',
    {
      schema: {
        tags,
        querystring: ZPortfolioReportQuery,
        description: 'The data of the portfolio evaluation report, one row per project in the Projects sheet',
      },
    },
    async (req, reply) => {
      const report = await evaluation.portfolioReport(ctxOf(req), req.query);
      const bytes = await renderPortfolioReportXlsx(report);
      return send(
        reply,
        bytes,
        TABULAR_CONTENT_TYPES.xlsx,
        fileName(`portfolio-${report.year}`, report.today, 'xlsx'),
      );
    },
  );
}
