import type { Knex } from '@mikro-orm/postgresql';
import type { DrillKind } from '../entities';
import { BulkWriter, type ColumnSpec } from './bulk';
import type { Rng } from './random';
import { RECORD_YEAR, at, reserveIds, type Estate } from './records';
import { CHECKPOINT_KINDS, DRILL_FINDINGS } from './proactiveText';

/*
 * Patrol routes with the last four weeks of the history's runs, and two
 * years of drills. The reference estate walks two routes every two hours
 * around the clock; the smaller estates one route every four hours. Guards
 * now and then miss a checkpoint. The runs predate patrol anomalies: the
 * ticket history's patrol tickets were raised without a route.
 */

const ROUTE_COLUMNS: ColumnSpec = [['id', 'int'], ['community_id', 'int'], ['code', 'text'], ['name', 'text'], ['every_minutes', 'smallint'], ['created_at', 'epoch']];
const CHECKPOINT_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['route_id', 'int'], ['position', 'smallint'], ['name', 'text'], ['building_id', 'int'], ['public_space_id', 'int'],
];
const RUN_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['route_id', 'int'], ['staff_id', 'int'], ['status', 'text'], ['started_at', 'epoch'], ['finished_at', 'epoch'],
];
const PASS_COLUMNS: ColumnSpec = [
  ['community_id', 'int'], ['run_id', 'int'], ['checkpoint_id', 'int'], ['position', 'smallint'], ['status', 'text'], ['passed_at', 'epoch'],
];
const DRILL_COLUMNS: ColumnSpec = [
  ['community_id', 'int'], ['kind', 'text'], ['held_at', 'epoch'], ['place', 'text'], ['building_id', 'int'], ['public_space_id', 'int'],
  ['participants', 'int'], ['lead_id', 'int'], ['findings', 'text'], ['created_at', 'epoch'],
];

const RUNS_FROM = at(RECORD_YEAR, 12, 4);
const RUNS_TO = at(RECORD_YEAR + 1, 1, 1);
const ROUTE_NAMES = [['东区巡逻路线', 'East round'], ['西区巡逻路线', 'West round']] as const;

interface Checkpoint { id: number; name: string; building: number | null; space: number | null }

/** The estate's routes: its buildings split between them in order, a public space closing each. */
function routesOf(rng: Rng, estate: Estate): { code: string; name: string; every: number; points: Omit<Checkpoint, 'id'>[] }[] {
  const count = estate.reference ? 2 : 1;
  const perRoute = estate.reference ? 7 : 5;
  return Array.from({ length: count }, (_, r) => {
    const share = estate.buildings.filter((_, i) => i % count === r);
    const picked = rng.sampleIndices(share.length, Math.min(perRoute, share.length)).map((i) => share[i]!);
    const points: Omit<Checkpoint, 'id'>[] = picked.map((b) => {
      const [zh, en] = rng.pick(CHECKPOINT_KINDS);
      return { name: `${b.code} ${zh} ${en}`, building: b.id, space: null };
    });
    if (estate.spaces.length) {
      const space = rng.pick(estate.spaces);
      points.push({ name: space.name, building: null, space: space.id });
    }
    const [zh, en] = ROUTE_NAMES[r]!;
    return { code: `R${r + 1}`, name: `${zh} ${en}`, every: estate.reference ? 120 : 240, points };
  });
}

/** Writes every estate's routes, checkpoints and four weeks of runs with their passes. */
export async function seedPatrols(trx: Knex.Transaction, rng: Rng, estates: readonly Estate[]) {
  const plans = estates.map((estate) => {
    const r = rng.derive(estate.code);
    return { estate, r, routes: routesOf(r, estate) };
  });
  const routeIds = await reserveIds(trx, 'patrol_route', plans.reduce((n, p) => n + p.routes.length, 0));
  const pointIds = await reserveIds(trx, 'patrol_checkpoint', plans.reduce((n, p) => n + p.routes.reduce((m, x) => m + x.points.length, 0), 0));
  const routes = new BulkWriter(trx, 'patrol_route', ROUTE_COLUMNS);
  const checkpoints = new BulkWriter(trx, 'patrol_checkpoint', CHECKPOINT_COLUMNS);
  const runs: { estate: Estate; route: number; guards: number[]; every: number; points: Checkpoint[]; r: Rng }[] = [];
  let ri = 0;
  let ci = 0;
  for (const { estate, r, routes: drawn } of plans) {
    const guards = estate.staff.filter((s) => s.role === 'SECURITY').map((s) => s.id);
    for (const route of drawn) {
      const id = routeIds[ri++]!;
      routes.push(id, estate.id, route.code, route.name, route.every, RUNS_FROM - 3 * 24 * 3600);
      const points = route.points.map((p, k) => {
        const point = { ...p, id: pointIds[ci++]! };
        checkpoints.push(point.id, estate.id, id, k + 1, p.name, p.building, p.space);
        return point;
      });
      if (guards.length) runs.push({ estate, route: id, guards, every: route.every, points, r });
    }
  }
  await routes.finish();
  await checkpoints.finish();

  const schedule = runs.flatMap((x) => {
    const starts: number[] = [];
    for (let slot = RUNS_FROM; slot < RUNS_TO; slot += x.every * 60) starts.push(slot + x.r.int(0, 15) * 60);
    return starts.map((start) => ({ ...x, start }));
  });
  const runIds = await reserveIds(trx, 'patrol_run', schedule.length);
  const runWriter = new BulkWriter(trx, 'patrol_run', RUN_COLUMNS);
  const passWriter = new BulkWriter(trx, 'patrol_pass', PASS_COLUMNS);
  // Each run's end is its last checkpoint's time, so the passes are drawn first and written after the runs.
  const passes: [number, number, number, number, string, number | null][] = [];
  for (const [i, run] of schedule.entries()) {
    let clock = run.start;
    for (const [k, point] of run.points.entries()) {
      clock += run.r.int(3, 8) * 60;
      const missed = run.r.chance(0.02);
      passes.push([run.estate.id, runIds[i]!, point.id, k + 1, missed ? 'MISSED' : 'PASSED', missed ? null : clock]);
    }
    runWriter.push(runIds[i]!, run.estate.id, run.route, run.r.pick(run.guards), 'FINISHED', run.start, clock + run.r.int(2, 6) * 60);
  }
  await runWriter.finish();
  for (const pass of passes) {
    passWriter.push(...pass);
    if (passWriter.pending >= 20_000) await passWriter.send();
  }
  await passWriter.finish();
  return { patrolRoutes: routes.rows, patrolRuns: runWriter.rows };
}

/** Two years of drills: fire drills each quarter at the reference estate and twice a year elsewhere, anti-terror drills twice and once. */
export async function seedDrills(trx: Knex.Transaction, rng: Rng, estates: readonly Estate[]): Promise<number> {
  const writer = new BulkWriter(trx, 'drill', DRILL_COLUMNS);
  for (const estate of estates) {
    const r = rng.derive(estate.code);
    const leads = estate.staff.filter((s) => s.role === 'MANAGER' || s.role === 'SECURITY').map((s) => s.id);
    const months: [DrillKind, number][] = estate.reference
      ? [['FIRE', 3], ['ANTI_TERROR', 5], ['FIRE', 6], ['FIRE', 9], ['ANTI_TERROR', 11], ['FIRE', 12]]
      : [['FIRE', r.int(3, 5)], ['ANTI_TERROR', r.int(6, 8)], ['FIRE', r.int(10, 11)]];
    for (const year of [RECORD_YEAR - 1, RECORD_YEAR]) {
      for (const [kind, month] of months) {
        // Drills are held on a weekday morning, Beijing time.
        const heldAt = at(year, month, r.int(5, 25), r.int(1, 3), 0);
        const space = estate.spaces.length && r.chance(0.6) ? r.pick(estate.spaces) : null;
        const building = space ? null : r.pick(estate.buildings);
        const participants = estate.reference ? r.int(150, 400) : r.int(40, 150);
        writer.push(estate.id, kind, heldAt, space?.name ?? `${building!.code} 楼 Building ${building!.code}`, building?.id ?? null, space?.id ?? null,
          participants, leads.length ? r.pick(leads) : null, r.pick(DRILL_FINDINGS[kind]), heldAt + 2 * 3600);
      }
    }
  }
  await writer.finish();
  return writer.rows;
}
