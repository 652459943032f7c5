import { contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { managerToken, startTestServer, type TestServer } from './helpers/server';
import { actOk, rowId, sql, submitOk } from './helpers/tickets';

/** Service-level targets come from the sla_policy table, and slaBreached reflects them. */

let t: TestServer;
let estate: Estate;
let steward: string;
let manager: string;

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm);
  steward = await t.token({ sub: estate.gid.staff('steward'), role: 'STAFF', communities: [estate.code] });
  manager = await managerToken(t, estate);
});
afterAll(() => t.close());

const at0 = () => ({ householdId: estate.gid.household(0) });
const MINUTE = 60_000;

/** Raises a ticket and checks its due times against the policy, to the millisecond, around the request. */
async function expectDueTimes(priority: string, respondMinutes: number, resolveMinutes: number): Promise<string> {
  const before = Date.now();
  const ticket = await submitOk(t, steward, { ...at0(), priority });
  const after = Date.now();
  const [row] = await sql(t, `select extract(epoch from response_due_at - created_at)::int as respond,
    extract(epoch from resolve_due_at - created_at)::int as resolve from ticket where id = ?`, [rowId(ticket.id)]);
  expect({ priority, ...row }).toEqual({ priority, respond: respondMinutes * 60, resolve: resolveMinutes * 60 });
  const read = await gql(t.url, contract('Ticket'), { id: ticket.id }, manager);
  expect(read.errors).toBeUndefined();
  const { responseDueAt, resolveDueAt } = read.data.node;
  expect(responseDueAt).toBe(ticket.responseDueAt);
  for (const [due, minutes] of [[responseDueAt, respondMinutes], [resolveDueAt, resolveMinutes]] as const) {
    expect(Date.parse(due)).toBeGreaterThanOrEqual(before + minutes * MINUTE);
    expect(Date.parse(due)).toBeLessThanOrEqual(after + minutes * MINUTE);
  }
  return ticket.id;
}

describe('due times', () => {
  it('follow the sla_policy row of each priority; EMERGENCY must be answered within 15 minutes', async () => {
    const policy = await sql(t, 'select priority, response_minutes, resolve_minutes from sla_policy order by priority');
    expect(policy.map((p) => p.priority).sort()).toEqual(['EMERGENCY', 'HIGH', 'LOW', 'NORMAL']);
    expect(policy.find((p) => p.priority === 'EMERGENCY')).toMatchObject({ response_minutes: 15 });
    for (const p of policy) await expectDueTimes(p.priority, p.response_minutes, p.resolve_minutes);
  });

  it('follow a changed policy row for tickets raised after the change, and leave earlier tickets alone', async () => {
    // LOW is changed rather than EMERGENCY: test files share the database, and others rely on the 15-minute emergency target.
    const [original] = await sql(t, "select response_minutes, resolve_minutes from sla_policy where priority = 'LOW'");
    const earlier = await expectDueTimes('LOW', original.response_minutes, original.resolve_minutes);
    const [earlierDue] = await sql(t, 'select response_due_at, resolve_due_at from ticket where id = ?', [rowId(earlier)]);
    try {
      await sql(t, "update sla_policy set response_minutes = 7, resolve_minutes = 77 where priority = 'LOW'");
      await expectDueTimes('LOW', 7, 77);
    } finally {
      await sql(t, "update sla_policy set response_minutes = ?, resolve_minutes = ? where priority = 'LOW'",
        [original.response_minutes, original.resolve_minutes]);
    }
    expect(await sql(t, 'select response_due_at, resolve_due_at from ticket where id = ?', [rowId(earlier)])).toEqual([earlierDue]);
    await expectDueTimes('LOW', original.response_minutes, original.resolve_minutes);
  });
});

describe('slaBreached', () => {
  /** slaBreached of every ticket of the estate, read through the contract's Tickets list. */
  async function breached(): Promise<Map<string, boolean>> {
    const res = await gql(t.url, contract('Tickets'), { filter: { communityCodes: [estate.code] }, first: 100 }, manager);
    expect(res.errors).toBeUndefined();
    return new Map(res.data.tickets.edges.map((e: any) => [e.node.id, e.node.slaBreached]));
  }

  const backdate = (id: string, set: string) => sql(t, `update ticket set ${set} where id = ?`, [rowId(id)]);

  it('is true once the response target passed without an acknowledgement, false while it has not', async () => {
    const fresh = await submitOk(t, steward, at0());
    const overdue = await submitOk(t, steward, at0());
    await backdate(overdue.id, "created_at = now() - interval '5 hours', response_due_at = now() - interval '1 hour'");
    const map = await breached();
    expect(map.get(fresh.id)).toBe(false);
    expect(map.get(overdue.id)).toBe(true);
  });

  it('is false for a ticket acknowledged in time, even after its response target passed', async () => {
    const inTime = await submitOk(t, steward, at0());
    await actOk(t, 'AcknowledgeTicket', { ticketId: inTime.id }, steward);
    await backdate(inTime.id, `created_at = now() - interval '3 hours', acknowledged_at = now() - interval '2 hours',
      response_due_at = now() - interval '1 hour'`);
    expect((await breached()).get(inTime.id)).toBe(false);
  });

  it('is true for a ticket acknowledged after its response target, and for one past its resolve target', async () => {
    // The schema: "true when the response or resolution target was missed (or is overdue now)".
    const late = await submitOk(t, steward, at0());
    await actOk(t, 'AcknowledgeTicket', { ticketId: late.id }, steward);
    await backdate(late.id, "created_at = now() - interval '3 hours', response_due_at = now() - interval '1 hour'");
    const unresolved = await submitOk(t, steward, at0());
    await actOk(t, 'AcknowledgeTicket', { ticketId: unresolved.id }, steward);
    await backdate(unresolved.id, `created_at = now() - interval '3 days', acknowledged_at = now() - interval '71 hours',
      response_due_at = now() - interval '70 hours', resolve_due_at = now() - interval '1 hour'`);
    const map = await breached();
    expect(map.get(late.id)).toBe(true);
    expect(map.get(unresolved.id)).toBe(true);
  });
});
