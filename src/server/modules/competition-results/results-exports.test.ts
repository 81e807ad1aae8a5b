import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TScoreboard } from '../../../contracts/competition-results.js';
import { readTabularFile } from '../../platform/spreadsheets/tabular-files.js';
import {
  type Client,
  createMember,
  createOrganization,
  createTestApp,
  signIn,
  type TestApp,
} from '../../test/test-app.js';
import { type EntrantSpec, seedSkill, WORKED_EXAMPLE } from './test-fixtures.js';

let t: TestApp;
let orgId: string;
let admin: Client;
let chief: Client;
let chiefUserId: string;

const base = '/api/v1/competition-results';

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrganization(t.deps);
  admin = await signIn(t.app, (await createMember(t.deps, orgId, 'admin')).email);
  const c = await createMember(t.deps, orgId, 'chief_expert');
  chiefUserId = c.userId;
  chief = await signIn(t.app, c.email);
});

afterAll(async () => {
  await t.close();
});

function seed(entrants: EntrantSpec[]) {
  return seedSkill(t.deps, orgId, {
    entrants,
    experts: [
      { userId: chiefUserId, role: 'chief_expert', member: 'AT', firstName: 'Karin' },
      { userId: null, role: 'expert', member: 'IE', firstName: 'Sean' },
      { userId: null, role: 'expert', member: 'KH', firstName: 'Sophea' },
    ],
  });
}

async function download(client: Client, url: string) {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { res, bytes: res.rawPayload };
}

describe('exports', () => {
  it('writes the results XLSX in the CIS columns, one row per competitor, formula-safe', async () => {
    const s = await seed([
      ...WORKED_EXAMPLE.slice(0, 5),
      { name: '=HYPERLINK("http://evil")', member: 'FR', errors: 776, judge: 0 },
    ]);
    const { res, bytes } = await download(chief, `${base}/skills/${s.skillId}/exports/results/xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('results.xlsx');
    const cells = await readTabularFile(bytes);
    expect(cells[0]).toEqual([
      'Position',
      'Member',
      'Member Name',
      'Skill Number',
      'Medal',
      'First Name',
      'Last Name',
      'Entrant',
      'Raw Total',
      'WorldSkills Scale Score',
    ]);
    expect(cells.slice(1, 4)).toEqual([
      ['1', 'AT', 'Member AT', '01', 'Gold', 'Anna', 'Berger', 'Anna Berger', '88.90', '743'],
      ['2', 'IE', 'Member IE', '01', 'Silver', 'Brian', 'Kelly', 'Brian Kelly', '80.35', '721'],
      ['3', 'KH', 'Member KH', '01', 'Bronze', 'Chenda', 'Sok', 'Chenda Sok', '73.10', '702'],
    ]);
    expect(cells).toHaveLength(7);
    const evil = cells.find((r) => r[1] === 'FR');
    expect(evil?.[7]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('writes the marks summary XLSX: sub-criteria, criterion totals and the raw total', async () => {
    const s = await seed(WORKED_EXAMPLE);
    const { bytes } = await download(chief, `${base}/skills/${s.skillId}/exports/marks/xlsx`);
    const cells = await readTabularFile(bytes);
    expect(cells[0]).toEqual([
      'Position',
      'Member',
      'Entrant',
      'A1',
      'A total',
      'B1',
      'B total',
      'Raw total',
    ]);
    expect(cells[1]).toEqual(['1', 'AT', 'Anna Berger', '85.90', '85.90', '3.00', '3.00', '88.90']);
    expect(cells[6]).toEqual(['6', 'FR', 'Farah Saleh', '58.20', '58.20', '0.00', '0.00', '58.20']);
  });

  it('writes PDFs: the results sheet and the marks summary experts sign, paginated', async () => {
    const s = await seed(WORKED_EXAMPLE);
    for (const kind of ['results', 'marks']) {
      const { res, bytes } = await download(chief, `${base}/skills/${s.skillId}/exports/${kind}/pdf`);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount(), kind).toBe(1);
      const [w, h] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
      expect(kind === 'marks' ? w > h : h > w, `${kind} orientation`).toBe(true);
      expect(pdf.getTitle()).toContain(kind === 'marks' ? 'Marks summary' : 'Results');
    }
    // 45 entrants do not fit one portrait page: the table continues on a second one.
    const many: EntrantSpec[] = Array.from({ length: 45 }, (_, i) => ({
      name: `Competitor ${String(i + 1).padStart(2, '0')}`,
      member: `M${String(i).padStart(2, '0')}`,
      errors: 10 * i,
      judge: (i % 4) as 0 | 1 | 2 | 3,
    }));
    const big = await seed(many);
    const { bytes } = await download(admin, `${base}/skills/${big.skillId}/exports/results/pdf`);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
  });
});

/** Reads Server-Sent Events from a real socket until `until` returns true or the time is up. */
function readEvents(
  url: string,
  until: (events: Array<{ event: string; data: unknown }>) => boolean,
  timeoutMs: number,
): Promise<{ status: number; contentType: string; events: Array<{ event: string; data: unknown }> }> {
  return new Promise((resolve, reject) => {
    const events: Array<{ event: string; data: unknown }> = [];
    let buffer = '';
    const req = http.get(url, (res) => {
      res.setEncoding('utf8');
      const finish = () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), events });
      };
      const timer = setTimeout(finish, timeoutMs);
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) {
            events.push({ event, data: JSON.parse(data) });
          }
          cut = buffer.indexOf('\n\n');
        }
        if (until(events)) {
          finish();
        }
      });
    });
    req.on('error', reject);
  });
}

describe('venue scoreboard stream', () => {
  it('sends the scoreboard at once and a published event when results are published', async () => {
    const s = await seed(WORKED_EXAMPLE);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/v1/public/competitions/${orgId}/${s.slug}/scoreboard/stream`;

    const first = await readEvents(url, (e) => e.length >= 1, 5000);
    expect(first.status).toBe(200);
    expect(first.contentType).toContain('text/event-stream');
    expect(first.events[0]?.event).toBe('scoreboard');
    const board = first.events[0]?.data as {
      skills: Array<{ id: string; state: string; formsLocked: number; podium: unknown[] }>;
    };
    expect(board.skills.find((k) => k.id === s.skillId)).toMatchObject({
      state: 'pending',
      formsLocked: 12,
      podium: [],
    });

    // Publish while a screen is connected: the next poll sends `published` and the new scoreboard.
    const live = readEvents(url, (e) => e.some((x) => x.event === 'published'), 9000);
    await new Promise((r) => setTimeout(r, 300));
    const preview = (await chief.get(`${base}/skills/${s.skillId}`)).json();
    const signed = await chief.post(`${base}/skills/${s.skillId}/sign-off`, {
      version: preview.skill.version,
    });
    await admin.post(`${base}/skills/${s.skillId}/publish`, { version: signed.json().skill.version });
    const after = await live;
    expect(after.events.find((e) => e.event === 'published')?.data).toEqual({
      skillId: s.skillId,
      number: '01',
    });
    const last = after.events.filter((e) => e.event === 'scoreboard').at(-1)?.data as TScoreboard;
    expect(last.skills.find((k) => k.id === s.skillId)?.podium.map((p) => [p.medal, p.points])).toEqual([
      ['gold', 743],
      ['silver', 721],
      ['bronze', 702],
    ]);
  }, 20000);

  it('answers 404 (JSON) for an unknown competition', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/competitions/${orgId}/nothing-here/scoreboard/stream`,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
