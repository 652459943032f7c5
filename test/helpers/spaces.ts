import { toGlobalId } from '../../src/ids';
import { LOCAL_OFFSET_MINUTES } from '../../src/local-time';
import { contract, gql, type GraphQLResponse } from './client';
import type { Estate } from './factories';
import type { TestServer } from './server';
import { sql } from './tickets';

/** Shared pieces of the space, booking and event tests: opening hours, local time slots, bookings and events through the API. */

const OFFSET_MS = LOCAL_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** Opening hours for every weekday (or the ones given, ISO 1–7) of a space, replacing what it had. */
export async function setHours(t: TestServer, spaceId: number, intervals: [string, string][], weekdays = [1, 2, 3, 4, 5, 6, 7]): Promise<void> {
  await sql(t, 'delete from opening_hours where public_space_id = ?', [spaceId]);
  for (const weekday of weekdays) {
    for (const [opens, closes] of intervals) {
      await sql(t, `insert into opening_hours (community_id, public_space_id, weekday, opens_at, closes_at)
        select community_id, id, ?, ?::time, ?::time from public_space where id = ?`, [weekday, opens, closes, spaceId]);
    }
  }
}

/** A local (UTC+8) time `daysAhead` days from today at `hour:minute`, as an instant. */
export function localTime(daysAhead: number, hour: number, minute = 0): Date {
  const today = Math.floor((Date.now() + OFFSET_MS) / DAY_MS);
  return new Date((today + daysAhead) * DAY_MS + (hour * 60 + minute) * 60_000 - OFFSET_MS);
}

/** The local date (`YYYY-MM-DD`) `daysAhead` days from today. */
export function localDate(daysAhead: number): string {
  return new Date(localTime(daysAhead, 12).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1–7) of the local day `daysAhead` from today. */
export function localWeekday(daysAhead: number): number {
  const day = Math.floor((localTime(daysAhead, 12).getTime() + OFFSET_MS) / DAY_MS);
  return ((day + 3) % 7) + 1;
}

/** A slot of `hours` from local `hour` on the day `daysAhead` from today. */
export function slot(daysAhead: number, hour: number, hours = 1, minute = 0): { startsAt: string; endsAt: string } {
  const start = localTime(daysAhead, hour, minute);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + hours * 3600_000).toISOString() };
}

export const spaceGid = (estate: Estate, i = 0) => toGlobalId('PublicSpace', estate.spaces[i].id);

/** The contract's BookSpace. */
export function book(t: TestServer, token: string | undefined, input: Record<string, unknown>): Promise<GraphQLResponse> {
  return gql(t.url, contract('BookSpace'), { input: { purpose: "residents' meeting", attendees: 10, ...input } }, token);
}

/** Books and insists it worked: a setup step. */
export async function bookOk(t: TestServer, token: string, input: Record<string, unknown>): Promise<{ id: string; startsAt: string; endsAt: string }> {
  const res = await book(t, token, input);
  if (res.errors) throw new Error(`setup booking failed: ${JSON.stringify(res.errors)}`);
  return res.data.bookSpace.booking;
}

const SCHEDULE = `mutation($i: ScheduleEventInput!) { scheduleEvent(input: $i) { event { id capacity booking { id } } cursor } }`;

/** Schedules an event and insists it worked: a setup step. */
export async function scheduleOk(t: TestServer, token: string, input: Record<string, unknown>): Promise<{ id: string; booking: { id: string } }> {
  const res = await gql(t.url, SCHEDULE, { i: { kind: 'CULTURE', title: 'Calligraphy afternoon', capacity: 20, ...input } }, token);
  if (res.errors) throw new Error(`setup scheduleEvent failed: ${JSON.stringify(res.errors)}`);
  return res.data.scheduleEvent.event;
}

export const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { id status } promoted { id } cursor } }`;
export const CANCEL_REGISTRATION = `mutation($i: RegistrationActionInput!) { cancelRegistration(input: $i) { registration { id status } promoted { id status } cursor } }`;
export const ATTEND = `mutation($i: RegistrationActionInput!) { recordAttendance(input: $i) { registration { id status attendedAt } } }`;

/** Everything booked in an estate: a failed mutation must leave it unchanged. */
export async function bookingWrites(t: TestServer, estate: Estate) {
  const [row] = await sql(t, `select (select count(*) from booking where community_id = ?)::int as bookings,
    (select count(*) from booking_change where community_id = ?)::int as changes`, [estate.community.id, estate.community.id]);
  return row;
}
