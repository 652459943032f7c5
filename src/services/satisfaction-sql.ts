import { rowCondition } from '../access/rows';
import type { Viewer } from '../access/viewer';
import type { PeriodUnit } from '../entities';
import { textArray, type Condition } from './paging';
import { LOCAL_TIME_ZONE } from '../local-time';
import { UNIT_SQL, nextDay } from './satisfaction-periods';

/**
 * The one statement behind `satisfaction(filter)` and the CSV export. Every
 * figure is computed in PostgreSQL; Node only receives one row per bucket.
 *
 * Shape: the periods come from generate_series (so empty ones are present),
 * the estates from the filter and the viewer's rule, and each figure from its
 * own CTE, computed per estate and period by a LATERAL range scan over the
 * ticket index that leads with the timestamp the figure is counted by
 * (created_at, rated_at or resolved_at), grouped by grid when asked. Every
 * table read carries its row rule (src/access/rows.ts). Buckets are the
 * estates' units (the estate, or each of its grids) × periods, left-joined to
 * the figures, so a quiet period is a row of zeros.
 */

/** What the statement is asked for, already validated. */
export interface FiguresQuery {
  /** Estate codes asked for, each once; null for every estate the viewer may read. */
  codes: readonly string[] | null;
  from: string;
  to: string;
  unit: PeriodUnit;
  periods: number;
  perGrid: boolean;
}

/** One row of the statement: a bucket, or an estate with no bucket (no grids when `perGrid`), whose `period` is null. */
export interface FiguresRow {
  community_id: number;
  community: Record<string, unknown>;
  period: string | null;
  period_start: string;
  period_end: string;
  grid: Record<string, unknown> | null;
  households: number;
  tickets_raised: number;
  rating_count: number;
  average_rating: number | null;
  survey: Record<string, unknown> | null;
  survey_score: number | null;
  complaint_count: number;
  complaints_per_1000: number | null;
  tickets_resolved: number;
  response_count: number;
  response_p50: number | null;
  response_p90: number | null;
  emergency_count: number;
  emergency_within_target: number | null;
  emergency_response_count: number;
  emergency_response_p50: number | null;
  emergency_response_p90: number | null;
}

/** An SQL fragment with `?` placeholders, or a value to bind. */
type Part = Condition | { value: unknown };
const raw = (sql: string): Condition => ({ sql, bindings: [] });
const val = (value: unknown): Part => ({ value });

/** Template tag: fragments are inlined with their bindings, values become `?`, in order. */
function q(strings: TemplateStringsArray, ...parts: Part[]): Condition {
  let sql = strings[0];
  const bindings: unknown[] = [];
  parts.forEach((part, i) => {
    if ('value' in part) {
      sql += '?';
      bindings.push(part.value);
    } else {
      sql += part.sql;
      bindings.push(...part.bindings);
    }
    sql += strings[i + 1];
  });
  return { sql, bindings };
}

/**
 * Figures of tickets whose `column` falls in each slice (estate × period), per
 * grid or per estate: `select` is the aggregate list over `x`, `where` any
 * further condition on `x`.
 */
function perSlice(viewer: Viewer, grid: Condition, column: string, select: string, where = 'true'): Condition {
  return q`select s.community_id, s.starts, f.* from slices s cross join lateral (
      select ${grid} as grid_key, ${raw(select)}
      from ticket x
      where x.community_id = s.community_id and x.${raw(column)} >= s.starts and x.${raw(column)} < s.ends
        and ${raw(where)} and (${rowCondition('ticket', viewer, 'x')})
      group by 1) f`;
}

/**
 * The source of the emergency figures, in this one CTE: the dispatches raised
 * in the period (by `dispatched_at`). A dispatch met its target when a unit
 * was on scene by `target_on_scene_at`; it missed when on scene later, or
 * when the target passed with nobody on scene; a decision is pending (null,
 * not counted) while it is still within its target. Response times are
 * dispatch to on scene, over the dispatches on scene so far.
 */
function emergencyResponse(viewer: Viewer, grid: Condition): Condition {
  return q`select s.community_id, s.starts, f.grid_key, count(f.met)::int as decided, count(*) filter (where f.met)::int as met,
      count(f.response_seconds)::int as responses,
      percentile_cont(array[0.5, 0.9]) within group (order by f.response_seconds) filter (where f.response_seconds is not null) as response
    from slices s cross join lateral (
      select ${grid} as grid_key, x.response_seconds,
        case when x.on_scene_at is not null then x.on_scene_at <= x.target_on_scene_at
             when now() > x.target_on_scene_at then false end as met
      from dispatch x
      where x.community_id = s.community_id and x.dispatched_at >= s.starts and x.dispatched_at < s.ends
        and (${rowCondition('dispatch', viewer, 'x')})) f
    group by 1, 2, 3`;
}

/** The statement for `query` as `viewer` may see it. */
export function figuresStatement(viewer: Viewer, query: FiguresQuery): Condition {
  const unit = UNIT_SQL[query.unit];
  const grid = raw(query.perGrid ? 'x.grid_id' : '0');
  const codes = query.codes ? q`e.code = any(${val(textArray(query.codes))}::text[])` : raw('true');
  const units = query.perGrid
    ? q`select g.community_id, g.id as grid_key, g.code as grid_code, to_jsonb(g) as grid
        from grid g where g.community_id in (select community_id from estates) and (${rowCondition('grid', viewer, 'g')})`
    : raw('select community_id, 0 as grid_key, null::text as grid_code, null::jsonb as grid from estates');
  const households = query.perGrid
    ? q`select h.community_id, b.grid_id as grid_key, count(*)::int as n
        from household h join building b on b.id = h.building_id
        where h.community_id in (select community_id from estates)
          and (${rowCondition('household', viewer, 'h')}) and (${rowCondition('building', viewer, 'b')})
        group by 1, 2`
    : q`select h.community_id, 0 as grid_key, count(*)::int as n from household h
        where h.community_id in (select community_id from estates) and (${rowCondition('household', viewer, 'h')}) group by 1, 2`;
  // Surveys are of whole estates: they show on estate buckets of exactly their period and unit.
  const surveys = query.perGrid
    ? raw('select null::int as community_id, null::date as starts_on, null::jsonb as survey, null::float8 as score where false')
    : q`select v.community_id, v.starts_on, to_jsonb(v) as survey, v.score::float8 as score from satisfaction_survey v
        where v.community_id in (select community_id from estates) and v.unit = ${val(query.unit)}
          and v.starts_on >= date_trunc(${val(unit.trunc)}, ${val(query.from)}::timestamp)::date and v.starts_on <= ${val(query.to)}::date
          and (${rowCondition('satisfaction_survey', viewer, 'v')})`;

  return q`with
    periods as (
      select s, to_char(s, ${val(unit.label)}) as period,
        greatest(s, ${val(query.from)}::timestamp) as first_local,
        least(s + ${val(unit.step)}::interval, ${val(nextDay(query.to))}::timestamp) as end_local
      from (select date_trunc(${val(unit.trunc)}, ${val(query.from)}::timestamp) + i * ${val(unit.step)}::interval as s
            from generate_series(0, ${val(query.periods)}::int - 1) as i) g
    ),
    bounds as (
      select period, s::date as unit_start, first_local::date as period_start, (end_local - interval '1 day')::date as period_end,
        first_local at time zone ${val(LOCAL_TIME_ZONE)} as starts, end_local at time zone ${val(LOCAL_TIME_ZONE)} as ends
      from periods
    ),
    estates as (
      select e.* from (select c.id as community_id, c.code, to_jsonb(c) as community from community c) e
      where ${codes} and (${rowCondition('satisfaction_estate', viewer, 'e')})
    ),
    -- Every estate asked for is readable: only then is anything computed (else the request is refused).
    ready as (select count(*) >= ${val(query.codes?.length ?? 0)} as ok from estates),
    slices as (select e.community_id, b.starts, b.ends from estates e cross join bounds b where (select ok from ready)),
    units as (${units}),
    raised as (${perSlice(viewer, grid, 'created_at', `count(*)::int as tickets,
      count(*) filter (where x.category = 'COMPLAINT')::int as complaints,
      count(x.acknowledged_at)::int as responses,
      percentile_cont(array[0.5, 0.9]) within group (order by date_part('epoch', x.acknowledged_at - x.created_at))
        filter (where x.acknowledged_at is not null) as response`)}),
    rated as (${perSlice(viewer, grid, 'rated_at', 'count(*)::int as ratings, avg(x.rating_score) as average', 'x.rating_score is not null')}),
    resolved as (${perSlice(viewer, grid, 'resolved_at', 'count(*)::int as resolved')}),
    emergency_response as (${emergencyResponse(viewer, grid)}),
    households as (${households}),
    surveys as (${surveys})
    select e.community_id, e.community, b.period, b.period_start::text, b.period_end::text, u.grid,
      coalesce(h.n, 0) as households,
      coalesce(r.tickets, 0) as tickets_raised,
      coalesce(a.ratings, 0) as rating_count,
      round(a.average, 4)::float8 as average_rating,
      v.survey, v.score as survey_score,
      coalesce(r.complaints, 0) as complaint_count,
      case when h.n > 0 then round(coalesce(r.complaints, 0) * 1000.0 / h.n, 2)::float8 end as complaints_per_1000,
      coalesce(d.resolved, 0) as tickets_resolved,
      coalesce(r.responses, 0) as response_count,
      round(r.response[1]::numeric, 1)::float8 as response_p50,
      round(r.response[2]::numeric, 1)::float8 as response_p90,
      coalesce(m.decided, 0) as emergency_count,
      case when m.decided > 0 then round(m.met::numeric / m.decided, 4)::float8 end as emergency_within_target,
      coalesce(m.responses, 0) as emergency_response_count,
      round(m.response[1]::numeric, 1)::float8 as emergency_response_p50,
      round(m.response[2]::numeric, 1)::float8 as emergency_response_p90
    from estates e
    left join (units u cross join bounds b) on u.community_id = e.community_id and (select ok from ready)
    left join raised r on r.community_id = e.community_id and r.starts = b.starts and r.grid_key = u.grid_key
    left join rated a on a.community_id = e.community_id and a.starts = b.starts and a.grid_key = u.grid_key
    left join resolved d on d.community_id = e.community_id and d.starts = b.starts and d.grid_key = u.grid_key
    left join emergency_response m on m.community_id = e.community_id and m.starts = b.starts and m.grid_key = u.grid_key
    left join households h on h.community_id = e.community_id and h.grid_key = u.grid_key
    left join surveys v on v.community_id = e.community_id and v.starts_on = b.unit_start
    order by e.code collate "C", b.unit_start, u.grid_code collate "C"`;
}
