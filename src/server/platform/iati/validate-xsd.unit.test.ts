import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyIatiActivity } from '../../../domain/iati/activity.js';
import { richIatiActivity } from '../../../domain/iati/testing/rich-activity.js';
import { buildIatiActivitiesXml } from '../../../domain/iati/xml-writer.js';
import { IATI_SCHEMA_DIR, IATI_SCHEMA_FILES, validateIatiActivitiesXml } from './validate-xsd.js';

// CI clones the repository next to the `shared` folder: fixtures are found from the repo root.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const fixtures = path.resolve(repoRoot, '../shared/fixtures/iati-2.03');
const read = (file: string) => readFileSync(path.join(fixtures, file), 'utf8');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the bundled IATI 2.03 schemas', () => {
  it('are byte-identical to the shared fixture copies and to the published sums', () => {
    const readme = read('README.md');
    for (const file of IATI_SCHEMA_FILES) {
      const ours = readFileSync(path.join(IATI_SCHEMA_DIR, file));
      expect(ours.equals(readFileSync(path.join(fixtures, file))), file).toBe(true);
      expect(readme).toContain(`| \`${file}\` |`);
      expect(readme).toContain(sha256(ours));
    }
    expect(sha256(readFileSync(path.join(IATI_SCHEMA_DIR, 'iati-activities-schema.xsd')))).toBe(
      '62c91a66c82ee26864d5e6c3f4bd6358de14d3aec69bc649db85da9f9a0792bc',
    );
  });
});

describe('validateIatiActivitiesXml', () => {
  it('accepts the valid sample', async () => {
    expect(await validateIatiActivitiesXml(read('samples/valid-activity.xml'))).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('rejects the invalid sample where reporting-org is missing, with line and column', async () => {
    const result = await validateIatiActivitiesXml(read('samples/invalid-activity.xml'));
    expect(result).toEqual({
      valid: false,
      errors: [
        {
          line: 8,
          column: 5,
          kind: 'schema',
          element: 'title',
          message: "Element 'title': This element is not expected. Expected is ( reporting-org ).",
        },
      ],
    });
  });

  it('reports elements out of order once reporting-org is there, then the missing value-date', async () => {
    const xml = read('samples/invalid-activity.xml').replace(
      '<title>',
      '<reporting-org ref="CN-USCI-000000000000000000" type="80"><narrative>College</narrative></reporting-org>\n    <title>',
    );
    const result = await validateIatiActivitiesXml(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.line, e.element, e.message])).toEqual([
      [
        15,
        'activity-status',
        "Element 'activity-status': This element is not expected. Expected is one of ( description, participating-org ).",
      ],
    ]);
    const ordered = xml
      .replace('    <activity-status code="1"/>\n', '')
      .replace('    <activity-date', '    <activity-status code="1"/>\n    <activity-date');
    const second = await validateIatiActivitiesXml(ordered);
    expect(second.errors.map((e) => [e.line, e.column, e.element, e.message])).toEqual([
      [23, 7, 'value', "Element 'value': The attribute 'value-date' is required but missing."],
    ]);
  });

  it('accepts the writer output for an activity with every element and narratives in en, zh and ar', async () => {
    const xml = buildIatiActivitiesXml([richIatiActivity(), richIatiActivity()], {
      generatedDatetime: '2025-02-01T08:00:00Z',
      linkedDataDefault: 'https://college.example.org/iati/',
    });
    expect(await validateIatiActivitiesXml(xml)).toEqual({ valid: true, errors: [] });
  });

  it('rejects writer output that lacks required elements, naming the element', async () => {
    const a = emptyIatiActivity('CN-USCI-000000000000000000-X');
    a.reportingOrg = {
      ref: 'CN-USCI-000000000000000000',
      type: '80',
      secondaryReporter: null,
      narratives: [],
    };
    const xml = buildIatiActivitiesXml([a], { generatedDatetime: '2025-02-01T08:00:00Z' });
    const result = await validateIatiActivitiesXml(xml);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatchObject({ line: 5, column: 5, element: 'reporting-org', kind: 'schema' });
    expect(result.errors[0]?.message).toContain('Missing child element(s). Expected is ( narrative )');
  });

  it('reports XML that is not well-formed as parser errors with line and column', async () => {
    const result = await validateIatiActivitiesXml(
      '<?xml version="1.0"?>\n<iati-activities version="2.03">\n  <iati-activity><b></iati-activity>\n</iati-activities>',
    );
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toEqual({
      line: 3,
      column: 37,
      kind: 'parser',
      element: null,
      message: 'Opening and ending tag mismatch: b line 3 and iati-activity',
    });
  });
});
