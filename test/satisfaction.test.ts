import { gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { expectFailure } from './helpers/tickets';

/** Recording satisfaction surveys: who may, what is checked, and that a second one replaces the first. */

let t: TestServer;
let estate: Estate;
let other: Estate;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm);
  other = await createEstate(t.orm);
  const sign = (sub: string, role: string, communities = [estate.code]) => t.token({ sub, role: role as never, communities });
  tokens.manager = await sign(estate.gid.staff('manager'), 'MANAGER');
  tokens.steward = await sign(estate.gid.staff('steward'), 'STAFF');
  tokens.dispatcher = await sign(estate.gid.staff('dispatcher'), 'DISPATCHER');
  tokens.district = await sign('district-sat', 'DISTRICT');
  tokens.integrator = await sign('integrator-sat', 'INTEGRATOR');
  tokens.resident = await sign(estate.gid.resident(0), 'RESIDENT');
  tokens.admin = await sign('admin-sat', 'ADMIN');
  tokens.otherManager = await t.token({ sub: other.gid.staff('manager'), role: 'MANAGER', communities: [other.code] });
});
afterAll(() => t.close());

describe('surveys', () => {
  const RECORD = `mutation($input: RecordSurveyInput!) { recordSurvey(input: $input) {
    replaced survey { period unit periodStart periodEnd score respondents note community { code } } } }`;
  const record = (input: Record<string, unknown>, token = tokens.manager) => gql(t.url, RECORD, { input: { communityCode: estate.code, ...input } }, token);

  it('a manager records one; recording the same period again replaces it', async () => {
    const first = await record({ period: '2024', score: 79.955, respondents: 120, note: 'first count' });
    expect(first.errors).toBeUndefined();
    expect(first.data.recordSurvey).toEqual({ replaced: false, survey: {
      period: '2024', unit: 'YEAR', periodStart: '2024-01-01', periodEnd: '2024-12-31', score: 79.96, respondents: 120, note: 'first count', community: { code: estate.code },
    } });
    const second = await record({ period: '2024', score: 80, note: 'Third-party survey, 130 households' }, tokens.admin);
    expect(second.data.recordSurvey).toMatchObject({ replaced: true, survey: { score: 80, respondents: null } });
    const quarter = await record({ period: '2024-Q1', score: 81.5 });
    expect(quarter.data.recordSurvey).toMatchObject({ replaced: false, survey: { period: '2024-Q1', unit: 'QUARTER', periodEnd: '2024-03-31' } });
  });

  it('MANAGER of the estate or ADMIN only', async () => {
    const input = { period: '2023', score: 70 };
    expectFailure(await record(input, ''), 'UNAUTHENTICATED');
    for (const who of ['steward', 'dispatcher', 'district', 'integrator', 'resident', 'otherManager']) expectFailure(await record(input, tokens[who]), 'FORBIDDEN');
    expectFailure(await record({ ...input, communityCode: 'NOPE' }), 'NOT_FOUND');
  });

  it.each([
    ['a score above 100', { score: 100.5 }, 'score'],
    ['a negative score', { score: -1 }, 'score'],
    ['a quarter that does not exist', { period: '2024-Q5' }, 'period'],
    ['a month written without its zero', { period: '2024-3' }, 'period'],
    ['a period before 2000', { period: '1999' }, 'period'],
    ['a period that has not started', { period: `${new Date().getUTCFullYear() + 1}` }, 'period'],
    ['no respondents', { respondents: 0 }, 'respondents'],
    ['a note over 1,000 characters', { note: 'x'.repeat(1001) }, 'note'],
  ])('%s', async (_, change, field) => {
    expectFailure(await record({ period: '2023', score: 70, ...change }), 'BAD_USER_INPUT', field);
  });
});
