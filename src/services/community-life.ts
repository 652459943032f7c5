import {
  CommunityEvent, CommunityEventChange, EventIssue, EventRegistration, GroupMember, ResidentGroup,
  type Community, type RegistrationStatus, type Resident, type Ticket,
} from '../entities';
import type { Context } from '../context';
import type { CountSpec } from '../loaders';
import { allOf, textArray, type Condition, type ListSpec, type PageArgs, type Paged } from './paging';

/**
 * Reading groups, events and registrations. Every token of the estate reads
 * them (their tables' rules); who is a member and who registered is
 * @personal in the SDL, so counts are open and names are not.
 */

const MEMBERS: ListSpec<GroupMember> = { entity: GroupMember, orderBy: ['id'], parentColumn: 'group_id' };
const EVENTS: ListSpec<CommunityEvent> = { entity: CommunityEvent, orderBy: ['starts_at', 'id'], parentColumn: 'community_id' };
const REGISTRATIONS: ListSpec<EventRegistration> = { entity: EventRegistration, orderBy: ['id'], parentColumn: 'event_id' };
const EVENT_CHANGES: ListSpec<CommunityEventChange> = { entity: CommunityEventChange, orderBy: ['id'], parentColumn: 'event_id' };
const RESIDENT_REGISTRATIONS: ListSpec<EventRegistration> = { entity: EventRegistration, orderBy: ['id'], descending: true, parentColumn: 'resident_id' };

const REGISTRATION_COUNTS = {
  confirmed: { entity: EventRegistration, parentColumn: 'event_id', where: { sql: `x.status = 'CONFIRMED'`, bindings: [] } },
  waitlisted: { entity: EventRegistration, parentColumn: 'event_id', where: { sql: `x.status = 'WAITLISTED'`, bindings: [] } },
  attended: { entity: EventRegistration, parentColumn: 'event_id', where: { sql: 'x.attended_at is not null', bindings: [] } },
} as const satisfies Record<string, CountSpec>;

/** The estate's groups, by name. */
export function communityGroups(ctx: Context, community: Community): Promise<ResidentGroup[]> {
  return ctx.loaders.children(ResidentGroup, 'community', { name: 'asc' }).load(community.id);
}

/** A group's members in the order they joined. */
export function groupMembers(ctx: Context, group: ResidentGroup, args: PageArgs): Paged<GroupMember> {
  return ctx.loaders.childPage(MEMBERS, group.id, args);
}

export function groupMemberCount(ctx: Context, group: ResidentGroup): Promise<number> {
  return ctx.loaders.count(MEMBERS, group.id);
}

/** The groups a resident belongs to, in the order they joined them. */
export async function residentGroups(ctx: Context, resident: Resident): Promise<ResidentGroup[]> {
  const memberships = await ctx.loaders.children(GroupMember, 'resident', { id: 'asc' }).load(resident.id);
  const groups = await ctx.loaders.residentGroup.loadMany(memberships.map((m) => m.group.id));
  return groups.filter((g): g is ResidentGroup => g !== null && !(g instanceof Error));
}

/** The estate's events by start, narrowed by time, kind and programme. */
export function communityEvents(
  ctx: Context, community: Community,
  filter: { from?: Date | null; to?: Date | null; kinds?: readonly string[] | null; programme?: string | null }, args: PageArgs,
): Paged<CommunityEvent> {
  const conditions: Condition[] = [];
  if (filter.from) conditions.push({ sql: 'x.ends_at > ?', bindings: [filter.from.toISOString()] });
  if (filter.to) conditions.push({ sql: 'x.starts_at < ?', bindings: [filter.to.toISOString()] });
  if (filter.kinds?.length) conditions.push({ sql: 'x.kind = any(?::text[])', bindings: [textArray(filter.kinds)] });
  if (filter.programme != null) conditions.push({ sql: 'x.programme = ?', bindings: [filter.programme] });
  return ctx.loaders.childPage({ ...EVENTS, where: allOf(conditions) }, community.id, args);
}

/** An event's registrations in the order they were made. */
export function eventRegistrations(ctx: Context, event: CommunityEvent, statuses: readonly RegistrationStatus[] | null | undefined, args: PageArgs): Paged<EventRegistration> {
  const where = statuses?.length ? { sql: 'x.status = any(?::text[])', bindings: [textArray(statuses)] } : undefined;
  return ctx.loaders.childPage({ ...REGISTRATIONS, where }, event.id, args);
}

/** Confirmed, waiting or attended registrations of an event; the counts of many events are one statement each. */
export function registrationCount(ctx: Context, event: CommunityEvent, which: keyof typeof REGISTRATION_COUNTS): Promise<number> {
  return ctx.loaders.count(REGISTRATION_COUNTS[which], event.id);
}

/** A resident's registrations, newest first. */
export function residentRegistrations(ctx: Context, resident: Resident, args: PageArgs): Paged<EventRegistration> {
  return ctx.loaders.childPage(RESIDENT_REGISTRATIONS, resident.id, args);
}

/** What happened to an event and its registrations, oldest first. */
export function eventChanges(ctx: Context, event: CommunityEvent, args: PageArgs): Paged<CommunityEventChange> {
  return ctx.loaders.childPage(EVENT_CHANGES, event.id, args);
}

/** The tickets raised at a reception day that the viewer may read, in the order they were raised. */
export async function eventIssues(ctx: Context, event: CommunityEvent): Promise<Ticket[]> {
  const links = await ctx.loaders.children(EventIssue, 'event', { id: 'asc' }).load(event.id);
  if (links.length === 0) return [];
  const tickets = await ctx.loaders.ticket.loadMany(links.map((l) => l.ticket.id));
  return tickets.filter((t): t is Ticket => t !== null && !(t instanceof Error));
}
