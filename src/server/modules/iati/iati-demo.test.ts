import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemoWorkspace } from '../../../cli/seed-demo.js';
import type { TIatiExportPreview } from '../../../contracts/iati.js';
import { validateIatiActivitiesXml } from '../../platform/iati/validate-xsd.js';
import { parseIatiActivities } from '../../platform/iati/xml-reader.js';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoWorkspace(t.deps)).not.toBeNull();
});
afterAll(async () => {
  await t.close();
});

describe('iati export of the demo portfolio', () => {
  it('validates against the IATI 2.03 XSD, the codelists and the rules', async () => {
    const admin = await signIn(t.app, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    const projects = (await admin.get('/api/v1/projects?pageSize=100')).json();
    expect(projects.total).toBeGreaterThan(0);

    const preview: TIatiExportPreview = (
      await admin.post('/api/v1/iati/export/preview', { scope: 'all' })
    ).json();
    const errors = preview.activities.flatMap((a) =>
      a.problems.filter((p) => p.severity === 'error').map((p) => `${a.code}: ${p.path} ${p.message}`),
    );
    expect(errors).toEqual([]);
    expect(preview.documentProblems).toEqual([]);
    expect(preview.valid).toBe(true);
    expect(preview.activities).toHaveLength(projects.total);

    const res = await admin.post('/api/v1/iati/export', { scope: 'all' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await validateIatiActivitiesXml(res.body)).toEqual({ valid: true, errors: [] });
    const parsed = parseIatiActivities(res.body);
    expect(parsed.activities.map((a) => a.identifier).sort()).toEqual(
      preview.activities.map((a) => a.identifier).sort(),
    );
    // The demo's sub-project points at its programme, and back.
    const cohort = parsed.activities.find((a) => a.identifier.endsWith('-EA-TTC-2026-1'));
    expect(cohort?.relatedActivities).toEqual([{ ref: 'CN-USCI-12440100MB2C00000X-EA-TTC', type: '1' }]);
  });
});
