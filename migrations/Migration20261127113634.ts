import { Migration } from '@mikro-orm/migrations';

export class Migration20261127113634 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "event_log" ("id" bigserial primary key, "kind" text check ("kind" in ('TICKET', 'DISPATCH')) not null, "community_id" int not null, "ticket_event_id" bigint null, "ticket_id" int null, "building_id" int null, "grid_id" int null, "household_id" int null, "reporter_resident_id" int null, "priority" varchar(16) null, "at" timestamptz not null);`);
    this.addSql(`alter table "event_log" add constraint "event_log_ticket_event_id_unique" unique ("ticket_event_id");`);
    this.addSql(`create index "event_log_community_id_index" on "event_log" ("community_id", "id");`);

    this.addSql(`alter table "event_log" add constraint "event_log_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade;`);
    this.addSql(`alter table "event_log" add constraint "event_log_ticket_event_id_foreign" foreign key ("ticket_event_id") references "ticket_event" ("id") on update cascade on delete set null;`);

    // The stream clients resume from must never change under them.
    this.addSql(`create trigger event_log_append_only before update or delete on "event_log" for each row execute function ticket_event_append_only();`);
    this.addSql(`create trigger event_log_no_truncate before truncate on "event_log" for each statement execute function ticket_event_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_log" cascade;`);
  }

}
