import { contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { sleep, startCliInstance, waitUntil, type CliInstance } from './helpers/instances';
import { dropDatabases, killAll, ownDatabase } from './helpers/process';
import { startTestServer, type TestServer } from './helpers/server';
import { rowId, sql } from './helpers/tickets';
import { dispatchTimers } from '../src/services/dispatch-timers';
import { TimerWorker } from '../src/events/timers';
import { createLogger } from '../src/logger';

/**
 * Escalation and missed targets run on timer rows that every instance claims
 * with FOR UPDATE SKIP LOCKED: each step happens exactly once whatever the
 * number of instances, and a restart loses none.
 */

const FAST = { DISPATCH_ACK_TIMEOUT_SECONDS: '1', DISPATCH_TIMER_POLL_MS: '100' };
const instance = () => startCliInstance({ ...FAST, DATABASE_URL: databaseUrl });

let t: TestServer;
let estate: Estate;
let desk: string;
let spareMaintenance: number;
let databaseUrl: string;

beforeAll(async () => {
  // A database of its own: no other test file's server fires these timers. This process never fires them itself:
  // the instances under test do.
  databaseUrl = await ownDatabase('timers');
  t = await startTestServer({ databaseUrl, dispatch: { ackTimeoutSeconds: 1, timerPollMs: 3_600_000 } });
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1 });
  // A second maintenance technician on duty elsewhere in the estate: the first escalation's unit.
  const [row] = await sql(t, `insert into staff (community_id, grid_id, code, name, phone, role, on_duty)
    values (?, null, ?, 'Estate plumber', '13911112222', 'MAINTENANCE', true) returning id`, [estate.community.id, `${estate.code}-SX`]);
  spareMaintenance = row.id;
  desk = await t.token({ sub: estate.gid.staff('dispatcher'), role: 'DISPATCHER', communities: [estate.code] });
}, 60_000);
afterAll(async () => {
  await killAll();
  await t.close();
  await dropDatabases();
});

async function raise(url: string, key: string): Promise<number> {
  const res = await gql(url, contract('RaiseEmergency'), { input: { idempotencyKey: key, incidentType: 'WATER_LEAK', buildingId: estate.gid.building(0) } }, desk);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return rowId(res.data.raiseEmergency.dispatch.id);
}

const events = (dispatchId: number, type: string) =>
  sql(t, 'select count(*)::int as n from dispatch_event where dispatch_id = ? and type = ?', [dispatchId, type]).then(([r]) => r.n as number);

describe('three server processes', () => {
  let instances: CliInstance[];
  beforeAll(async () => {
    instances = await Promise.all([0, 1, 2].map(() => instance()));
  }, 90_000);
  afterAll(() => killAll());

  it('escalate an unacknowledged dispatch to the next unit, then the manager, each exactly once', async () => {
    const id = await raise(instances[0].url, 'three-instances');
    await waitUntil('two escalations', async () => (await events(id, 'ESCALATED')) >= 2, 15_000);
    // Every instance polls ten times a second: a second firing would have happened by now.
    await sleep(2500);
    expect(await events(id, 'ESCALATED')).toBe(2);
    const units = await sql(t, 'select staff_id, reason from dispatch_unit where dispatch_id = ? order by position', [id]);
    expect(units).toEqual([
      { staff_id: estate.staff.maintenance.id, reason: 'SQUAD' }, { staff_id: estate.staff.steward.id, reason: 'SQUAD' },
      { staff_id: spareMaintenance, reason: 'ESCALATION' }, { staff_id: estate.staff.manager.id, reason: 'MANAGER' },
    ]);
    const [timers] = await sql(t, `select count(*) filter (where kind = 'ACK_TIMEOUT')::int as ack, count(*) filter (where fired_at is null and kind = 'ACK_TIMEOUT')::int as pending
      from dispatch_timer where dispatch_id = ?`, [id]);
    // The first deadline, and the one after the first escalation; none after the manager.
    expect(timers).toEqual({ ack: 2, pending: 0 });
    const [dispatch] = await sql(t, 'select escalations, version from dispatch where id = ?', [id]);
    expect(dispatch).toEqual({ escalations: 2, version: 3 });
  }, 30_000);

  it('record a missed target exactly once', async () => {
    const id = await raise(instances[1].url, 'missed-target');
    await sql(t, `update dispatch_timer set due_at = now() where dispatch_id = ? and kind = 'TARGET'`, [id]);
    await waitUntil('the missed target', async () => (await events(id, 'TARGET_MISSED')) >= 1, 10_000);
    await sleep(1500);
    expect(await events(id, 'TARGET_MISSED')).toBe(1);
  }, 30_000);

  it('do nothing for a dispatch acknowledged in time', async () => {
    const id = await raise(instances[2].url, 'acknowledged');
    const ack = await gql(instances[2].url, contract('AcknowledgeDispatch'), { input: { dispatchId: Buffer.from(`Dispatch:${id}`).toString('base64url') } }, desk);
    expect(ack.errors).toBeUndefined();
    await sleep(2500);
    expect(await events(id, 'ESCALATED')).toBe(0);
    const [timer] = await sql(t, `select fired_at is not null as fired from dispatch_timer where dispatch_id = ? and kind = 'ACK_TIMEOUT'`, [id]);
    expect(timer.fired).toBe(true);
  }, 30_000);
});

it('a timer that fell due while no instance ran fires once when one starts', async () => {
  await killAll();
  const id = await raise(t.url, 'across-a-restart');
  await sleep(1500);
  // Due, and nobody has fired it: the only server up never polls.
  expect(await events(id, 'ESCALATED')).toBe(0);
  await instance();
  await waitUntil('the escalation after the restart', async () => (await events(id, 'ESCALATED')) >= 1, 15_000);
  await sleep(500);
  const units = await sql(t, 'select staff_id from dispatch_unit where dispatch_id = ? and reason = ?', [id, 'ESCALATION']);
  expect(units).toEqual([{ staff_id: spareMaintenance }]);
  await killAll();
}, 60_000);

it('three claimers ticking at once fire each of many due timers exactly once', async () => {
  const ids: number[] = [];
  for (let i = 0; i < 12; i++) ids.push(await raise(t.url, `race-${i}`));
  await sql(t, `update dispatch_timer set due_at = now() where dispatch_id = any(?::int[]) and kind = 'TARGET'`, [`{${ids.join(',')}}`]);
  const logger = createLogger('silent');
  const config = { ackTimeoutSeconds: 3600, timerPollMs: 3_600_000 };
  const claimers = [0, 1, 2].map(() => new TimerWorker(t.orm, logger, config.timerPollMs, [dispatchTimers(config, logger)]));
  let fired = 0;
  for (let round = 0; round < 20; round++) fired += (await Promise.all(claimers.map((c) => c.tick()))).reduce((a, b) => a + b, 0);
  const rows = await sql(t, `select dispatch_id, count(*)::int as n from dispatch_event where type = 'TARGET_MISSED' and dispatch_id = any(?::int[]) group by 1`, [`{${ids.join(',')}}`]);
  expect(rows).toHaveLength(12);
  expect(rows.every((r) => r.n === 1)).toBe(true);
  expect(fired).toBeGreaterThanOrEqual(12);
}, 60_000);
