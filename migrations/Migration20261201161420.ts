import { Migration } from '@mikro-orm/migrations';

export class Migration20261201161420 extends Migration {

  override async up(): Promise<void> {
    // The gist index behind "no double booking" (booking_no_overlap below) compares the space id with `=`, which
    // plain gist cannot: btree_gist adds it. It is a trusted extension, so the database's owner may create it.
    this.addSql(`create extension if not exists btree_gist;`);

    this.addSql(`create table "opening_hours" ("id" serial primary key, "community_id" int not null, "public_space_id" int not null, "weekday" smallint not null, "opens_at" time(0) not null, "closes_at" time(0) not null, constraint opening_hours_weekday_check check ((weekday >= 1) AND (weekday <= 7)), constraint opening_hours_order_check check (opens_at < closes_at));`);
    this.addSql(`create index "opening_hours_space_index" on "opening_hours" ("public_space_id", "weekday", "opens_at");`);

    this.addSql(`create table "resident_group" ("id" serial primary key, "community_id" int not null, "name" varchar(120) not null, "theme" text check ("theme" in ('SENIORS', 'PARENTS_AND_CHILDREN', 'SPORTS', 'CULTURE', 'VOLUNTEERS', 'GARDENING', 'OTHER')) not null, "description" varchar(1000) null, "leader_id" int null, "liaison_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`create index "resident_group_leader_id_index" on "resident_group" ("leader_id");`);
    this.addSql(`create index "resident_group_liaison_id_index" on "resident_group" ("liaison_id");`);
    this.addSql(`alter table "resident_group" add constraint "resident_group_name_unique" unique ("community_id", "name");`);

    this.addSql(`create table "group_member" ("id" serial primary key, "community_id" int not null, "group_id" int not null, "resident_id" int not null, "household_id" int not null, "joined_at" timestamptz not null);`);
    this.addSql(`create index "group_member_group_index" on "group_member" ("group_id", "id");`);
    this.addSql(`create index "group_member_resident_index" on "group_member" ("resident_id");`);
    this.addSql(`alter table "group_member" add constraint "group_member_unique" unique ("group_id", "resident_id");`);

    this.addSql(`create table "booking" ("id" serial primary key, "community_id" int not null, "public_space_id" int not null, "booker_resident_id" int null, "household_id" int null, "booked_by_staff_id" int null, "purpose" varchar(200) not null, "attendees" int not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" text check ("status" in ('CONFIRMED', 'CANCELLED')) not null, "booked_at" timestamptz not null, "cancelled_at" timestamptz null, constraint booking_range_check check (starts_at < ends_at), constraint booking_attendees_check check (attendees >= 1), constraint booking_cancelled_check check ((status = 'CANCELLED') = (cancelled_at is not null)));`);
    this.addSql(`create index "booking_household_id_index" on "booking" ("household_id");`);
    this.addSql(`create index "booking_booked_by_staff_id_index" on "booking" ("booked_by_staff_id");`);
    this.addSql(`create index "booking_space_starts_index" on "booking" ("public_space_id", "starts_at", "id");`);
    this.addSql(`create index "booking_community_starts_index" on "booking" ("community_id", "starts_at", "id");`);
    this.addSql(`create index "booking_booker_starts_index" on "booking" ("booker_resident_id", "starts_at", "id");`);
    // No double booking, decided by the database: two CONFIRMED bookings of one space never overlap, so of two
    // concurrent requests for one slot exactly one commits; the other fails with SQLSTATE 23P01 (SPACE_UNAVAILABLE).
    this.addSql(`alter table "booking" add constraint "booking_no_overlap" exclude using gist ("public_space_id" with =, tstzrange("starts_at", "ends_at") with &&) where ("status" = 'CONFIRMED');`);

    this.addSql(`create table "community_event" ("id" serial primary key, "community_id" int not null, "public_space_id" int not null, "booking_id" int null, "group_id" int null, "organiser_id" int null, "kind" text check ("kind" in ('FESTIVAL', 'CULTURE', 'SPORTS', 'CLASS', 'MEETING', 'VOLUNTEERING', 'FREE_CLINIC', 'HAIRCUT', 'RECEPTION_DAY', 'OTHER')) not null, "programme" varchar(120) null, "title" varchar(200) not null, "description" varchar(2000) null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "capacity" int not null, "status" text check ("status" in ('SCHEDULED', 'CANCELLED')) not null, "created_at" timestamptz not null, "cancelled_at" timestamptz null, constraint community_event_range_check check (starts_at < ends_at), constraint community_event_capacity_check check (capacity >= 1));`);
    this.addSql(`create index "community_event_organiser_id_index" on "community_event" ("organiser_id");`);
    this.addSql(`create index "community_event_community_starts_index" on "community_event" ("community_id", "starts_at", "id");`);
    this.addSql(`create index "community_event_space_index" on "community_event" ("public_space_id");`);
    this.addSql(`create index "community_event_group_index" on "community_event" ("group_id");`);
    this.addSql(`alter table "community_event" add constraint "community_event_booking_unique" unique ("booking_id");`);

    this.addSql(`create table "event_registration" ("id" serial primary key, "community_id" int not null, "event_id" int not null, "resident_id" int null, "household_id" int null, "status" text check ("status" in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')) not null, "registered_at" timestamptz not null, "confirmed_at" timestamptz null, "cancelled_at" timestamptz null, "attended_at" timestamptz null, constraint event_registration_attended_check check (attended_at is null or status = 'CONFIRMED'));`);
    this.addSql(`create index "event_registration_household_id_index" on "event_registration" ("household_id");`);
    this.addSql(`create index "event_registration_event_index" on "event_registration" ("event_id", "id");`);
    this.addSql(`create index "event_registration_resident_index" on "event_registration" ("resident_id", "id");`);
    this.addSql(`create unique index "event_registration_live_unique" on "event_registration" ("event_id", "resident_id") where "status" <> 'CANCELLED';`);

    this.addSql(`create table "booking_change" ("id" bigserial primary key, "booking_id" int not null, "community_id" int not null, "type" text check ("type" in ('BOOKED', 'CANCELLED')) not null, "actor_role" varchar(16) not null, "actor_subject" varchar(200) not null, "at" timestamptz not null);`);
    this.addSql(`create index "booking_change_booking_index" on "booking_change" ("booking_id", "id");`);

    this.addSql(`create table "event_issue" ("id" serial primary key, "community_id" int not null, "event_id" int not null, "ticket_id" int not null);`);
    this.addSql(`create index "event_issue_event_index" on "event_issue" ("event_id", "id");`);
    this.addSql(`alter table "event_issue" add constraint "event_issue_ticket_unique" unique ("ticket_id");`);

    this.addSql(`create table "community_event_change" ("id" bigserial primary key, "event_id" int not null, "community_id" int not null, "registration_id" int null, "ticket_id" int null, "type" text check ("type" in ('SCHEDULED', 'CANCELLED', 'REGISTERED', 'WAITLISTED', 'PROMOTED', 'REGISTRATION_CANCELLED', 'ATTENDED', 'ISSUE_RAISED')) not null, "actor_role" varchar(16) not null, "actor_subject" varchar(200) not null, "at" timestamptz not null);`);
    this.addSql(`create index "community_event_change_registration_id_index" on "community_event_change" ("registration_id");`);
    this.addSql(`create index "community_event_change_event_index" on "community_event_change" ("event_id", "id");`);

    this.addSql(`alter table "opening_hours" add constraint "opening_hours_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "opening_hours" add constraint "opening_hours_public_space_id_foreign" foreign key ("public_space_id") references "public_space" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "resident_group" add constraint "resident_group_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "resident_group" add constraint "resident_group_leader_id_foreign" foreign key ("leader_id") references "resident" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "resident_group" add constraint "resident_group_liaison_id_foreign" foreign key ("liaison_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "group_member" add constraint "group_member_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "group_member" add constraint "group_member_group_id_foreign" foreign key ("group_id") references "resident_group" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "group_member" add constraint "group_member_resident_id_foreign" foreign key ("resident_id") references "resident" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "group_member" add constraint "group_member_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "booking" add constraint "booking_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "booking" add constraint "booking_public_space_id_foreign" foreign key ("public_space_id") references "public_space" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "booking" add constraint "booking_booker_resident_id_foreign" foreign key ("booker_resident_id") references "resident" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "booking" add constraint "booking_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "booking" add constraint "booking_booked_by_staff_id_foreign" foreign key ("booked_by_staff_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "community_event" add constraint "community_event_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "community_event" add constraint "community_event_public_space_id_foreign" foreign key ("public_space_id") references "public_space" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "community_event" add constraint "community_event_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "community_event" add constraint "community_event_group_id_foreign" foreign key ("group_id") references "resident_group" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "community_event" add constraint "community_event_organiser_id_foreign" foreign key ("organiser_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "event_registration" add constraint "event_registration_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_registration" add constraint "event_registration_event_id_foreign" foreign key ("event_id") references "community_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_registration" add constraint "event_registration_resident_id_foreign" foreign key ("resident_id") references "resident" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event_registration" add constraint "event_registration_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "booking_change" add constraint "booking_change_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade;`);
    this.addSql(`alter table "booking_change" add constraint "booking_change_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "event_issue" add constraint "event_issue_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_issue" add constraint "event_issue_event_id_foreign" foreign key ("event_id") references "community_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_issue" add constraint "event_issue_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade;`);

    this.addSql(`alter table "community_event_change" add constraint "community_event_change_event_id_foreign" foreign key ("event_id") references "community_event" ("id") on update cascade;`);
    this.addSql(`alter table "community_event_change" add constraint "community_event_change_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "community_event_change" add constraint "community_event_change_registration_id_foreign" foreign key ("registration_id") references "event_registration" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "community_event_change" add constraint "community_event_change_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "event_log" drop constraint if exists "event_log_kind_check";`);

    this.addSql(`alter table "public_space" add column "min_lead_minutes" int not null default 60, add column "max_advance_days" int not null default 60, add column "max_booking_minutes" int not null default 240;`);
    this.addSql(`alter table "public_space" add constraint public_space_booking_rules_check check(min_lead_minutes >= 0 and max_advance_days >= 1 and max_booking_minutes >= 15);`);

    this.addSql(`alter table "event_log" add column "booking_change_id" bigint null, add column "community_event_change_id" bigint null, add column "booking_id" int null, add column "community_event_id" int null, add column "public_space_id" int null;`);
    this.addSql(`alter table "event_log" add constraint "event_log_booking_change_id_foreign" foreign key ("booking_change_id") references "booking_change" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event_log" add constraint "event_log_community_event_change_id_foreign" foreign key ("community_event_change_id") references "community_event_change" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event_log" add constraint "event_log_kind_check" check("kind" in ('TICKET', 'DISPATCH', 'BOOKING', 'COMMUNITY_EVENT'));`);
    this.addSql(`alter table "event_log" add constraint "event_log_booking_change_id_unique" unique ("booking_change_id");`);
    this.addSql(`alter table "event_log" add constraint "event_log_community_event_change_id_unique" unique ("community_event_change_id");`);

    // Booking and event history is evidence, like ticket and dispatch events.
    this.addSql(`create trigger booking_change_append_only before update or delete on "booking_change" for each row execute function ticket_event_append_only();`);
    this.addSql(`create trigger booking_change_no_truncate before truncate on "booking_change" for each statement execute function ticket_event_append_only();`);
    this.addSql(`create trigger community_event_change_append_only before update or delete on "community_event_change" for each row execute function ticket_event_append_only();`);
    this.addSql(`create trigger community_event_change_no_truncate before truncate on "community_event_change" for each statement execute function ticket_event_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "group_member" drop constraint "group_member_group_id_foreign";`);

    this.addSql(`alter table "community_event" drop constraint "community_event_group_id_foreign";`);

    this.addSql(`alter table "community_event" drop constraint "community_event_booking_id_foreign";`);

    this.addSql(`alter table "booking_change" drop constraint "booking_change_booking_id_foreign";`);

    this.addSql(`alter table "event_registration" drop constraint "event_registration_event_id_foreign";`);

    this.addSql(`alter table "event_issue" drop constraint "event_issue_event_id_foreign";`);

    this.addSql(`alter table "community_event_change" drop constraint "community_event_change_event_id_foreign";`);

    this.addSql(`alter table "community_event_change" drop constraint "community_event_change_registration_id_foreign";`);

    this.addSql(`alter table "event_log" drop constraint "event_log_booking_change_id_foreign";`);

    this.addSql(`alter table "event_log" drop constraint "event_log_community_event_change_id_foreign";`);

    this.addSql(`drop table if exists "opening_hours" cascade;`);

    this.addSql(`drop table if exists "resident_group" cascade;`);

    this.addSql(`drop table if exists "group_member" cascade;`);

    this.addSql(`drop table if exists "booking" cascade;`);

    this.addSql(`drop table if exists "community_event" cascade;`);

    this.addSql(`drop table if exists "event_registration" cascade;`);

    this.addSql(`drop table if exists "booking_change" cascade;`);

    this.addSql(`drop table if exists "event_issue" cascade;`);

    this.addSql(`drop table if exists "community_event_change" cascade;`);

    this.addSql(`alter table "event_log" drop constraint if exists "event_log_kind_check";`);

    this.addSql(`alter table "event_log" drop constraint "event_log_booking_change_id_unique";`);
    this.addSql(`alter table "event_log" drop constraint "event_log_community_event_change_id_unique";`);
    this.addSql(`alter table "event_log" drop column "booking_change_id", drop column "community_event_change_id", drop column "booking_id", drop column "community_event_id", drop column "public_space_id";`);

    this.addSql(`alter table "event_log" add constraint "event_log_kind_check" check("kind" in ('TICKET', 'DISPATCH'));`);

    this.addSql(`alter table "public_space" drop constraint public_space_booking_rules_check;`);
    this.addSql(`alter table "public_space" drop column "min_lead_minutes", drop column "max_advance_days", drop column "max_booking_minutes";`);
  }

}
