import { Migration } from '@mikro-orm/migrations';

export class Migration20261127113623 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sla_policy" ("priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'EMERGENCY')) not null, "response_minutes" int not null, "resolve_minutes" int not null, constraint "sla_policy_pkey" primary key ("priority"), constraint sla_policy_minutes_check check (response_minutes > 0 and resolve_minutes >= response_minutes));`);

    this.addSql(`create table "ticket" ("id" serial primary key, "community_id" int not null, "number" varchar(32) not null, "year" smallint not null, "seq" int not null, "channel" text check ("channel" in ('HOTLINE', 'APP', 'WALK_IN', 'PATROL', 'GRID_WORKER')) not null, "category" text check ("category" in ('PLUMBING', 'ELECTRICAL', 'ELEVATOR', 'CLEANING', 'SECURITY', 'NOISE', 'PARKING', 'FIRE_SAFETY', 'COMPLAINT', 'SUGGESTION', 'CARE', 'OTHER')) not null, "priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'EMERGENCY')) not null, "status" text check ("status" in ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED', 'REOPENED')) not null, "title" varchar(200) not null, "description" text not null default '', "building_id" int null, "household_id" int null, "public_space_id" int null, "grid_id" int null, "reporter_resident_id" int null, "reporter_staff_id" int null, "assignee_id" int null, "version" int not null default 1, "created_at" timestamptz not null, "acknowledged_at" timestamptz null, "assigned_at" timestamptz null, "started_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "cancelled_at" timestamptz null, "reopened_at" timestamptz null, "response_due_at" timestamptz not null, "resolve_due_at" timestamptz not null, "rating_score" smallint null, "rating_comment" varchar(1000) null, "rated_at" timestamptz null, "idempotency_caller" varchar(200) null, "idempotency_key" varchar(100) null, constraint ticket_location_check check (building_id is not null or household_id is not null or public_space_id is not null), constraint ticket_rating_check check (rating_score is null or (rating_score >= 1 and rating_score <= 5)), constraint ticket_version_check check (version >= 1));`);
    this.addSql(`create index "ticket_community_created_index" on "ticket" ("community_id", "created_at", "id");`);
    this.addSql(`create index "ticket_created_index" on "ticket" ("created_at", "id");`);
    this.addSql(`create index "ticket_grid_created_index" on "ticket" ("grid_id", "created_at", "id");`);
    this.addSql(`create index "ticket_building_created_index" on "ticket" ("building_id", "created_at", "id");`);
    this.addSql(`create index "ticket_household_created_index" on "ticket" ("household_id", "created_at", "id");`);
    this.addSql(`create index "ticket_public_space_created_index" on "ticket" ("public_space_id", "created_at", "id");`);
    this.addSql(`create index "ticket_reporter_resident_created_index" on "ticket" ("reporter_resident_id", "created_at", "id");`);
    this.addSql(`create index "ticket_assignee_created_index" on "ticket" ("assignee_id", "created_at", "id");`);
    this.addSql(`create index "ticket_reporter_staff_index" on "ticket" ("reporter_staff_id");`);
    this.addSql(`create index "ticket_open_created_index" on "ticket" ("community_id", "created_at", "id") where "status" in ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED');`);
    this.addSql(`create index "ticket_priority_created_index" on "ticket" ("community_id", "priority", "created_at", "id");`);
    this.addSql(`alter table "ticket" add constraint "ticket_number_unique" unique ("number");`);
    this.addSql(`alter table "ticket" add constraint "ticket_community_year_seq_unique" unique ("community_id", "year", "seq");`);
    this.addSql(`alter table "ticket" add constraint "ticket_idempotency_unique" unique ("idempotency_caller", "idempotency_key");`);

    this.addSql(`create table "ticket_counter" ("community_id" int not null, "year" smallint not null, "last_number" int not null, constraint "ticket_counter_pkey" primary key ("community_id", "year"));`);

    this.addSql(`create table "ticket_event" ("id" bigserial primary key, "ticket_id" int not null, "type" text check ("type" in ('SUBMITTED', 'ACKNOWLEDGED', 'ASSIGNED', 'STARTED', 'RESOLVED', 'REOPENED', 'CANCELLED', 'RATED', 'CLOSED', 'COMMENTED')) not null, "from_status" text check ("from_status" in ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED', 'REOPENED')) null, "to_status" text check ("to_status" in ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED', 'REOPENED')) null, "actor_role" varchar(16) not null, "actor_subject" varchar(200) not null, "actor_staff_id" int null, "actor_resident_id" int null, "note" varchar(1000) null, "at" timestamptz not null);`);
    this.addSql(`create index "ticket_event_ticket_id_id_index" on "ticket_event" ("ticket_id", "id");`);

    this.addSql(`alter table "ticket" add constraint "ticket_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket" add constraint "ticket_building_id_foreign" foreign key ("building_id") references "building" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_public_space_id_foreign" foreign key ("public_space_id") references "public_space" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_reporter_resident_id_foreign" foreign key ("reporter_resident_id") references "resident" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_reporter_staff_id_foreign" foreign key ("reporter_staff_id") references "staff" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket" add constraint "ticket_assignee_id_foreign" foreign key ("assignee_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_counter" add constraint "ticket_counter_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade;`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_actor_staff_id_foreign" foreign key ("actor_staff_id") references "staff" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_actor_resident_id_foreign" foreign key ("actor_resident_id") references "resident" ("id") on update cascade on delete set null;`);

    // Ticket history is evidence: the database itself refuses to rewrite or remove it.
    this.addSql(`create function ticket_event_append_only() returns trigger language plpgsql as $$ begin raise exception '% is append-only: % is not allowed', tg_table_name, tg_op using errcode = 'restrict_violation'; end $$;`);
    this.addSql(`create trigger ticket_event_append_only before update or delete on "ticket_event" for each row execute function ticket_event_append_only();`);
    this.addSql(`create trigger ticket_event_no_truncate before truncate on "ticket_event" for each statement execute function ticket_event_append_only();`);

    // Service-level targets per priority (minutes). Emergencies must be reached within 15 minutes.
    this.addSql(`insert into "sla_policy" ("priority", "response_minutes", "resolve_minutes") values ('EMERGENCY', 15, 240), ('HIGH', 60, 1440), ('NORMAL', 240, 4320), ('LOW', 1440, 10080);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists ticket_event_no_truncate on "ticket_event";`);
    this.addSql(`drop trigger if exists ticket_event_append_only on "ticket_event";`);
    this.addSql(`drop function if exists ticket_event_append_only();`);
    this.addSql(`alter table "ticket_event" drop constraint "ticket_event_ticket_id_foreign";`);

    this.addSql(`drop table if exists "sla_policy" cascade;`);

    this.addSql(`drop table if exists "ticket" cascade;`);

    this.addSql(`drop table if exists "ticket_counter" cascade;`);

    this.addSql(`drop table if exists "ticket_event" cascade;`);
  }

}
