import { Migration } from '@mikro-orm/migrations';

/**
 * One reception day, one concept: a reception day is a community event of
 * kind RECEPTION_DAY (scheduled, attended, its issues raised as WALK_IN
 * tickets linked through event_issue); a liaison meeting is a meeting with a
 * residents' organisation, nothing else.
 *
 * Reception days recorded as liaison meetings move into community events,
 * nothing lost:
 * - held_at starts the event, which lasts three hours; its space is the
 *   estate's space named like the meeting's place, else the estate's first
 *   space (the place is then kept at the head of the description);
 * - the summary becomes the description (which widens to 4,000 characters,
 *   the summaries' limit), who recorded it the organiser;
 * - the residents who came become that many attended registrations without
 *   a resident (as an erased resident's stay), and capacity fits them;
 * - the linked tickets become the day's issues, each with its ISSUE_RAISED
 *   change (a ticket already an issue of another day stays there).
 * The days are history: no booking holds their space, and none of it is in
 * the live stream. An estate without any public space cannot take its
 * reception days, so the migration stops instead of dropping them.
 */
export class Migration20261202090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`do $$ begin
      if exists (select 1 from "liaison_meeting" m where m."kind" = 'RECEPTION_DAY'
          and not exists (select 1 from "public_space" s where s."community_id" = m."community_id")) then
        raise exception 'reception days recorded in an estate without public spaces: add a space for them, then migrate';
      end if;
    end $$;`);
    this.addSql(`alter table "community_event" alter column "description" type varchar(4000) using ("description"::varchar(4000));`);

    this.addSql(`create temporary table "reception_day_move" on commit drop as
      select m."id" as "meeting_id", nextval(pg_get_serial_sequence('community_event', 'id'))::int as "event_id", m."community_id",
        coalesce(
          (select s."id" from "public_space" s where s."community_id" = m."community_id" and s."name" = m."place" order by s."id" limit 1),
          (select s."id" from "public_space" s where s."community_id" = m."community_id" order by s."id" limit 1)) as "public_space_id",
        m."place", m."held_at", m."attendees", m."summary", m."recorded_by_id", m."created_at",
        case when st."id" is null then 'ADMIN' when st."role" in ('MANAGER', 'DISPATCHER') then st."role"::text else 'STAFF' end as "actor_role",
        coalesce(rtrim(translate(encode(convert_to('Staff:' || st."id", 'UTF8'), 'base64'), '+/', '-_'), '='), '') as "actor_subject"
      from "liaison_meeting" m left join "staff" st on st."id" = m."recorded_by_id"
      where m."kind" = 'RECEPTION_DAY';`);

    this.addSql(`insert into "community_event" ("id", "community_id", "public_space_id", "booking_id", "group_id", "organiser_id", "kind", "programme",
        "title", "description", "starts_at", "ends_at", "capacity", "status", "created_at", "cancelled_at")
      select d."event_id", d."community_id", d."public_space_id", null, null, d."recorded_by_id", 'RECEPTION_DAY', null, 'Reception day',
        nullif(concat_ws(E'\\n\\n', case when s."name" <> d."place" then 'Held at ' || d."place" end, d."summary"), ''),
        d."held_at", d."held_at" + interval '3 hours', greatest(d."attendees", 1), 'SCHEDULED', d."created_at", null
      from "reception_day_move" d join "public_space" s on s."id" = d."public_space_id";`);
    this.addSql(`insert into "community_event_change" ("event_id", "community_id", "registration_id", "ticket_id", "type", "actor_role", "actor_subject", "at")
      select d."event_id", d."community_id", null, null, 'SCHEDULED', d."actor_role", d."actor_subject", d."created_at"
      from "reception_day_move" d order by d."event_id";`);
    this.addSql(`insert into "event_registration" ("community_id", "event_id", "resident_id", "household_id", "status", "registered_at", "confirmed_at",
        "cancelled_at", "attended_at")
      select d."community_id", d."event_id", null, null, 'CONFIRMED', d."held_at", d."held_at", null, d."held_at"
      from "reception_day_move" d cross join generate_series(1, d."attendees") order by d."event_id";`);
    this.addSql(`with "moved" as (
        insert into "event_issue" ("community_id", "event_id", "ticket_id")
        select d."community_id", d."event_id", l."ticket_id"
        from "reception_day_move" d join "liaison_meeting_ticket" l on l."meeting_id" = d."meeting_id"
        order by d."event_id", l."ticket_id"
        on conflict ("ticket_id") do nothing
        returning "community_id", "event_id", "ticket_id")
      insert into "community_event_change" ("event_id", "community_id", "registration_id", "ticket_id", "type", "actor_role", "actor_subject", "at")
      select m."event_id", m."community_id", null, m."ticket_id", 'ISSUE_RAISED', d."actor_role", d."actor_subject", k."created_at"
      from "moved" m join "reception_day_move" d on d."event_id" = m."event_id" join "ticket" k on k."id" = m."ticket_id"
      order by m."event_id", m."ticket_id";`);
    // Their links go with them (on delete cascade).
    this.addSql(`delete from "liaison_meeting" where "kind" = 'RECEPTION_DAY';`);

    this.addSql(`alter table "liaison_meeting" drop constraint "liaison_meeting_organisation_check";`);
    this.addSql(`alter table "liaison_meeting" drop column "kind";`);
    this.addSql(`alter table "liaison_meeting" alter column "organisation_id" set not null;`);
  }

  /** The schema as it was; reception days stay community events. */
  override async down(): Promise<void> {
    this.addSql(`alter table "liaison_meeting" alter column "organisation_id" drop not null;`);
    this.addSql(`alter table "liaison_meeting" add column "kind" text check ("kind" in ('ORGANISATION', 'RECEPTION_DAY')) not null default 'ORGANISATION';`);
    this.addSql(`alter table "liaison_meeting" alter column "kind" drop default;`);
    this.addSql(`alter table "liaison_meeting" add constraint "liaison_meeting_organisation_check" check ((kind = 'ORGANISATION') = (organisation_id is not null));`);
    this.addSql(`alter table "community_event" alter column "description" type varchar(2000) using ("description"::varchar(2000));`);
  }

}
