import pino from 'pino';
import { createEstate } from './helpers/factories';
import { satisfactionFixture, type Fixture } from './helpers/satisfaction';
import { startTestServer, type TestServer } from './helpers/server';
import { sql } from './helpers/tickets';

/** GET /exports/satisfaction.csv over real HTTP: the file, its quoting and encoding, and the same rules as the query. */

let t: TestServer;
let fx: Fixture;
let exportUrl: string;
const logs: Record<string, any>[] = [];
const tokens: Record<string, string> = {};

/** A name with everything a CSV writer must quote: a comma, double quotes, Chinese. */
const AWKWARD_ESTATE = '莲花"东"苑, Lianhua "East" Court';
const AWKWARD_GRID = '第一网格, "North"';

beforeAll(async () => {
  t = await startTestServer({ logLevel: 'info' }, { logger: pino({ level: 'info' }, { write: (line: string) => { logs.push(JSON.parse(line)); } }) });
  exportUrl = t.url.replace(/\/graphql$/, '/exports/satisfaction.csv');
  fx = await satisfactionFixture(t);
  await sql(t, 'update community set name = ? where id = ?', [AWKWARD_ESTATE, fx.estate.community.id]);
  await sql(t, 'update grid set name = ? where id = ?', [AWKWARD_GRID, fx.grids.G01]);
  const other = await createEstate(t.orm);
  const sign = (sub: string, role: string, communities = [fx.estate.code]) => t.token({ sub, role: role as never, communities });
  tokens.integrator = await sign('integrator-csv', 'INTEGRATOR');
  tokens.resident = await sign(fx.estate.gid.resident(0), 'RESIDENT');
  tokens.otherManager = await t.token({ sub: other.gid.staff('manager'), role: 'MANAGER', communities: [other.code] });
  tokens.otherCode = other.code;
});
afterAll(() => t.close());

/** The export with `params`; an empty token sends no Authorization header. */
function download(params: string, token = tokens.integrator) {
  return fetch(`${exportUrl}?${params}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break, quotes doubled. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const HEADER = ['communityCode', 'communityName', 'gridCode', 'gridName', 'period', 'periodStart', 'periodEnd', 'households', 'ticketsRaised',
  'ratingCount', 'averageRating', 'surveyScore', 'complaintCount', 'complaintsPer1000Households', 'ticketsResolved', 'responseCount',
  'responseSecondsP50', 'responseSecondsP90', 'emergencyCount', 'emergencyOnSceneWithinTarget', 'emergencyResponseSecondsP50', 'emergencyResponseSecondsP90'];

describe('the file', () => {
  it('is UTF-8 CSV with a header row and one row per bucket, the figures as the query gives them', async () => {
    const res = await download(`communityCodes=${fx.estate.code}&from=2024-01-01&to=2024-05-31&groupBy=MONTH`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="satisfaction-2024-01-01-2024-05-31-month.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    // A byte order mark, so that Excel reads UTF-8; then the names byte for byte.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('"莲花""东""苑, Lianhua ""East"" Court"');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    const row = (period: string) => Object.fromEntries(HEADER.map((h, i) => [h, rows.find((r) => r[4] === period)![i]]));
    expect(row('2024-01')).toEqual({
      communityCode: fx.estate.code, communityName: AWKWARD_ESTATE, gridCode: '', gridName: '', period: '2024-01', periodStart: '2024-01-01',
      periodEnd: '2024-01-31', households: '8', ticketsRaised: '4', ratingCount: '1', averageRating: '5', surveyScore: '', complaintCount: '2',
      complaintsPer1000Households: '250', ticketsResolved: '3', responseCount: '4', responseSecondsP50: '900', responseSecondsP90: '2460',
      emergencyCount: '1', emergencyOnSceneWithinTarget: '1', emergencyResponseSecondsP50: '600', emergencyResponseSecondsP90: '600',
    });
    // Nulls are empty fields, zeros are zeros.
    expect(row('2024-05')).toMatchObject({ ticketsRaised: '0', averageRating: '', responseSecondsP50: '', emergencyOnSceneWithinTarget: '' });
  });

  it('per grid: grid codes and names, quoted where they need it', async () => {
    const res = await download(`communityCodes=${fx.estate.code}&from=2024-01-01&to=2024-03-31&groupBy=QUARTER&perGrid=true`);
    expect(res.headers.get('content-disposition')).toContain('-quarter-grids.csv');
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((r) => [r[2], r[3], r[8]])).toEqual([['G01', AWKWARD_GRID, '6'], ['G02', 'Grid 2', '3']]);
  });

  it('is one statement, like the query', async () => {
    await download(`communityCodes=${fx.estate.code}&from=2024-01-01&to=2025-12-31&groupBy=MONTH&perGrid=1`);
    const line = logs.filter((l) => l.msg === 'csv export').pop();
    expect(line).toMatchObject({ rows: 48, sqlStatements: 1 });
  });

  it('takes communityCodes repeated or comma-separated', async () => {
    const admin = await t.token({ sub: 'admin-csv', role: 'ADMIN' });
    for (const codes of [`communityCodes=${fx.estate.code},${tokens.otherCode}`, `communityCodes=${fx.estate.code}&communityCodes=${tokens.otherCode}`]) {
      const rows = parseCsv((await (await download(`${codes}&from=2024-01-01&to=2024-12-31&groupBy=YEAR`, admin)).text()).replace(/^\uFEFF/, ''));
      expect(rows.slice(1).map((r) => r[0])).toEqual([fx.estate.code, tokens.otherCode].sort());
    }
  });
});

describe('the same rules as the query, as JSON errors', () => {
  const base = () => `communityCodes=${fx.estate.code}&from=2024-01-01&to=2024-12-31&groupBy=YEAR`;
  const failure = async (res: Response, status: number, code: string, field?: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe(code);
    if (field) expect(body.errors[0].extensions.field).toBe(field);
  };

  it('401 without a token or with a bad one', async () => {
    await failure(await download(base(), ''), 401, 'UNAUTHENTICATED');
    await failure(await download(base(), 'not.a.token'), 401, 'UNAUTHENTICATED');
  });

  it('403 for a RESIDENT and for an estate the token does not cover', async () => {
    await failure(await download(base(), tokens.resident), 403, 'FORBIDDEN');
    await failure(await download(base(), tokens.otherManager), 403, 'FORBIDDEN');
  });

  it.each([
    ['from missing', 'communityCodes=X&to=2024-12-31&groupBy=YEAR', 'from'],
    ['a date that does not exist', 'from=2024-02-30&to=2024-12-31&groupBy=YEAR', 'from'],
    ['to before from', 'from=2024-02-01&to=2024-01-31&groupBy=YEAR', 'to'],
    ['a date beyond any record', 'from=9999-12-31&to=9999-12-31&groupBy=YEAR', 'from'],
    ['an unknown groupBy', 'from=2024-01-01&to=2024-12-31&groupBy=WEEK', 'groupBy'],
    ['perGrid that is not a boolean', 'from=2024-01-01&to=2024-12-31&groupBy=YEAR&perGrid=maybe', 'perGrid'],
    ['from given twice', 'from=2024-01-01&from=2024-02-01&to=2024-12-31&groupBy=YEAR', 'from'],
    ['an unknown parameter', 'from=2024-01-01&to=2024-12-31&groupBy=YEAR&format=xlsx', 'format'],
  ])('400 for %s', async (_, params, field) => {
    await failure(await download(params.replace('communityCodes=X', `communityCodes=${fx.estate.code}`)), 400, 'BAD_USER_INPUT', field);
  });
});
