import { Building, Community, Drill, PublicSpace, Staff, type DrillKind } from '../entities';
import type { RecordDrillInput } from '../generated/graphql';
import type { Context } from '../context';
import { badInput, forbidden } from '../errors';
import { expectGlobalId } from '../ids';
import { rowCondition } from '../access/rows';
import { lookUp, text } from './ticket-input';
import { WORKER_ROLES } from './ticket-lifecycle';
import { communityOf, count, findPlace, label, past, placeOf } from './places';
import type { ListSpec, PageArgs, Paged } from './paging';

/** Fire and anti-terror drills: the record, and when each kind is next due at an estate (the drill_policy table). */

/** When one kind of drill is next due at an estate. */
export interface DrillDue {
  kind: DrillKind;
  everyDays: number;
  lastHeldAt: Date | null;
  nextDueAt: Date;
  overdue: boolean;
}

const NEWEST_FIRST: ListSpec<Drill> = { entity: Drill, orderBy: ['held_at', 'id'], descending: true, parentColumn: 'community_id' };

/** Records a drill held at the estate (staff of the estate). */
export async function recordDrill(ctx: Context, input: RecordDrillInput): Promise<Drill> {
  const community = await communityOf(ctx, input.communityCode);
  // What the input names is looked up before the role counts (NOT_FOUND first); malformed IDs are bad values, refused below.
  const lead = await lookUp(input.leadId, 'Staff', ctx.loaders.staff);
  await findPlace(ctx, input);
  if (!WORKER_ROLES.includes(ctx.viewer.role!)) throw forbidden('Only staff of the estate record drills');
  let leadId = ctx.viewer.staffId ?? null;
  if (input.leadId != null) {
    expectGlobalId(input.leadId, 'Staff', 'leadId');
    if (lead!.community.id !== community.id) throw badInput('leadId must be a member of staff of the estate', 'leadId');
    leadId = lead!.id;
  }
  const heldAt = past(input.heldAt, 'heldAt');
  const place = label(input.place, 'place', 200);
  const at = await placeOf(ctx, input, community.id, '', false);
  const participants = count(input.participants, 'participants', 100_000);
  const findings = text(input.findings, 'description', false, 'findings');
  return ctx.em.transactional(async (em) => em.create(Drill, {
    community: em.getReference(Community, community.id), kind: input.kind, heldAt, place,
    building: at.buildingId ? em.getReference(Building, at.buildingId) : null, publicSpace: at.spaceId ? em.getReference(PublicSpace, at.spaceId) : null,
    participants, lead: leadId ? em.getReference(Staff, leadId) : null, findings, createdAt: new Date(),
  }));
}

export function communityDrills(ctx: Context, community: Community, args: PageArgs): Paged<Drill> {
  return ctx.loaders.childPage(NEWEST_FIRST, community.id, args);
}

/**
 * For each kind in drill_policy: the estate's last drill of that kind and
 * when the next is due (the estate's onboarding when it never held one).
 */
export async function drillSchedule(ctx: Context, community: Community, now = new Date()): Promise<DrillDue[]> {
  const rule = rowCondition('drill', ctx.viewer, 'd');
  const rows: { kind: DrillKind; every_days: number; last: number | null }[] = await ctx.em.execute(
    `select p.kind, p.every_days, (select extract(epoch from max(d.held_at))::float8 from drill d where d.community_id = ? and d.kind = p.kind and (${rule.sql})) as last
       from drill_policy p order by p.kind desc`, [community.id, ...rule.bindings]);
  return rows.map((r) => {
    const lastHeldAt = r.last === null ? null : new Date(r.last * 1000);
    const from = lastHeldAt ?? new Date(community.createdAt);
    const nextDueAt = new Date(from.getTime() + (lastHeldAt ? r.every_days * 24 * 3600_000 : 0));
    return { kind: r.kind, everyDays: r.every_days, lastHeldAt, nextDueAt, overdue: now > nextDueAt };
  });
}
