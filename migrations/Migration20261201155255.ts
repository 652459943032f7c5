import { Migration } from '@mikro-orm/migrations';

export class Migration20261201155255 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "incident_response" ("incident_type" text check ("incident_type" in ('FIRE', 'WATER_LEAK', 'ELEVATOR_ENTRAPMENT', 'POWER_OUTAGE', 'GAS_LEAK', 'SECURITY', 'MEDICAL')) not null, "position" smallint not null, "role" text check ("role" in ('STEWARD', 'SECURITY', 'CLEANING', 'MAINTENANCE', 'MANAGER', 'DISPATCHER')) not null, constraint "incident_response_pkey" primary key ("incident_type", "position"));`);

    this.addSql(`create table "dispatch" ("id" serial primary key, "community_id" int not null, "ticket_id" int not null, "building_id" int null, "public_space_id" int null, "grid_id" int null, "household_id" int null, "incident_type" text check ("incident_type" in ('FIRE', 'WATER_LEAK', 'ELEVATOR_ENTRAPMENT', 'POWER_OUTAGE', 'GAS_LEAK', 'SECURITY', 'MEDICAL')) not null, "status" text check ("status" in ('DISPATCHED', 'ACKNOWLEDGED', 'ON_SCENE', 'CLEARED')) not null, "version" int not null default 1, "dispatched_at" timestamptz not null, "target_on_scene_at" timestamptz not null, "acknowledged_at" timestamptz null, "on_scene_at" timestamptz null, "response_seconds" int null, "cleared_at" timestamptz null, "escalations" smallint not null default 0, "manager_fallback" boolean not null default false, constraint dispatch_response_check check (response_seconds is null or response_seconds >= 0), constraint dispatch_location_check check ((building_id is null) <> (public_space_id is null)));`);
    this.addSql(`create index "dispatch_community_dispatched_index" on "dispatch" ("community_id", "dispatched_at", "id");`);
    this.addSql(`alter table "dispatch" add constraint "dispatch_ticket_unique" unique ("ticket_id");`);

    this.addSql(`create table "dispatch_unit" ("id" serial primary key, "dispatch_id" int not null, "community_id" int not null, "staff_id" int not null, "role" text check ("role" in ('STEWARD', 'SECURITY', 'CLEANING', 'MAINTENANCE', 'MANAGER', 'DISPATCHER')) not null, "reason" text check ("reason" in ('SQUAD', 'ESTATE', 'ESCALATION', 'MANAGER')) not null, "position" smallint not null, "dispatched_at" timestamptz not null, "acknowledged_at" timestamptz null);`);
    this.addSql(`create index "dispatch_unit_staff_index" on "dispatch_unit" ("staff_id");`);
    this.addSql(`alter table "dispatch_unit" add constraint "dispatch_unit_staff_unique" unique ("dispatch_id", "staff_id");`);

    this.addSql(`create table "dispatch_timer" ("id" serial primary key, "dispatch_id" int not null, "kind" text check ("kind" in ('ACK_TIMEOUT', 'TARGET')) not null, "due_at" timestamptz not null, "fired_at" timestamptz null);`);
    this.addSql(`create index "dispatch_timer_due_index" on "dispatch_timer" ("due_at") where "fired_at" is null;`);

    this.addSql(`create table "dispatch_event" ("id" bigserial primary key, "dispatch_id" int not null, "community_id" int not null, "type" text check ("type" in ('DISPATCHED', 'ACKNOWLEDGED', 'ESCALATED', 'ON_SCENE', 'TARGET_MISSED', 'CLEARED')) not null, "from_status" text check ("from_status" in ('DISPATCHED', 'ACKNOWLEDGED', 'ON_SCENE', 'CLEARED')) null, "to_status" text check ("to_status" in ('DISPATCHED', 'ACKNOWLEDGED', 'ON_SCENE', 'CLEARED')) null, "staff_id" int null, "actor_role" varchar(16) not null, "actor_subject" varchar(200) not null, "note" varchar(1000) null, "at" timestamptz not null);`);
    this.addSql(`create index "dispatch_event_dispatch_id_index" on "dispatch_event" ("dispatch_id", "id");`);

    this.addSql(`alter table "dispatch" add constraint "dispatch_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dispatch" add constraint "dispatch_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade;`);
    this.addSql(`alter table "dispatch" add constraint "dispatch_building_id_foreign" foreign key ("building_id") references "building" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "dispatch" add constraint "dispatch_public_space_id_foreign" foreign key ("public_space_id") references "public_space" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "dispatch" add constraint "dispatch_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "dispatch" add constraint "dispatch_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "dispatch_unit" add constraint "dispatch_unit_dispatch_id_foreign" foreign key ("dispatch_id") references "dispatch" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dispatch_unit" add constraint "dispatch_unit_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dispatch_unit" add constraint "dispatch_unit_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade;`);

    this.addSql(`alter table "dispatch_timer" add constraint "dispatch_timer_dispatch_id_foreign" foreign key ("dispatch_id") references "dispatch" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "dispatch_event" add constraint "dispatch_event_dispatch_id_foreign" foreign key ("dispatch_id") references "dispatch" ("id") on update cascade;`);
    this.addSql(`alter table "dispatch_event" add constraint "dispatch_event_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dispatch_event" add constraint "dispatch_event_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "community" add column "emergency_target_minutes" smallint not null default 15;`);

    this.addSql(`alter table "event_log" add column "dispatch_event_id" bigint null, add column "dispatch_id" int null, add column "staff_ids" int[] null;`);
    this.addSql(`alter table "event_log" alter column "id" type bigint using ("id"::bigint);`);
    this.addSql(`alter table "event_log" add constraint "event_log_dispatch_event_id_foreign" foreign key ("dispatch_event_id") references "dispatch_event" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event_log" alter column "id" drop default;`);
    this.addSql(`alter table "event_log" add constraint "event_log_dispatch_event_id_unique" unique ("dispatch_event_id");`);

    // The log's ordering invariant lives here, in the one path every insert goes through, not in each writer:
    // the trigger takes the transaction-scoped log lock and only then allocates the id, so ids are allocated in
    // commit order and become visible in id order (src/events/log.ts explains why). An insert that brings its
    // own id is refused; with no default on the column, an insert that skipped the trigger could not get one.
    this.addSql(`alter table "event_log" alter column "id" drop default;`);
    this.addSql(`alter sequence "event_log_id_seq" owned by "event_log"."id";`);
    this.addSql(`create function event_log_order() returns trigger language plpgsql as $$
      begin
        if new.id is not null then
          raise exception 'event_log ids are allocated by the log: insert without an id' using errcode = 'check_violation';
        end if;
        perform pg_advisory_xact_lock(1735093351); -- "gklg", src/events/log.ts LOG_LOCK_KEY
        new.id := nextval('event_log_id_seq');
        return new;
      end $$;`);
    this.addSql(`create trigger event_log_order before insert on "event_log" for each row execute function event_log_order();`);
    // Every instance LISTENs on this channel; the payload is the newest id, never data.
    this.addSql(`create function event_log_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('gridkeeper_events', (select max(id)::text from inserted));
        return null;
      end $$;`);
    this.addSql(`create trigger event_log_notify after insert on "event_log" referencing new table as inserted for each statement execute function event_log_notify();`);

    // Dispatch history is evidence too.
    this.addSql(`create trigger dispatch_event_append_only before update or delete on "dispatch_event" for each row execute function ticket_event_append_only();`);
    this.addSql(`create trigger dispatch_event_no_truncate before truncate on "dispatch_event" for each statement execute function ticket_event_append_only();`);

    // Who goes to what, in order: the grid's squad first, then the rest of the estate (src/services/dispatch-units.ts).
    this.addSql(`insert into "incident_response" ("incident_type", "position", "role") values
      ('WATER_LEAK', 1, 'MAINTENANCE'), ('WATER_LEAK', 2, 'STEWARD'),
      ('FIRE', 1, 'SECURITY'), ('FIRE', 2, 'MANAGER'),
      ('ELEVATOR_ENTRAPMENT', 1, 'MAINTENANCE'), ('ELEVATOR_ENTRAPMENT', 2, 'SECURITY'),
      ('POWER_OUTAGE', 1, 'MAINTENANCE'), ('POWER_OUTAGE', 2, 'STEWARD'),
      ('GAS_LEAK', 1, 'SECURITY'), ('GAS_LEAK', 2, 'MAINTENANCE'),
      ('SECURITY', 1, 'SECURITY'), ('SECURITY', 2, 'STEWARD'),
      ('MEDICAL', 1, 'STEWARD'), ('MEDICAL', 2, 'SECURITY');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "event_log_notify" on "event_log";`);
    this.addSql(`drop function event_log_notify();`);
    this.addSql(`drop trigger "event_log_order" on "event_log";`);
    this.addSql(`drop function event_log_order();`);
    this.addSql(`alter table "event_log" alter column "id" set default nextval('event_log_id_seq');`);
    this.addSql(`alter table "dispatch_unit" drop constraint "dispatch_unit_dispatch_id_foreign";`);

    this.addSql(`alter table "dispatch_timer" drop constraint "dispatch_timer_dispatch_id_foreign";`);

    this.addSql(`alter table "dispatch_event" drop constraint "dispatch_event_dispatch_id_foreign";`);

    this.addSql(`alter table "event_log" drop constraint "event_log_dispatch_event_id_foreign";`);

    this.addSql(`drop table if exists "incident_response" cascade;`);

    this.addSql(`drop table if exists "dispatch" cascade;`);

    this.addSql(`drop table if exists "dispatch_unit" cascade;`);

    this.addSql(`drop table if exists "dispatch_timer" cascade;`);

    this.addSql(`drop table if exists "dispatch_event" cascade;`);

    this.addSql(`alter table "community" drop column "emergency_target_minutes";`);

    this.addSql(`alter table "event_log" drop constraint "event_log_dispatch_event_id_unique";`);
    this.addSql(`alter table "event_log" drop column "dispatch_event_id", drop column "dispatch_id", drop column "staff_ids";`);

    this.addSql(`alter table "event_log" alter column "id" type int8 using ("id"::int8);`);
    this.addSql(`create sequence if not exists "event_log_id_seq";`);
    this.addSql(`select setval('event_log_id_seq', (select max("id") from "event_log"));`);
    this.addSql(`alter table "event_log" alter column "id" set default nextval('event_log_id_seq');`);
  }

}
