import type { Community } from '../entities';
import type { Context } from '../context';
import { badInput, forbidden } from '../errors';
import { countCondition } from '../access/rows';

/**
 * An estate's figures for a period: counts only, never a row, so every staff
 * and dashboard token covering the estate may read them (the field is
 * @scoped). Not a RESIDENT: as with the satisfaction and community-life
 * figures, in a small estate or a quiet month a count (visits refused,
 * nobody home) points at one neighbour. Each statement counts with the estate's count rule
 * (access/rows.ts `countCondition`), and each group of figures is one
 * statement, run once however many of its fields are asked for.
 */

const DAY_MS = 24 * 3600_000;
const MAX_YEARS = 10;

/** What a group of figures counts over: one estate, `from` (inclusive) to `to` (exclusive). */
export interface FiguresScope {
  community: Community;
  from: Date;
  to: Date;
  /** Each group's statement, run on first use. */
  runs: Map<string, Promise<Record<string, number>>>;
}

/** The scope of `community.figures(from, to)`: default the calendar year (UTC) up to and including today. */
export function figuresScope(
  ctx: Context, community: Community, from: Date | string | null | undefined, to: Date | string | null | undefined, now = new Date(),
): FiguresScope {
  if (ctx.viewer.role === 'RESIDENT') throw forbidden('Estate figures are for staff and dashboards, not RESIDENT tokens');
  const end = to == null ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS) : new Date(to);
  const start = from == null ? new Date(Date.UTC(new Date(end.getTime() - DAY_MS).getUTCFullYear(), 0, 1)) : new Date(from);
  if (!(start < end)) throw badInput('from must be before to', 'from');
  if (end.getTime() - start.getTime() > MAX_YEARS * 366 * DAY_MS) throw badInput(`A period is at most ${MAX_YEARS} years`, 'from');
  return { community, from: start, to: end, runs: new Map() };
}

/** Runs a group's statement once per scope; `?` placeholders after the estate and the period's two ends. */
function once(ctx: Context, scope: FiguresScope, group: string, sql: (bindings: unknown[]) => string): Promise<Record<string, number>> {
  let run = scope.runs.get(group);
  if (!run) {
    const bindings: unknown[] = [];
    const text = sql(bindings);
    run = ctx.em.execute(text, bindings).then((rows: Record<string, unknown>[]) =>
      Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v ?? 0)])));
    scope.runs.set(group, run);
  }
  return run;
}

/** `table`'s count rule on `alias`, its bindings pushed in order. */
function rule(ctx: Context, table: string, alias: string, bindings: unknown[]): string {
  const c = countCondition(table, ctx.viewer, alias);
  bindings.push(...c.bindings);
  return c.sql;
}

/** The period as bindings: estate, from, to. */
function period(scope: FiguresScope, bindings: unknown[]): void {
  bindings.push(scope.community.id, scope.from.toISOString(), scope.to.toISOString());
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export async function careFigures(ctx: Context, scope: FiguresScope) {
  const f = await once(ctx, scope, 'care', (b) => {
    period(scope, b);
    return `select count(*) as due, count(*) filter (where v.outcome = 'DONE') as done,
        count(*) filter (where v.outcome = 'DONE' and v.recorded_at <= v.deadline_at) as done_on_time,
        count(*) filter (where v.outcome = 'NOBODY_HOME') as nobody_home, count(*) filter (where v.outcome = 'REFUSED') as refused,
        count(*) filter (where v.overdue_at is not null) as overdue, count(*) filter (where v.outcome is null) as open,
        count(*) filter (where v.outcome is not null or v.deadline_at <= now()) as settled
      from care_visit v where v.community_id = ? and v.due_at >= ? and v.due_at < ? and (${rule(ctx, 'care_visit', 'v', b)})`;
  });
  return {
    due: f.due, done: f.done, doneOnTime: f.done_on_time, nobodyHome: f.nobody_home, refused: f.refused, overdue: f.overdue, open: f.open,
    onTimeShare: share(f.done_on_time, f.settled),
  };
}

export async function patrolFigures(ctx: Context, scope: FiguresScope) {
  const f = await once(ctx, scope, 'patrols', (b) => {
    // Bindings in the order their placeholders appear: the two scalar subqueries, then FROM.
    period(scope, b);
    const runs = rule(ctx, 'patrol_run', 'r', b);
    period(scope, b);
    const anomalies = rule(ctx, 'patrol_anomaly', 'a', b);
    period(scope, b);
    const passRuns = rule(ctx, 'patrol_run', 'r', b);
    const passes = rule(ctx, 'patrol_pass', 'x', b);
    return `select
        (select count(*) from patrol_run r where r.community_id = ? and r.started_at >= ? and r.started_at < ? and (${runs})) as runs,
        (select count(*) from patrol_anomaly a where a.community_id = ? and a.reported_at >= ? and a.reported_at < ? and (${anomalies})) as anomalies,
        p.finished, p.passed, p.missed
      from (select count(distinct r.id) as finished, count(*) filter (where x.status = 'PASSED') as passed,
              count(*) filter (where x.status = 'MISSED') as missed
            from patrol_run r join patrol_pass x on x.run_id = r.id
            where r.community_id = ? and r.started_at >= ? and r.started_at < ? and r.status = 'FINISHED' and (${passRuns}) and (${passes})) p`;
  });
  return {
    runs: f.runs, finished: f.finished, checkpointsPassed: f.passed, checkpointsMissed: f.missed,
    coverage: share(f.passed, f.passed + f.missed), anomalies: f.anomalies,
  };
}

export async function drillFigures(ctx: Context, scope: FiguresScope) {
  const b: unknown[] = [];
  period(scope, b);
  const rows: { year: number; kind: string; n: number }[] = await ctx.em.execute(
    `select extract(year from d.held_at)::int as year, d.kind, count(*)::int as n from drill d
      where d.community_id = ? and d.held_at >= ? and d.held_at < ? and (${rule(ctx, 'drill', 'd', b)}) group by 1, 2 order by 1`, b);
  const years = new Map<number, { year: number; fire: number; antiTerror: number }>();
  for (const r of rows) {
    const y = years.get(r.year) ?? { year: r.year, fire: 0, antiTerror: 0 };
    if (r.kind === 'FIRE') y.fire += r.n;
    else y.antiTerror += r.n;
    years.set(r.year, y);
  }
  const byYear = [...years.values()];
  const fire = byYear.reduce((a, y) => a + y.fire, 0);
  const antiTerror = byYear.reduce((a, y) => a + y.antiTerror, 0);
  return { total: fire + antiTerror, fire, antiTerror, byYear };
}

export async function ticketLevelFigures(ctx: Context, scope: FiguresScope) {
  const f = await once(ctx, scope, 'tickets', (b) => {
    period(scope, b);
    const escalated = rule(ctx, 'ticket_escalation', 'e', b);
    period(scope, b);
    const tickets = rule(ctx, 'ticket', 't', b);
    return `select
        (select count(*) from ticket_escalation e where e.community_id = ? and e.escalated_at >= ? and e.escalated_at < ? and (${escalated})) as escalated,
        count(*) as resolved, count(*) filter (where not exists (select 1 from ticket_escalation e where e.ticket_id = t.id)) as at_building
      from ticket t where t.community_id = ? and t.resolved_at >= ? and t.resolved_at < ? and t.status in ('RESOLVED', 'CLOSED') and (${tickets})`;
  });
  return { resolved: f.resolved, resolvedAtBuildingLevel: f.at_building, escalated: f.escalated, buildingLevelShare: share(f.at_building, f.resolved) };
}

/**
 * Meetings with organisations from the liaison record; reception days are
 * community events of kind RECEPTION_DAY that started in the period (by now)
 * and were not called off, their residents those recorded at the door, their
 * tickets the issues raised there.
 */
export async function liaisonFigures(ctx: Context, scope: FiguresScope) {
  const f = await once(ctx, scope, 'liaison', (b) => {
    // Bindings in the order their placeholders appear: the scalar subqueries, then FROM.
    period(scope, b);
    const linkMeetings = rule(ctx, 'liaison_meeting', 'm', b);
    const links = rule(ctx, 'liaison_meeting_ticket', 'l', b);
    period(scope, b);
    const days = rule(ctx, 'community_event', 'e', b);
    period(scope, b);
    const attendedDays = rule(ctx, 'community_event', 'e', b);
    const attended = rule(ctx, 'event_registration', 'r', b);
    period(scope, b);
    const issueDays = rule(ctx, 'community_event', 'e', b);
    const issues = rule(ctx, 'event_issue', 'i', b);
    period(scope, b);
    const meetings = rule(ctx, 'liaison_meeting', 'm', b);
    const receptionDay = `e.community_id = ? and e.starts_at >= ? and e.starts_at < ? and e.starts_at <= now()
      and e.kind = 'RECEPTION_DAY' and e.status = 'SCHEDULED'`;
    return `select count(*) as meetings, coalesce(sum(m.attendees), 0) as attendees,
        (select count(*) from liaison_meeting_ticket l join liaison_meeting m on m.id = l.meeting_id
          where m.community_id = ? and m.held_at >= ? and m.held_at < ? and (${linkMeetings}) and (${links})) as tickets,
        (select count(*) from community_event e where ${receptionDay} and (${days})) as reception_days,
        (select count(*) from event_registration r join community_event e on e.id = r.event_id
          where ${receptionDay} and r.attended_at is not null and (${attendedDays}) and (${attended})) as reception_attendees,
        (select count(*) from event_issue i join community_event e on e.id = i.event_id where ${receptionDay} and (${issueDays}) and (${issues})) as issues
      from liaison_meeting m where m.community_id = ? and m.held_at >= ? and m.held_at < ? and (${meetings})`;
  });
  return {
    meetings: f.meetings, receptionDays: f.reception_days, attendees: f.attendees + f.reception_attendees, ticketsRaised: f.tickets + f.issues,
  };
}
