import type { Knex } from '@mikro-orm/postgresql';
import type { CareNeed, StaffRole } from '../entities';

/** What the demo's proactive records (care, patrols, drills, liaison) share: the estates as loaded, times and ids. */

type Row = Record<string, any>;

/** One estate as the database holds it, indexed for drawing the records. */
export interface Estate {
  id: number; code: string; reference: boolean;
  careHomes: { id: number; grid: number; needs: CareNeed[] }[];
  buildings: { id: number; grid: number; code: string }[];
  /** Grid row id → its steward's staff id. */
  stewards: Map<number, number | null>;
  staff: { id: number; grid: number | null; role: StaffRole; name: string; phone: string }[];
  spaces: { id: number; name: string }[];
}

export const REFERENCE_CODE = 'LH';
/** The year of care visits and liaison meetings; the ticket history's second year. */
export const RECORD_YEAR = 2025;

/** Row ids from a table's own sequence, in order: every batch can be built before the previous one is in. */
export async function reserveIds(trx: Knex.Transaction, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = (await trx.raw(`select nextval(pg_get_serial_sequence(?, 'id'))::int as id from generate_series(1, ?)`, [table, n])) as { rows: Row[] };
  return rows.map((r) => r.id as number).sort((a, b) => a - b);
}

/** Seconds since the epoch of a UTC date and time. */
export const at = (year: number, month: number, day: number, hour = 0, minute = 0) => Date.UTC(year, month - 1, day, hour, minute) / 1000;

