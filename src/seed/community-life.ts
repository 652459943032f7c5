import type { Knex } from '@mikro-orm/postgresql';
import type { CommunityEventKind, PUBLIC_SPACE_KINDS } from '../entities';
import { toGlobalId } from '../ids';
import { LOCAL_OFFSET_MINUTES } from '../local-time';
import { BulkWriter, withBulkChecks, type ColumnSpec } from './bulk';
import { GROUPS, MAX_BOOKING_MINUTES, MONTHLY, OPENING_HOURS, SPRING_FESTIVAL, SPRING_FESTIVAL_2025, type ProgrammeItem } from './programme';
import type { Rng } from './random';
import { seedBookings, type Reserved } from './bookings';

/*
 * Community life in the demo: opening hours for every estate's spaces, and at
 * the reference estate LH its six resident groups with their members, the
 * 2025 Spring Festival programme, monthly service days and the residents'
 * council (each event holding its space through a booking), registrations and
 * attendance, the issues raised at the reception days (walk-in tickets of the
 * day and the three days after), and a year (2025) of residents' and estate
 * bookings around them.
 * It predates the live stream, so none of it is in the event log.
 */

type SpaceKind = (typeof PUBLIC_SPACE_KINDS)[number];
type Row = Record<string, any>;

/** What community life added. */
export interface CommunityLifeSeedSummary { bookings: number; groupMembers: number; communityEvents: number; registrations: number }

const REFERENCE = 'LH';
const YEAR = 2025;
const LOCAL_OFFSET = LOCAL_OFFSET_MINUTES * 60;
/** Groups were started when the estate came onto the system. */
const GROUPS_STARTED = Date.UTC(2024, 0, 15) / 1000;

const BOOKING_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['public_space_id', 'int'], ['booker_resident_id', 'int'], ['household_id', 'int'],
  ['booked_by_staff_id', 'int'], ['purpose', 'text'], ['attendees', 'int'], ['starts_at', 'epoch'], ['ends_at', 'epoch'],
  ['status', 'text'], ['booked_at', 'epoch'], ['cancelled_at', 'epoch'],
];
const BOOKING_CHANGE_COLUMNS: ColumnSpec = [
  ['booking_id', 'int'], ['community_id', 'int'], ['type', 'text'], ['actor_role', 'text'], ['actor_subject', 'text'], ['at', 'epoch'],
];
const EVENT_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['public_space_id', 'int'], ['booking_id', 'int'], ['group_id', 'int'], ['organiser_id', 'int'],
  ['kind', 'text'], ['programme', 'text'], ['title', 'text'], ['starts_at', 'epoch'], ['ends_at', 'epoch'], ['capacity', 'int'],
  ['status', 'text'], ['created_at', 'epoch'],
];
const REGISTRATION_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['event_id', 'int'], ['resident_id', 'int'], ['household_id', 'int'], ['status', 'text'],
  ['registered_at', 'epoch'], ['confirmed_at', 'epoch'], ['attended_at', 'epoch'],
];
const EVENT_CHANGE_COLUMNS: ColumnSpec = [
  ['event_id', 'int'], ['community_id', 'int'], ['registration_id', 'int'], ['ticket_id', 'int'], ['type', 'text'], ['actor_role', 'text'],
  ['actor_subject', 'text'], ['at', 'epoch'],
];
const ISSUE_COLUMNS: ColumnSpec = [['community_id', 'int'], ['event_id', 'int'], ['ticket_id', 'int']];
/** How long after a reception day's start a walk-in ticket may still be one of its issues. */
const ISSUE_WINDOW = 3 * 86400;

/** A local wall-clock time as seconds since the epoch. */
export function localEpoch(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 1000 - LOCAL_OFFSET + (h! * 60 + min!) * 60;
}

/** The `nth` ISO `weekday` of a month, as `YYYY-MM-DD`. */
function nthWeekday(month: number, weekday: number, nth: number): string {
  const first = new Date(Date.UTC(YEAR, month, 1));
  const offset = (weekday - (((first.getUTCDay() + 6) % 7) + 1) + 7) % 7;
  return new Date(Date.UTC(YEAR, month, 1 + offset + (nth - 1) * 7)).toISOString().slice(0, 10);
}

/** Row ids from a table's own sequence, in ascending order, so batches can be built before anything is in. */
async function ids(rows: (sql: string, b?: Knex.RawBinding[]) => Promise<Row[]>, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  return (await rows(`select nextval(pg_get_serial_sequence('${table}', 'id'))::int as id from generate_series(1, ?)`, [n])).map((r) => r.id as number).sort((a, b) => a - b);
}

/**
 * Writes community life inside the demo load's transaction, after the estates'
 * people and places exist. Its own random streams: the rest of the demo comes
 * out the same with or without it.
 */
export async function seedCommunityLife(trx: Knex.Transaction, rng: Rng, communityIds: readonly number[]): Promise<CommunityLifeSeedSummary> {
  const rows = async (sql: string, bindings: Knex.RawBinding[] = []) => ((await trx.raw(sql, bindings)) as { rows: Row[] }).rows;
  const spaces = await rows('select id, community_id, code, kind, capacity, status from public_space where community_id = any(?) order by id', [communityIds as number[]]);
  for (const [kind, minutes] of Object.entries(MAX_BOOKING_MINUTES)) {
    await rows('update public_space set max_booking_minutes = ? where kind = ? and community_id = any(?)', [minutes, kind, communityIds as number[]]);
  }
  const [lh] = await rows('select id from community where code = ? and id = any(?)', [REFERENCE, communityIds as number[]]);

  return withBulkChecks(trx, ['opening_hours', 'resident_group', 'group_member', 'booking', 'booking_change', 'community_event', 'event_registration', 'community_event_change', 'event_issue'], async () => {
    // A few hundred rows: plain inserts, whose parameters the server reads as times.
    const hours = spaces.flatMap((s) => OPENING_HOURS[s.kind as SpaceKind].flatMap(([weekdays, opens_at, closes_at]) =>
      weekdays.map((weekday) => ({ community_id: s.community_id, public_space_id: s.id, weekday, opens_at, closes_at }))));
    for (let i = 0; i < hours.length; i += 1000) await trx('opening_hours').insert(hours.slice(i, i + 1000));
    if (!lh) return { bookings: 0, groupMembers: 0, communityEvents: 0, registrations: 0 };

    const communityId = lh.id as number;
    const residents = await rows('select id, household_id from resident where community_id = ? order by id', [communityId]);
    const staff = await rows(`select id, role from staff where community_id = ? order by id`, [communityId]);
    const stewards = staff.filter((s) => s.role === 'STEWARD').map((s) => s.id as number);
    const managers = staff.filter((s) => s.role === 'MANAGER').map((s) => s.id as number);
    const bySpaceCode = new Map(spaces.filter((s) => s.community_id === communityId).map((s) => [s.code as string, s]));

    // Groups and their members.
    const groupRng = rng.derive('groups');
    const groupIds = await ids(rows, 'resident_group', GROUPS.length);
    const groups = new BulkWriter(trx, 'resident_group', [['id', 'int'], ['community_id', 'int'], ['name', 'text'], ['theme', 'text'], ['description', 'text'],
      ['leader_id', 'int'], ['liaison_id', 'int'], ['created_at', 'epoch']]);
    const members = new BulkWriter(trx, 'group_member', [['community_id', 'int'], ['group_id', 'int'], ['resident_id', 'int'], ['household_id', 'int'], ['joined_at', 'epoch']]);
    GROUPS.forEach(([name, theme, share, description], g) => {
      const picked = groupRng.sampleIndices(residents.length, Math.max(1, Math.round(residents.length * share)));
      const leader = residents[groupRng.pick(picked)]!;
      groups.push(groupIds[g]!, communityId, name, theme, description, leader.id, groupRng.pick(stewards), GROUPS_STARTED);
      for (const i of picked) members.push(communityId, groupIds[g]!, residents[i]!.id, residents[i]!.household_id, GROUPS_STARTED + groupRng.int(0, 700 * 86400));
    });
    await groups.finish();
    await members.finish();

    // Events: the Spring Festival programme, then every month's service days and council.
    const items: { item: ProgrammeItem; programme: string | null }[] = SPRING_FESTIVAL.map((item) => ({ item, programme: SPRING_FESTIVAL_2025 }));
    for (let month = 0; month < 12; month++) {
      for (const [kind, space, weekday, nth, start, end, places, title] of MONTHLY) {
        items.push({ item: [nthWeekday(month, weekday, nth), space, start, end, places, kind, title], programme: null });
      }
    }
    items.sort((a, b) => localEpoch(a.item[0], a.item[2]) - localEpoch(b.item[0], b.item[2]) || a.item[1].localeCompare(b.item[1]));
    const eventRng = rng.derive('events');
    const eventIds = await ids(rows, 'community_event', items.length);
    const eventBookingIds = await ids(rows, 'booking', items.length);
    const reserved: Reserved = new Map();
    const eventBookings: (readonly unknown[])[] = [];
    const eventBookingChanges: (readonly unknown[])[] = [];
    const events = new BulkWriter(trx, 'community_event', EVENT_COLUMNS);
    const plannedRegistrations: { eventId: number; kind: CommunityEventKind; starts: number; ends: number; created: number; places: number; organiser: number; festival: boolean }[] = [];
    items.forEach(({ item: [date, code, start, end, places, kind, title], programme }, i) => {
      const space = bySpaceCode.get(code)!;
      const starts = localEpoch(date, start);
      const ends = localEpoch(date, end);
      const created = starts - eventRng.int(14, 30) * 86400;
      const organiser = kind === 'RECEPTION_DAY' || kind === 'MEETING' ? managers[0]! : eventRng.pick(stewards);
      const group = kind === 'HAIRCUT' ? groupIds[0] : kind === 'FREE_CLINIC' ? groupIds[4] : null;
      events.push(eventIds[i]!, communityId, space.id, eventBookingIds[i]!, group, organiser, kind, programme, title, starts, ends, places, 'SCHEDULED', created);
      eventBookings.push([eventBookingIds[i]!, communityId, space.id, null, null, organiser, title, places, starts, ends, 'CONFIRMED', created, null]);
      eventBookingChanges.push([eventBookingIds[i]!, communityId, 'BOOKED', organiser === managers[0] ? 'MANAGER' : 'STAFF', toGlobalId('Staff', organiser), created]);
      const list = reserved.get(space.id) ?? [];
      list.push([starts, ends]);
      reserved.set(space.id, list);
      plannedRegistrations.push({ eventId: eventIds[i]!, kind, starts, ends, created, places, organiser, festival: programme !== null });
    });
    await events.finish();

    // Reception days: up to three of the walk-in tickets raised from the day's start to three days later are its issues.
    const issueRng = rng.derive('reception-issues');
    const receptionDays = plannedRegistrations.filter((e) => e.kind === 'RECEPTION_DAY');
    const walkIns = receptionDays.length === 0 ? [] : await rows(`select id, extract(epoch from created_at)::bigint as at from ticket
      where community_id = ? and channel = 'WALK_IN' and created_at >= to_timestamp(?) and created_at < to_timestamp(?) order by created_at, id`,
    [communityId, receptionDays[0]!.starts, receptionDays[receptionDays.length - 1]!.starts + ISSUE_WINDOW]);
    const issuesOf = new Map<number, { ticket: number; at: number }[]>();
    const taken = new Set<number>();
    const issues = new BulkWriter(trx, 'event_issue', ISSUE_COLUMNS);
    for (const e of receptionDays) {
      const near = walkIns.filter((k) => Number(k.at) >= e.starts && Number(k.at) < e.starts + ISSUE_WINDOW && !taken.has(k.id));
      const picked = issueRng.shuffle(near).slice(0, issueRng.int(0, 3)).sort((a, b) => Number(a.at) - Number(b.at) || a.id - b.id);
      for (const k of picked) {
        taken.add(k.id);
        issues.push(communityId, e.eventId, k.id);
      }
      issuesOf.set(e.eventId, picked.map((k) => ({ ticket: k.id as number, at: Number(k.at) })));
    }
    await issues.finish();

    // Registrations: festival events fill up (most with a waiting list); service days mostly do not.
    const registrationRng = rng.derive('registrations');
    const planned = plannedRegistrations.map((e) => {
      const full = e.festival ? registrationRng.chance(0.7) : registrationRng.chance(0.25);
      const confirmed = full ? e.places : Math.round(e.places * (e.festival ? 0.9 + 0.1 * registrationRng.next() : 0.55 + 0.4 * registrationRng.next()));
      const waiting = full ? Math.round(e.places * (0.05 + 0.2 * registrationRng.next())) : 0;
      return { ...e, confirmed, waiting };
    });
    const registrationIds = await ids(rows, 'event_registration', planned.reduce((n, e) => n + e.confirmed + e.waiting, 0));
    const registrations = new BulkWriter(trx, 'event_registration', REGISTRATION_COLUMNS);
    const eventChanges = new BulkWriter(trx, 'community_event_change', EVENT_CHANGE_COLUMNS);
    let next = 0;
    for (const e of planned) {
      const organiserRole = e.organiser === managers[0] ? 'MANAGER' : 'STAFF';
      eventChanges.push(e.eventId, communityId, null, null, 'SCHEDULED', organiserRole, toGlobalId('Staff', e.organiser), e.created);
      const who = registrationRng.sampleIndices(residents.length, Math.min(residents.length, e.confirmed + e.waiting));
      // Registration order: the first `confirmed` got places, the rest wait.
      const times = who.map(() => registrationRng.int(e.created + 3600, e.starts - 3600)).sort((a, b) => a - b);
      registrationRng.shuffle(who).forEach((index, k) => {
        const resident = residents[index]!;
        const id = registrationIds[next++]!;
        const confirmed = k < e.confirmed;
        const attended = confirmed && registrationRng.chance(e.festival ? 0.9 : 0.85) ? e.starts + registrationRng.int(0, Math.min(1800, e.ends - e.starts - 60)) : null;
        registrations.push(id, communityId, e.eventId, resident.id, resident.household_id, confirmed ? 'CONFIRMED' : 'WAITLISTED', times[k]!, confirmed ? times[k]! : null, attended);
        eventChanges.push(e.eventId, communityId, id, null, confirmed ? 'REGISTERED' : 'WAITLISTED', 'RESIDENT', toGlobalId('Resident', resident.id), times[k]!);
        if (attended !== null) eventChanges.push(e.eventId, communityId, id, null, 'ATTENDED', 'STAFF', toGlobalId('Staff', e.organiser), attended);
      });
      for (const issue of issuesOf.get(e.eventId) ?? []) {
        eventChanges.push(e.eventId, communityId, null, issue.ticket, 'ISSUE_RAISED', organiserRole, toGlobalId('Staff', e.organiser), issue.at);
      }
      if (registrations.pending >= 20_000) await registrations.send();
    }
    await registrations.finish();
    await eventChanges.finish();

    const bookings = await seedBookings(trx, rng.derive('bookings'), {
      communityId, year: YEAR, spaces: spaces.filter((s) => s.community_id === communityId), residents, stewards, managers, reserved,
      fixed: eventBookings, fixedChanges: eventBookingChanges, bookingColumns: BOOKING_COLUMNS, changeColumns: BOOKING_CHANGE_COLUMNS,
      allocate: (n) => ids(rows, 'booking', n),
    });
    return { bookings, groupMembers: members.rows, communityEvents: items.length, registrations: registrations.rows };
  });
}
