import type { Knex } from '@mikro-orm/postgresql';
import type { OrganisationKind } from '../entities';
import { BulkWriter, type ColumnSpec } from './bulk';
import { PhoneIssuer, personName } from './names';
import type { Rng } from './random';
import { RECORD_YEAR, at, reserveIds, type Estate } from './records';
import { CONTACT_POSITIONS, MEETING_SUMMARIES, ORGANISATIONS } from './proactiveText';

/*
 * The "365" liaison network: the reference estate's 3 party branches, 5
 * committees and 6 resident groups (the smaller estates a branch, two
 * committees and two groups), each paired with a member of staff (party
 * branches with the estate's managers and desk, committees with stewards as
 * service supervisors, groups with squad members as team leads); the
 * reception team; and a year of meetings, with some of the walk-in and
 * grid-worker tickets raised in the three days after each. Reception days
 * are community events (community-life.ts).
 */

const ORG_COLUMNS: ColumnSpec = [['id', 'int'], ['community_id', 'int'], ['kind', 'text'], ['name', 'text'], ['liaison_id', 'int'], ['created_at', 'epoch']];
const CONTACT_COLUMNS: ColumnSpec = [['community_id', 'int'], ['organisation_id', 'int'], ['name', 'text'], ['phone', 'text'], ['position', 'text']];
const MEMBER_COLUMNS: ColumnSpec = [['community_id', 'int'], ['name', 'text'], ['role', 'text'], ['phone', 'text'], ['staff_id', 'int']];
const MEETING_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['organisation_id', 'int'], ['held_at', 'epoch'], ['place', 'text'],
  ['attendees', 'int'], ['summary', 'text'], ['recorded_by_id', 'int'], ['created_at', 'epoch'],
];
const LINK_COLUMNS: ColumnSpec = [['meeting_id', 'int'], ['ticket_id', 'int'], ['community_id', 'int']];

const DAY = 24 * 3600;
const KINDS: readonly OrganisationKind[] = ['PARTY_BRANCH', 'COMMITTEE', 'RESIDENT_GROUP'];
/** Months between meetings by kind: branches monthly, committees every two months, groups quarterly. */
const EVERY_MONTHS: Record<OrganisationKind, number> = { PARTY_BRANCH: 1, COMMITTEE: 2, RESIDENT_GROUP: 3 };

type Row = Record<string, any>;

/** Tickets raised in person or through the grid worker during the record year, by estate, in time order: what meetings may have raised. */
async function walkIns(trx: Knex.Transaction, estates: readonly Estate[]): Promise<Map<number, { id: number; at: number }[]>> {
  const { rows } = (await trx.raw(`select id, community_id, extract(epoch from created_at)::bigint as at from ticket
    where community_id = any(?) and channel in ('WALK_IN', 'GRID_WORKER') and created_at >= to_timestamp(?) and created_at < to_timestamp(?)
    order by community_id, created_at, id`, [estates.map((e) => e.id), at(RECORD_YEAR, 1, 1), at(RECORD_YEAR + 1, 1, 8)])) as { rows: Row[] };
  const out = new Map<number, { id: number; at: number }[]>();
  for (const r of rows) out.set(r.community_id, [...(out.get(r.community_id) ?? []), { id: r.id, at: Number(r.at) }]);
  return out;
}

/** Writes organisations, contacts, the reception team, meetings and the tickets that came of them. */
export async function seedLiaison(trx: Knex.Transaction, rng: Rng, estates: readonly Estate[], phones: PhoneIssuer) {
  const tickets = await walkIns(trx, estates);
  const drawn = estates.map((estate) => {
    const r = rng.derive(estate.code);
    const byRole = (...roles: string[]) => estate.staff.filter((s) => roles.includes(s.role));
    const pairs: Record<OrganisationKind, { id: number }[]> = {
      PARTY_BRANCH: byRole('MANAGER', 'DISPATCHER'), COMMITTEE: byRole('STEWARD'), RESIDENT_GROUP: byRole('SECURITY', 'MAINTENANCE', 'CLEANING'),
    };
    const counts: Record<OrganisationKind, number> = estate.reference ? { PARTY_BRANCH: 3, COMMITTEE: 5, RESIDENT_GROUP: 6 } : { PARTY_BRANCH: 1, COMMITTEE: 2, RESIDENT_GROUP: 2 };
    const organisations = KINDS.flatMap((kind) => ORGANISATIONS[kind].slice(0, counts[kind]).map((name, i) => ({
      kind, name, liaison: pairs[kind][(i * 7) % Math.max(1, pairs[kind].length)]?.id ?? null,
      contacts: Array.from({ length: r.int(1, 2) }, (_, k) => ({ name: personName(r), phone: phones.next(r), position: CONTACT_POSITIONS[kind][k]! })),
    })));
    return { estate, r, organisations };
  });
  const orgIds = await reserveIds(trx, 'resident_organisation', drawn.reduce((n, d) => n + d.organisations.length, 0));
  const orgs = new BulkWriter(trx, 'resident_organisation', ORG_COLUMNS);
  const contacts = new BulkWriter(trx, 'organisation_contact', CONTACT_COLUMNS);
  const members = new BulkWriter(trx, 'reception_member', MEMBER_COLUMNS);
  const meetings: {
    estate: Estate; r: Rng; org: number; at: number; place: string; attendees: number; summary: string | null; by: number | null;
  }[] = [];
  let o = 0;
  for (const { estate, r, organisations } of drawn) {
    const place = estate.spaces.find((s) => /议事|Meeting|Council/.test(s.name))?.name ?? estate.spaces[0]?.name ?? 'Service station';
    for (const org of organisations) {
      const id = orgIds[o++]!;
      orgs.push(id, estate.id, org.kind, org.name, org.liaison, at(RECORD_YEAR - 1, 12, 1));
      for (const c of org.contacts) contacts.push(estate.id, id, c.name, c.phone, c.position);
      for (let month = 1 + r.int(0, EVERY_MONTHS[org.kind] - 1); month <= 12; month += EVERY_MONTHS[org.kind]) {
        // An evening meeting, Beijing time.
        meetings.push({ estate, r, org: id, at: at(RECORD_YEAR, month, r.int(3, 26), 11, 30), place,
          attendees: r.int(6, 25), summary: r.pick(MEETING_SUMMARIES), by: org.liaison });
      }
    }
    const manager = estate.staff.find((s) => s.role === 'MANAGER')!;
    const officials = estate.reference ? 2 : 1;
    for (let i = 0; i < officials; i++) members.push(estate.id, personName(r), 'COMMUNITY_OFFICIAL', phones.next(r), null);
    members.push(estate.id, manager.name, 'PROJECT_MANAGER', manager.phone, manager.id);
    members.push(estate.id, personName(r), 'OWNERS_COMMITTEE_CHAIR', phones.next(r), null);
  }
  for (const writer of [orgs, contacts, members]) await writer.finish();

  const meetingIds = await reserveIds(trx, 'liaison_meeting', meetings.length);
  const meetingWriter = new BulkWriter(trx, 'liaison_meeting', MEETING_COLUMNS);
  const links = new BulkWriter(trx, 'liaison_meeting_ticket', LINK_COLUMNS);
  const used = new Set<number>();
  for (const [i, m] of meetings.entries()) {
    meetingWriter.push(meetingIds[i]!, m.estate.id, m.org, m.at, m.place, m.attendees, m.summary, m.by, m.at + 3 * 3600);
    const after = (tickets.get(m.estate.id) ?? []).filter((t) => t.at >= m.at && t.at < m.at + 3 * DAY && !used.has(t.id));
    for (const t of m.r.shuffle(after).slice(0, m.r.int(0, 2)).sort((a, b) => a.id - b.id)) {
      used.add(t.id);
      links.push(meetingIds[i]!, t.id, m.estate.id);
    }
  }
  await meetingWriter.finish();
  await links.finish();
  return { organisations: orgs.rows, liaisonMeetings: meetingWriter.rows };
}
