import { Migration } from '@mikro-orm/migrations';

export class Migration20261201161501 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "drill_policy" ("kind" text check ("kind" in ('FIRE', 'ANTI_TERROR')) not null, "every_days" smallint not null, constraint "drill_policy_pkey" primary key ("kind"), constraint drill_policy_every_days_check check (every_days >= 1));`);

    this.addSql(`create table "patrol_route" ("id" serial primary key, "community_id" int not null, "code" varchar(16) not null, "name" varchar(120) not null, "every_minutes" smallint not null, "created_at" timestamptz not null, constraint patrol_route_every_check check (every_minutes >= 1 and every_minutes <= 10080));`);
    this.addSql(`alter table "patrol_route" add constraint "patrol_route_code_unique" unique ("community_id", "code");`);

    this.addSql(`create table "resident_organisation" ("id" serial primary key, "community_id" int not null, "kind" text check ("kind" in ('PARTY_BRANCH', 'COMMITTEE', 'RESIDENT_GROUP')) not null, "name" varchar(120) not null, "liaison_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`create index "resident_organisation_liaison_id_index" on "resident_organisation" ("liaison_id");`);
    this.addSql(`create index "resident_organisation_community_index" on "resident_organisation" ("community_id", "kind", "id");`);
    this.addSql(`alter table "resident_organisation" add constraint "resident_organisation_name_unique" unique ("community_id", "name");`);

    this.addSql(`create table "organisation_contact" ("id" serial primary key, "community_id" int not null, "organisation_id" int not null, "name" varchar(60) not null, "phone" varchar(20) not null, "position" varchar(60) not null);`);
    this.addSql(`create index "organisation_contact_organisation_index" on "organisation_contact" ("organisation_id", "id");`);

    this.addSql(`create table "reception_member" ("id" serial primary key, "community_id" int not null, "name" varchar(60) not null, "role" text check ("role" in ('COMMUNITY_OFFICIAL', 'PROJECT_MANAGER', 'OWNERS_COMMITTEE_CHAIR')) not null, "phone" varchar(20) not null, "staff_id" int null);`);
    this.addSql(`create index "reception_member_community_index" on "reception_member" ("community_id", "id");`);

    this.addSql(`create table "patrol_run" ("id" serial primary key, "community_id" int not null, "route_id" int not null, "staff_id" int not null, "status" text check ("status" in ('IN_PROGRESS', 'FINISHED')) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, constraint patrol_run_finished_check check ((status = 'FINISHED') = (finished_at is not null)));`);
    this.addSql(`create index "patrol_run_route_started_index" on "patrol_run" ("route_id", "started_at", "id");`);
    this.addSql(`create index "patrol_run_community_started_index" on "patrol_run" ("community_id", "started_at", "id");`);
    this.addSql(`create unique index "patrol_run_open_route_unique" on "patrol_run" ("route_id") where "finished_at" is null;`);
    this.addSql(`create unique index "patrol_run_open_staff_unique" on "patrol_run" ("staff_id") where "finished_at" is null;`);

    this.addSql(`create table "liaison_meeting" ("id" serial primary key, "community_id" int not null, "kind" text check ("kind" in ('ORGANISATION', 'RECEPTION_DAY')) not null, "organisation_id" int null, "held_at" timestamptz not null, "place" varchar(200) not null, "attendees" int not null, "summary" text null, "recorded_by_id" int null, "created_at" timestamptz not null, constraint liaison_meeting_organisation_check check ((kind = 'ORGANISATION') = (organisation_id is not null)), constraint liaison_meeting_attendees_check check (attendees >= 0));`);
    this.addSql(`create index "liaison_meeting_community_held_index" on "liaison_meeting" ("community_id", "held_at", "id");`);
    this.addSql(`create index "liaison_meeting_organisation_held_index" on "liaison_meeting" ("organisation_id", "held_at", "id");`);

    this.addSql(`create table "patrol_checkpoint" ("id" serial primary key, "community_id" int not null, "route_id" int not null, "position" smallint not null, "name" varchar(120) not null, "building_id" int null, "public_space_id" int null, constraint patrol_checkpoint_place_check check ((building_id is null) <> (public_space_id is null)));`);
    this.addSql(`create index "patrol_checkpoint_building_id_index" on "patrol_checkpoint" ("building_id");`);
    this.addSql(`create index "patrol_checkpoint_public_space_id_index" on "patrol_checkpoint" ("public_space_id");`);
    this.addSql(`alter table "patrol_checkpoint" add constraint "patrol_checkpoint_position_unique" unique ("route_id", "position");`);

    this.addSql(`create table "patrol_pass" ("id" serial primary key, "community_id" int not null, "run_id" int not null, "checkpoint_id" int not null, "position" smallint not null, "status" text check ("status" in ('PENDING', 'PASSED', 'MISSED')) not null, "passed_at" timestamptz null, constraint patrol_pass_passed_check check ((status = 'PASSED') = (passed_at is not null)));`);
    this.addSql(`create index "patrol_pass_run_position_index" on "patrol_pass" ("run_id", "position");`);
    this.addSql(`alter table "patrol_pass" add constraint "patrol_pass_checkpoint_unique" unique ("run_id", "checkpoint_id");`);

    this.addSql(`create table "care_plan" ("id" serial primary key, "community_id" int not null, "household_id" int not null, "kind" text check ("kind" in ('WATER_POWER_CHECK', 'SHOPPING', 'CLEANING', 'CALL')) not null, "every_days" smallint not null, "note" varchar(1000) null, "active" boolean not null default true, "next_due_at" timestamptz null, "created_at" timestamptz not null, constraint care_plan_every_days_check check (every_days >= 1 and every_days <= 366));`);
    this.addSql(`create index "care_plan_community_index" on "care_plan" ("community_id", "id");`);
    this.addSql(`create index "care_plan_due_index" on "care_plan" ("next_due_at") where "active";`);
    this.addSql(`alter table "care_plan" add constraint "care_plan_household_kind_unique" unique ("household_id", "kind");`);

    this.addSql(`create table "drill" ("id" serial primary key, "community_id" int not null, "kind" text check ("kind" in ('FIRE', 'ANTI_TERROR')) not null, "held_at" timestamptz not null, "place" varchar(200) not null, "building_id" int null, "public_space_id" int null, "participants" int not null, "lead_id" int null, "findings" text null, "created_at" timestamptz not null, constraint drill_participants_check check (participants >= 0));`);
    this.addSql(`create index "drill_community_held_index" on "drill" ("community_id", "held_at", "id");`);

    this.addSql(`create table "patrol_anomaly" ("id" serial primary key, "community_id" int not null, "run_id" int not null, "checkpoint_id" int not null, "kind" text check ("kind" in ('BLOCKED_FIRE_LANE', 'EBIKE_IN_CORRIDOR', 'BROKEN_LIGHT', 'FIRE_EQUIPMENT', 'SECURITY', 'OTHER')) not null, "note" varchar(1000) null, "ticket_id" int not null, "staff_id" int not null, "reported_at" timestamptz not null);`);
    this.addSql(`create index "patrol_anomaly_run_index" on "patrol_anomaly" ("run_id", "id");`);
    this.addSql(`alter table "patrol_anomaly" add constraint "patrol_anomaly_ticket_unique" unique ("ticket_id");`);

    this.addSql(`create table "liaison_meeting_ticket" ("meeting_id" int not null, "ticket_id" int not null, "community_id" int not null, constraint "liaison_meeting_ticket_pkey" primary key ("meeting_id", "ticket_id"));`);
    this.addSql(`create index "liaison_meeting_ticket_ticket_index" on "liaison_meeting_ticket" ("ticket_id");`);

    this.addSql(`create table "care_visit" ("id" serial primary key, "community_id" int not null, "plan_id" int not null, "household_id" int not null, "grid_id" int null, "kind" text check ("kind" in ('WATER_POWER_CHECK', 'SHOPPING', 'CLEANING', 'CALL')) not null, "steward_id" int null, "ticket_id" int null, "due_at" timestamptz not null, "deadline_at" timestamptz not null, "overdue_at" timestamptz null, "outcome" text check ("outcome" in ('DONE', 'NOBODY_HOME', 'REFUSED')) null, "outcome_note" varchar(1000) null, "recorded_at" timestamptz null, "recorded_by_id" int null, constraint care_visit_deadline_check check (deadline_at >= due_at), constraint care_visit_recorded_check check ((outcome is null) = (recorded_at is null)));`);
    this.addSql(`create index "care_visit_community_due_index" on "care_visit" ("community_id", "due_at", "id");`);
    this.addSql(`create index "care_visit_household_due_index" on "care_visit" ("household_id", "due_at", "id");`);
    this.addSql(`create index "care_visit_plan_due_index" on "care_visit" ("plan_id", "due_at", "id");`);
    this.addSql(`create index "care_visit_deadline_index" on "care_visit" ("deadline_at") where "outcome" is null and "overdue_at" is null;`);
    this.addSql(`create unique index "care_visit_open_unique" on "care_visit" ("plan_id") where "outcome" is null;`);
    this.addSql(`alter table "care_visit" add constraint "care_visit_ticket_unique" unique ("ticket_id");`);

    this.addSql(`create table "care_event" ("id" bigserial primary key, "visit_id" int not null, "community_id" int not null, "household_id" int not null, "type" text check ("type" in ('DUE', 'OVERDUE', 'DONE', 'NOBODY_HOME', 'REFUSED')) not null, "actor_role" varchar(16) not null, "actor_subject" varchar(200) not null, "staff_id" int null, "at" timestamptz not null);`);
    this.addSql(`create index "care_event_visit_id_index" on "care_event" ("visit_id", "id");`);

    this.addSql(`create table "ticket_escalation" ("id" serial primary key, "community_id" int not null, "ticket_id" int not null, "escalated_at" timestamptz not null, "escalated_by_id" int null, "taken_over_by_staff_id" int null, "taken_over_by_member_id" int null, "note" varchar(1000) null, constraint ticket_escalation_taker_check check ((taken_over_by_staff_id is null) <> (taken_over_by_member_id is null)));`);
    this.addSql(`create index "ticket_escalation_taken_over_by_staff_id_index" on "ticket_escalation" ("taken_over_by_staff_id");`);
    this.addSql(`create index "ticket_escalation_taken_over_by_member_id_index" on "ticket_escalation" ("taken_over_by_member_id");`);
    this.addSql(`create index "ticket_escalation_community_index" on "ticket_escalation" ("community_id", "escalated_at");`);
    this.addSql(`alter table "ticket_escalation" add constraint "ticket_escalation_ticket_unique" unique ("ticket_id");`);

    this.addSql(`alter table "patrol_route" add constraint "patrol_route_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "resident_organisation" add constraint "resident_organisation_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "resident_organisation" add constraint "resident_organisation_liaison_id_foreign" foreign key ("liaison_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "organisation_contact" add constraint "organisation_contact_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organisation_contact" add constraint "organisation_contact_organisation_id_foreign" foreign key ("organisation_id") references "resident_organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reception_member" add constraint "reception_member_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reception_member" add constraint "reception_member_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "patrol_run" add constraint "patrol_run_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "patrol_run" add constraint "patrol_run_route_id_foreign" foreign key ("route_id") references "patrol_route" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "patrol_run" add constraint "patrol_run_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade;`);

    this.addSql(`alter table "liaison_meeting" add constraint "liaison_meeting_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "liaison_meeting" add constraint "liaison_meeting_organisation_id_foreign" foreign key ("organisation_id") references "resident_organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "liaison_meeting" add constraint "liaison_meeting_recorded_by_id_foreign" foreign key ("recorded_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "patrol_checkpoint" add constraint "patrol_checkpoint_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "patrol_checkpoint" add constraint "patrol_checkpoint_route_id_foreign" foreign key ("route_id") references "patrol_route" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "patrol_checkpoint" add constraint "patrol_checkpoint_building_id_foreign" foreign key ("building_id") references "building" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "patrol_checkpoint" add constraint "patrol_checkpoint_public_space_id_foreign" foreign key ("public_space_id") references "public_space" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "patrol_pass" add constraint "patrol_pass_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "patrol_pass" add constraint "patrol_pass_run_id_foreign" foreign key ("run_id") references "patrol_run" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "patrol_pass" add constraint "patrol_pass_checkpoint_id_foreign" foreign key ("checkpoint_id") references "patrol_checkpoint" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "care_plan" add constraint "care_plan_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "care_plan" add constraint "care_plan_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "drill" add constraint "drill_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "drill" add constraint "drill_building_id_foreign" foreign key ("building_id") references "building" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "drill" add constraint "drill_public_space_id_foreign" foreign key ("public_space_id") references "public_space" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "drill" add constraint "drill_lead_id_foreign" foreign key ("lead_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "patrol_anomaly" add constraint "patrol_anomaly_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "patrol_anomaly" add constraint "patrol_anomaly_run_id_foreign" foreign key ("run_id") references "patrol_run" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "patrol_anomaly" add constraint "patrol_anomaly_checkpoint_id_foreign" foreign key ("checkpoint_id") references "patrol_checkpoint" ("id") on update cascade;`);
    this.addSql(`alter table "patrol_anomaly" add constraint "patrol_anomaly_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade;`);
    this.addSql(`alter table "patrol_anomaly" add constraint "patrol_anomaly_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade;`);

    this.addSql(`alter table "liaison_meeting_ticket" add constraint "liaison_meeting_ticket_meeting_id_foreign" foreign key ("meeting_id") references "liaison_meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "liaison_meeting_ticket" add constraint "liaison_meeting_ticket_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade;`);
    this.addSql(`alter table "liaison_meeting_ticket" add constraint "liaison_meeting_ticket_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "care_visit" add constraint "care_visit_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "care_visit" add constraint "care_visit_plan_id_foreign" foreign key ("plan_id") references "care_plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "care_visit" add constraint "care_visit_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "care_visit" add constraint "care_visit_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "care_visit" add constraint "care_visit_steward_id_foreign" foreign key ("steward_id") references "staff" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "care_visit" add constraint "care_visit_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "care_visit" add constraint "care_visit_recorded_by_id_foreign" foreign key ("recorded_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "care_event" add constraint "care_event_visit_id_foreign" foreign key ("visit_id") references "care_visit" ("id") on update cascade;`);
    this.addSql(`alter table "care_event" add constraint "care_event_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "care_event" add constraint "care_event_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "care_event" add constraint "care_event_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket_escalation" add constraint "ticket_escalation_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_escalation" add constraint "ticket_escalation_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ticket_escalation" add constraint "ticket_escalation_escalated_by_id_foreign" foreign key ("escalated_by_id") references "staff" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket_escalation" add constraint "ticket_escalation_taken_over_by_staff_id_foreign" foreign key ("taken_over_by_staff_id") references "staff" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "ticket_escalation" add constraint "ticket_escalation_taken_over_by_member_id_foreign" foreign key ("taken_over_by_member_id") references "reception_member" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ticket" drop constraint if exists "ticket_channel_check";`);

    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_type_check";`);

    this.addSql(`alter table "event_log" drop constraint if exists "event_log_kind_check";`);

    this.addSql(`alter table "ticket" add constraint "ticket_channel_check" check("channel" in ('HOTLINE', 'APP', 'WALK_IN', 'PATROL', 'GRID_WORKER', 'CARE_SCHEDULE'));`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_type_check" check("type" in ('SUBMITTED', 'ACKNOWLEDGED', 'ASSIGNED', 'STARTED', 'RESOLVED', 'REOPENED', 'CANCELLED', 'RATED', 'CLOSED', 'COMMENTED', 'ESCALATED'));`);

    this.addSql(`alter table "event_log" add column "care_event_id" bigint null;`);
    this.addSql(`alter table "event_log" add constraint "event_log_care_event_id_foreign" foreign key ("care_event_id") references "care_event" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event_log" add constraint "event_log_kind_check" check("kind" in ('TICKET', 'DISPATCH', 'BOOKING', 'COMMUNITY_EVENT', 'CARE'));`);
    this.addSql(`alter table "event_log" add constraint "event_log_care_event_id_unique" unique ("care_event_id");`);

    // Care history is evidence too: what fell due, what went overdue, what staff recorded.
    this.addSql(`create trigger care_event_append_only before update or delete on "care_event" for each row execute function ticket_event_append_only();`);
    this.addSql(`create trigger care_event_no_truncate before truncate on "care_event" for each statement execute function ticket_event_append_only();`);

    // How often drills must be held: fire drills twice a year, anti-terror drills once (src/services/drills.ts).
    this.addSql(`insert into "drill_policy" ("kind", "every_days") values ('FIRE', 182), ('ANTI_TERROR', 365);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists care_event_no_truncate on "care_event";`);
    this.addSql(`drop trigger if exists care_event_append_only on "care_event";`);
    this.addSql(`alter table "patrol_run" drop constraint "patrol_run_route_id_foreign";`);

    this.addSql(`alter table "patrol_checkpoint" drop constraint "patrol_checkpoint_route_id_foreign";`);

    this.addSql(`alter table "organisation_contact" drop constraint "organisation_contact_organisation_id_foreign";`);

    this.addSql(`alter table "liaison_meeting" drop constraint "liaison_meeting_organisation_id_foreign";`);

    this.addSql(`alter table "ticket_escalation" drop constraint "ticket_escalation_taken_over_by_member_id_foreign";`);

    this.addSql(`alter table "patrol_pass" drop constraint "patrol_pass_run_id_foreign";`);

    this.addSql(`alter table "patrol_anomaly" drop constraint "patrol_anomaly_run_id_foreign";`);

    this.addSql(`alter table "liaison_meeting_ticket" drop constraint "liaison_meeting_ticket_meeting_id_foreign";`);

    this.addSql(`alter table "patrol_pass" drop constraint "patrol_pass_checkpoint_id_foreign";`);

    this.addSql(`alter table "patrol_anomaly" drop constraint "patrol_anomaly_checkpoint_id_foreign";`);

    this.addSql(`alter table "care_visit" drop constraint "care_visit_plan_id_foreign";`);

    this.addSql(`alter table "care_event" drop constraint "care_event_visit_id_foreign";`);

    this.addSql(`alter table "event_log" drop constraint "event_log_care_event_id_foreign";`);

    this.addSql(`drop table if exists "drill_policy" cascade;`);

    this.addSql(`drop table if exists "patrol_route" cascade;`);

    this.addSql(`drop table if exists "resident_organisation" cascade;`);

    this.addSql(`drop table if exists "organisation_contact" cascade;`);

    this.addSql(`drop table if exists "reception_member" cascade;`);

    this.addSql(`drop table if exists "patrol_run" cascade;`);

    this.addSql(`drop table if exists "liaison_meeting" cascade;`);

    this.addSql(`drop table if exists "patrol_checkpoint" cascade;`);

    this.addSql(`drop table if exists "patrol_pass" cascade;`);

    this.addSql(`drop table if exists "care_plan" cascade;`);

    this.addSql(`drop table if exists "drill" cascade;`);

    this.addSql(`drop table if exists "patrol_anomaly" cascade;`);

    this.addSql(`drop table if exists "liaison_meeting_ticket" cascade;`);

    this.addSql(`drop table if exists "care_visit" cascade;`);

    this.addSql(`drop table if exists "care_event" cascade;`);

    this.addSql(`drop table if exists "ticket_escalation" cascade;`);

    this.addSql(`alter table "event_log" drop constraint if exists "event_log_kind_check";`);

    this.addSql(`alter table "ticket" drop constraint if exists "ticket_channel_check";`);

    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_type_check";`);

    this.addSql(`alter table "event_log" drop constraint "event_log_care_event_id_unique";`);
    this.addSql(`alter table "event_log" drop column "care_event_id";`);

    this.addSql(`alter table "event_log" add constraint "event_log_kind_check" check("kind" in ('TICKET', 'DISPATCH', 'BOOKING', 'COMMUNITY_EVENT'));`);

    this.addSql(`alter table "ticket" add constraint "ticket_channel_check" check("channel" in ('HOTLINE', 'APP', 'WALK_IN', 'PATROL', 'GRID_WORKER'));`);

    this.addSql(`alter table "ticket_event" add constraint "ticket_event_type_check" check("type" in ('SUBMITTED', 'ACKNOWLEDGED', 'ASSIGNED', 'STARTED', 'RESOLVED', 'REOPENED', 'CANCELLED', 'RATED', 'CLOSED', 'COMMENTED'));`);
  }

}
