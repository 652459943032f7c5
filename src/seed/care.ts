import type { Knex } from '@mikro-orm/postgresql';
import type { CareNeed, CareOutcome, CareVisitKind } from '../entities';
import { toGlobalId } from '../ids';
import { BulkWriter, type ColumnSpec } from './bulk';
import type { Rng } from './random';
import { RECORD_YEAR, at, reserveIds, type Estate } from './records';
import { CARE_PLAN_NOTES, CARE_VISIT_NOTES, NOBODY_HOME_NOTES, REFUSED_NOTES } from './proactiveText';

/*
 * Care plans for every special-care household and a year of their visits,
 * following the live schedule's rules (src/services/care.ts): a visit falls
 * due, has a day for its outcome, is marked overdue once when it has none by
 * then, and the next one falls due `everyDays` after it (a day after the
 * outcome when nobody was home). The history predates the schedule's
 * tickets: its visits have none. After the year each plan's next visit is
 * due at once, so a server started on the demo catches up: one visit per plan.
 */

const PLAN_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['household_id', 'int'], ['kind', 'text'], ['every_days', 'smallint'], ['note', 'text'],
  ['active', 'boolean'], ['next_due_at', 'epoch'], ['created_at', 'epoch'],
];
const VISIT_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['plan_id', 'int'], ['household_id', 'int'], ['grid_id', 'int'], ['kind', 'text'], ['steward_id', 'int'],
  ['ticket_id', 'int'], ['due_at', 'epoch'], ['deadline_at', 'epoch'], ['overdue_at', 'epoch'], ['outcome', 'text'], ['outcome_note', 'text'],
  ['recorded_at', 'epoch'], ['recorded_by_id', 'int'],
];
const EVENT_COLUMNS: ColumnSpec = [
  ['visit_id', 'int'], ['community_id', 'int'], ['household_id', 'int'], ['type', 'text'], ['actor_role', 'text'], ['actor_subject', 'text'],
  ['staff_id', 'int'], ['at', 'epoch'],
];

const DAY = 24 * 3600;
const WINDOW = DAY;
const START = at(RECORD_YEAR, 1, 1);
const END = at(RECORD_YEAR + 1, 1, 1);

/** Which visits a household gets, by its needs: a call and a home check for everyone, more for those living alone or disabled. */
function kindsFor(rng: Rng, needs: readonly CareNeed[]): [CareVisitKind, number][] {
  const has = (n: CareNeed) => needs.includes(n);
  const plans: [CareVisitKind, number][] = [['CALL', 7], ['WATER_POWER_CHECK', 30]];
  if ((has('ELDERLY_LIVING_ALONE') || has('DISABILITY')) && rng.chance(0.6)) plans.push(['SHOPPING', 7]);
  if ((has('DISABILITY') || has('CHRONIC_ILLNESS')) ? rng.chance(0.5) : rng.chance(0.25)) plans.push(['CLEANING', 14]);
  return plans;
}

interface Visit { due: number; late: boolean; outcome: CareOutcome; recorded: number; note: string | null }

/** One plan's year, from its first due time; returns the visits and when the next one falls due. */
function simulate(rng: Rng, first: number, everyDays: number, onTime: number): { visits: Visit[]; next: number } {
  const visits: Visit[] = [];
  let due = first;
  while (due < END) {
    const x = rng.next();
    const outcome: CareOutcome = x < 0.04 ? 'NOBODY_HOME' : x < 0.055 ? 'REFUSED' : 'DONE';
    const late = !rng.chance(onTime);
    const recorded = due + (late ? rng.int(WINDOW + 3600, 3 * DAY) : rng.int(3600, WINDOW - 3600));
    const notes = outcome === 'DONE' ? CARE_VISIT_NOTES : outcome === 'NOBODY_HOME' ? NOBODY_HOME_NOTES : REFUSED_NOTES;
    visits.push({ due, late, outcome, recorded, note: rng.pick(notes) });
    let next = outcome === 'NOBODY_HOME' ? recorded + DAY : due + everyDays * DAY;
    if (next <= recorded) next = recorded + everyDays * DAY;
    due = next;
  }
  return { visits, next: due };
}

/** Writes the plans, visits and care events of every estate's special-care households. */
export async function seedCare(trx: Knex.Transaction, rng: Rng, estates: readonly Estate[]) {
  const drawn = estates.flatMap((estate) => {
    const r = rng.derive(estate.code);
    // The reference estate's promise: visits on time; elsewhere a little less reliably.
    const onTime = estate.reference ? 0.97 : 0.9 + 0.06 * r.next();
    const stewards = (grid: number) => estate.stewards.get(grid) ?? null;
    return estate.careHomes.flatMap((home) => kindsFor(r, home.needs).map(([kind, everyDays]) => {
      // Visits happen in working hours, Beijing time (UTC+8): 01:00–09:00 UTC.
      const first = START + r.int(0, everyDays - 1) * DAY + r.int(1, 8) * 3600 + r.int(0, 59) * 60;
      return { estate, home, kind, everyDays, note: r.chance(0.7) ? r.pick(CARE_PLAN_NOTES) : null, steward: stewards(home.grid), ...simulate(r, first, everyDays, onTime) };
    }));
  });
  const planIds = await reserveIds(trx, 'care_plan', drawn.length);
  const visitIds = await reserveIds(trx, 'care_visit', drawn.reduce((n, p) => n + p.visits.length, 0));

  const plans = new BulkWriter(trx, 'care_plan', PLAN_COLUMNS);
  const visits = new BulkWriter(trx, 'care_visit', VISIT_COLUMNS);
  const events = new BulkWriter(trx, 'care_event', EVENT_COLUMNS);
  // One writer at a time on the transaction's connection: visits (with their plans) first, then their events.
  let v = 0;
  for (const [i, p] of drawn.entries()) {
    plans.push(planIds[i]!, p.estate.id, p.home.id, p.kind, p.everyDays, p.note, 'true', p.next, at(RECORD_YEAR - 1, 12, 20));
    for (const visit of p.visits) {
      visits.push(visitIds[v++]!, p.estate.id, planIds[i]!, p.home.id, p.home.grid, p.kind, p.steward, null, visit.due, visit.due + WINDOW,
        visit.late ? visit.due + WINDOW : null, visit.outcome, visit.note, visit.recorded, p.steward);
    }
    if (visits.pending >= 20_000) await visits.send();
  }
  await visits.finish();
  await plans.finish();
  v = 0;
  for (const p of drawn) {
    const c = p.estate.id;
    const subject = p.steward === null ? 'seed' : toGlobalId('Staff', p.steward);
    for (const visit of p.visits) {
      const id = visitIds[v++]!;
      events.push(id, c, p.home.id, 'DUE', 'SYSTEM', 'care-schedule', null, visit.due);
      if (visit.late) events.push(id, c, p.home.id, 'OVERDUE', 'SYSTEM', 'care-schedule', null, visit.due + WINDOW);
      events.push(id, c, p.home.id, visit.outcome, 'STAFF', subject, p.steward, visit.recorded);
    }
    if (events.pending >= 40_000) await events.send();
  }
  await events.finish();
  return { carePlans: plans.rows, careVisits: visits.rows, careEvents: events.rows };
}
