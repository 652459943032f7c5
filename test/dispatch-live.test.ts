import { contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { sleep, watch, type Watcher } from './helpers/instances';
import { startTestServer, type TestServer } from './helpers/server';
import { bearer, connect, type WsConnection } from './helpers/ws';

/** Dispatches live: a district dashboard over several estates, units that see their own, resume without a gap. */

let t: TestServer;
const estates: Estate[] = [];
const desks: string[] = [];
const open: WsConnection[] = [];
let keys = 0;

beforeAll(async () => {
  t = await startTestServer({ dispatch: { ackTimeoutSeconds: 3600, timerPollMs: 3_600_000 } });
  for (let i = 0; i < 3; i++) {
    const e = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1 });
    estates.push(e);
    desks.push(await t.token({ sub: e.gid.staff('dispatcher'), role: 'DISPATCHER', communities: [e.code] }));
  }
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.dispose()));
});
afterAll(() => t.close());

function subscribe(token: string, variables: Record<string, unknown>, query = contract('DispatchEvents')): Watcher {
  const conn = connect(t.wsUrl, bearer(token));
  open.push(conn);
  return watch(conn, query, variables);
}

/** Raises an emergency in estate `i` and acknowledges it: two dispatch events. */
async function emergency(i: number, incidentType = 'WATER_LEAK'): Promise<string> {
  const e = estates[i];
  const raised = await gql(t.url, contract('RaiseEmergency'), { input: { idempotencyKey: `live-${++keys}`, incidentType, buildingId: e.gid.building(0) } }, desks[i]);
  if (raised.errors) throw new Error(JSON.stringify(raised.errors));
  const id = raised.data.raiseEmergency.dispatch.id;
  await gql(t.url, contract('AcknowledgeDispatch'), { input: { dispatchId: id, note: 'Flat 0101, call 13700000000' } }, desks[i]);
  return id;
}

const dispatchIds = (w: Watcher) => w.data.map((d) => d.dispatchEvents.dispatch.id);

it('a district dashboard over two estates sees every dispatch change of both and nothing of a third', async () => {
  const [a, b, c] = estates;
  const covering = await t.token({ sub: 'district-1', role: 'DISTRICT', communities: [a.code, b.code] });
  const coveringAll = await t.token({ sub: 'district-2', role: 'DISTRICT', communities: [a.code, b.code, c.code] });
  const byDefault = subscribe(covering, {});
  const asked = subscribe(coveringAll, { communityCodes: [a.code, b.code] });
  await sleep(300);
  const inA = await emergency(0);
  const inC = await emergency(2, 'FIRE');
  const inB = await emergency(1, 'MEDICAL');
  for (const w of [byDefault, asked]) {
    await w.waitFor(4);
    await sleep(300);
    expect(w.errors).toEqual([]);
    expect(w.data.map((d) => [d.dispatchEvents.dispatch.id, d.dispatchEvents.type])).toEqual([
      [inA, 'DISPATCHED'], [inA, 'ACKNOWLEDGED'], [inB, 'DISPATCHED'], [inB, 'ACKNOWLEDGED'],
    ]);
    expect(dispatchIds(w)).not.toContain(inC);
    expect(w.data[0].dispatchEvents.dispatch).toMatchObject({ status: 'DISPATCHED', incidentType: 'WATER_LEAK', ticket: { number: expect.stringMatching(new RegExp(`^${a.code}-`)) } });
  }
});

it('an estate the token does not cover is FORBIDDEN', async () => {
  const token = await t.token({ sub: 'district-3', role: 'DISTRICT', communities: [estates[0].code] });
  const w = subscribe(token, { communityCodes: [estates[1].code] });
  await w.ended;
  expect(w.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

it('a dashboard never gets the notes people type, and the rest of the event intact', async () => {
  const token = await t.token({ sub: 'district-4', role: 'DISTRICT', communities: [estates[0].code] });
  const w = subscribe(token, {}, 'subscription { dispatchEvents { type note dispatch { id } } }');
  await sleep(300);
  const id = await emergency(0);
  await w.waitFor(2);
  expect(w.data.map((d) => d.dispatchEvents)).toEqual([
    { type: 'DISPATCHED', note: null, dispatch: { id } }, { type: 'ACKNOWLEDGED', note: null, dispatch: { id } },
  ]);
  expect(w.errors.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FORBIDDEN', 'dispatchEvents.note'], ['FORBIDDEN', 'dispatchEvents.note']]);
  expect(JSON.stringify(w.data)).not.toContain('13700000000');
});

it('a unit sees the dispatches it was sent to, and no other', async () => {
  const e = estates[0];
  const maintenance = await t.token({ sub: e.gid.staff('maintenance'), role: 'STAFF', communities: [e.code] });
  const w = subscribe(maintenance, {});
  await sleep(300);
  const sent = await emergency(0, 'WATER_LEAK');
  const notSent = await emergency(0, 'FIRE');
  const again = await emergency(0, 'ELEVATOR_ENTRAPMENT');
  await w.waitFor(4);
  await sleep(300);
  expect([...new Set(dispatchIds(w))]).toEqual([sent, again]);
  expect(dispatchIds(w)).not.toContain(notSent);
});

it('resumes after a disconnect with exactly the events it missed', async () => {
  const manager = await t.token({ sub: estates[1].gid.staff('manager'), role: 'MANAGER', communities: [estates[1].code] });
  const first = subscribe(manager, {});
  await sleep(300);
  await emergency(1);
  await first.waitFor(2);
  const last = first.data[first.data.length - 1].dispatchEvents.cursor;
  first.stop();
  const missedA = await emergency(1, 'POWER_OUTAGE');
  const missedB = await emergency(1, 'GAS_LEAK');
  const resumed = subscribe(manager, { after: last });
  const later = (await resumed.waitFor(4)) && (await emergency(1, 'SECURITY'));
  await resumed.waitFor(6);
  await sleep(300);
  expect(resumed.data.map((d) => [d.dispatchEvents.dispatch.id, d.dispatchEvents.type])).toEqual([
    [missedA, 'DISPATCHED'], [missedA, 'ACKNOWLEDGED'], [missedB, 'DISPATCHED'], [missedB, 'ACKNOWLEDGED'],
    [later, 'DISPATCHED'], [later, 'ACKNOWLEDGED'],
  ]);
  const cursors = resumed.data.map((d) => d.dispatchEvents.cursor);
  expect(new Set(cursors).size).toBe(6);
});
