import { codes, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { sleep } from './helpers/instances';
import { follow } from './helpers/live';
import { startTestServer, type TestServer } from './helpers/server';
import { act, submitOk } from './helpers/tickets';

/** The first hour with the API: who am I, a ticket by its number, following your own change without a race. */

let t: TestServer;
let own: Estate;
let other: Estate;
let manager: string;
let resident: string;

beforeAll(async () => {
  t = await startTestServer();
  own = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 1 });
  other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  manager = await t.token({ sub: own.gid.staff('manager'), role: 'MANAGER', communities: [own.code] });
  resident = await t.token({ sub: own.gid.resident(0), role: 'RESIDENT', communities: [own.code] });
});
afterAll(() => t.close());

const VIEWER = '{ viewer { role subject expiresAt communities { code } resident { id name } staff { id name role } } }';

describe('viewer', () => {
  it('names the resident a RESIDENT token stands for, with its estate', async () => {
    const res = await gql(t.url, VIEWER, {}, resident);
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toMatchObject({
      role: 'RESIDENT', subject: own.gid.resident(0), communities: [{ code: own.code }],
      resident: { id: own.gid.resident(0), name: own.residents[0].name }, staff: null,
    });
    expect(Date.parse(res.data.viewer.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('names the member of staff a MANAGER token stands for', async () => {
    const res = await gql(t.url, VIEWER, {}, manager);
    expect(res.data.viewer).toMatchObject({ role: 'MANAGER', resident: null, staff: { id: own.gid.staff('manager'), name: own.staff.manager.name, role: 'MANAGER' } });
  });

  it('lists every estate for an ADMIN token without communities, none and no role without a token', async () => {
    const admin = await gql(t.url, VIEWER, {}, await t.token({ sub: 'admin-1', role: 'ADMIN' }));
    const listed = admin.data.viewer.communities.map((c: any) => c.code);
    expect(listed).toEqual(expect.arrayContaining([own.code, other.code]));
    expect(listed).toEqual([...listed].sort());
    const anonymous = await gql(t.url, VIEWER);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.viewer).toEqual({ role: null, subject: null, expiresAt: null, communities: [], resident: null, staff: null });
  });
});

describe('ticket(number:)', () => {
  const BY_NUMBER = 'query($n: String!) { ticket(number: $n) { id number status } }';

  it('finds a ticket the token may see by its number', async () => {
    const ticket = await submitOk(t, resident, { householdId: own.gid.household(0) });
    const res = await gql(t.url, BY_NUMBER, { n: ticket.number }, manager);
    expect(res.errors).toBeUndefined();
    expect(res.data.ticket).toEqual({ id: ticket.id, number: ticket.number, status: 'SUBMITTED' });
  });

  it('answers one that is hidden exactly like one that does not exist, and a malformed one the same', async () => {
    const foreign = await submitOk(t, await t.token({ sub: other.gid.staff('manager'), role: 'MANAGER', communities: [other.code] }), { householdId: other.gid.household(0) });
    const hidden = await gql(t.url, BY_NUMBER, { n: foreign.number }, manager);
    const missing = await gql(t.url, BY_NUMBER, { n: `${own.code}-2020-999999` }, manager);
    const malformed = await gql(t.url, BY_NUMBER, { n: `x\u0000${'y'.repeat(5000)}` }, manager);
    for (const res of [hidden, missing, malformed]) {
      expect(codes(res)).toEqual(['NOT_FOUND']);
      expect(res.data.ticket).toBeNull();
    }
    expect(hidden.errors![0].message.replace(foreign.number, '#')).toBe(missing.errors![0].message.replace(`${own.code}-2020-999999`, '#'));
    expect(JSON.stringify(malformed).length).toBeLessThan(1000);
  });

  it('needs a token', async () => {
    expect(codes(await gql(t.url, BY_NUMBER, { n: `${own.code}-2020-000001` }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a mutation returns the cursor of the event it appended', () => {
  it('so following the ticket from there misses nothing and repeats nothing', async () => {
    const SUBMIT = 'mutation($i: SubmitTicketInput!) { submitTicket(input: $i) { cursor ticket { id } } }';
    const input = { idempotencyKey: 'cursor-follow', householdId: own.gid.household(0), category: 'PLUMBING', priority: 'NORMAL', channel: 'APP', title: 'Blocked drain' };
    const submitted = (await gql(t.url, SUBMIT, { i: input }, resident)).data.submitTicket;
    // The acknowledgement commits before anyone subscribes: following from the submission's cursor still gets it, and only it.
    await act(t, 'AcknowledgeTicket', { ticketId: submitted.ticket.id }, manager);
    const stream = follow(t.wsUrl, manager, { filter: { ticketId: submitted.ticket.id }, after: submitted.cursor });
    const events = await stream.waitFor(1);
    await sleep(300);
    expect(events.map((e) => [e.type, e.ticket.id])).toEqual([['ACKNOWLEDGED', submitted.ticket.id]]);
    await stream.stop();
  });

  it('an idempotent resubmission answers with the cursor of the original submission', async () => {
    const input = { idempotencyKey: 'cursor-replay', householdId: own.gid.household(0), category: 'PLUMBING', priority: 'NORMAL', channel: 'APP', title: 'Loose tile' };
    const SUBMIT = 'mutation($i: SubmitTicketInput!) { submitTicket(input: $i) { cursor ticket { id } } }';
    const first = await gql(t.url, SUBMIT, { i: input }, resident);
    const again = await gql(t.url, SUBMIT, { i: input }, resident);
    expect(again.data.submitTicket).toEqual(first.data.submitTicket);
  });

  it('every move carries a new one, later in the stream than the last', async () => {
    const { id } = await submitOk(t, resident, { householdId: own.gid.household(0) });
    const seen: number[] = [];
    for (const [mutation, who] of [['acknowledgeTicket', manager], ['startTicket', manager], ['resolveTicket', manager]] as const) {
      const res = await gql(t.url, `mutation($i: TicketActionInput!) { ${mutation}(input: $i) { cursor } }`, { i: { ticketId: id } }, who);
      seen.push(Number(/^ev:(\d+)$/.exec(Buffer.from(res.data[mutation].cursor, 'base64url').toString())![1]));
    }
    const rated = await gql(t.url, 'mutation($i: RateTicketInput!) { rateTicket(input: $i) { cursor } }', { i: { ticketId: id, score: 5 } }, resident);
    seen.push(Number(/^ev:(\d+)$/.exec(Buffer.from(rated.data.rateTicket.cursor, 'base64url').toString())![1]));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(4);
  });
});
