import { Migration } from '@mikro-orm/migrations';

export class Migration20261127111249 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "community" ("id" serial primary key, "code" varchar(8) not null, "name" varchar(120) not null, "district" varchar(120) not null, "land_area_m2" int not null, "floor_area_m2" int not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "community" add constraint "community_code_unique" unique ("code");`);

    this.addSql(`create table "public_space" ("id" serial primary key, "community_id" int not null, "code" varchar(16) not null, "name" varchar(120) not null, "kind" text check ("kind" in ('ACTIVITY_ROOM', 'SERVICE_STATION', 'MEETING_ROOM', 'ELEVATED_FLOOR_LOUNGE', 'GARDEN', 'PAVILION', 'PLAYGROUND', 'SPORTS_AREA', 'DRYING_AREA')) not null, "capacity" int not null, "accessible" boolean not null default false, "status" text check ("status" in ('OPEN', 'UNDER_RENOVATION', 'CLOSED')) not null default 'OPEN', constraint public_space_capacity_check check (capacity >= 0));`);
    this.addSql(`alter table "public_space" add constraint "public_space_community_id_code_unique" unique ("community_id", "code");`);

    this.addSql(`create table "staff" ("id" serial primary key, "community_id" int not null, "grid_id" int null, "code" varchar(16) not null, "name" varchar(60) not null, "phone" varchar(20) not null, "role" text check ("role" in ('STEWARD', 'SECURITY', 'CLEANING', 'MAINTENANCE', 'MANAGER', 'DISPATCHER')) not null, "on_duty" boolean not null default false);`);
    this.addSql(`create index "staff_grid_id_index" on "staff" ("grid_id");`);
    this.addSql(`alter table "staff" add constraint "staff_community_id_code_unique" unique ("community_id", "code");`);

    this.addSql(`create table "grid" ("id" serial primary key, "community_id" int not null, "code" varchar(16) not null, "name" varchar(120) not null, "steward_id" int null, "grid_worker_name" varchar(60) not null, "grid_worker_phone" varchar(20) not null);`);
    this.addSql(`create index "grid_steward_id_index" on "grid" ("steward_id");`);
    this.addSql(`alter table "grid" add constraint "grid_community_id_code_unique" unique ("community_id", "code");`);

    this.addSql(`create table "building" ("id" serial primary key, "community_id" int not null, "grid_id" int not null, "code" varchar(16) not null, "floors" smallint not null, constraint building_floors_check check (floors between 1 and 120));`);
    this.addSql(`create index "building_grid_id_index" on "building" ("grid_id");`);
    this.addSql(`alter table "building" add constraint "building_community_id_code_unique" unique ("community_id", "code");`);

    this.addSql(`create table "household" ("id" serial primary key, "community_id" int not null, "building_id" int not null, "unit" varchar(16) not null, "floor" smallint not null, "care_needs" text[] not null default '{}', constraint household_floor_check check (floor between -5 and 120), constraint household_care_needs_check check (care_needs <@ array['ELDERLY_LIVING_ALONE', 'DISABILITY', 'CHRONIC_ILLNESS', 'LOW_INCOME', 'OTHER']::text[]));`);
    this.addSql(`create index "household_community_id_index" on "household" ("community_id");`);
    this.addSql(`alter table "household" add constraint "household_building_id_unit_unique" unique ("building_id", "unit");`);

    this.addSql(`create table "resident" ("id" serial primary key, "community_id" int not null, "household_id" int not null, "name" varchar(60) not null, "phone" varchar(20) not null);`);
    this.addSql(`create index "resident_community_id_index" on "resident" ("community_id");`);
    this.addSql(`create index "resident_household_id_index" on "resident" ("household_id");`);

    this.addSql(`alter table "public_space" add constraint "public_space_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "staff" add constraint "staff_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "staff" add constraint "staff_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "grid" add constraint "grid_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "grid" add constraint "grid_steward_id_foreign" foreign key ("steward_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "building" add constraint "building_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "building" add constraint "building_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);

    this.addSql(`alter table "household" add constraint "household_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "household" add constraint "household_building_id_foreign" foreign key ("building_id") references "building" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "resident" add constraint "resident_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "resident" add constraint "resident_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete cascade;`);
  }

}
