import { Migration } from '@mikro-orm/migrations';

export class Migration20261201145342 extends Migration {

  override async up(): Promise<void> {
    // Every read of an event is scoped on its own row: the estate is copied from the ticket.
    this.addSql(`alter table "ticket_event" add column "community_id" int null;`);
    this.addSql(`alter table "ticket_event" disable trigger "ticket_event_append_only";`);
    this.addSql(`update "ticket_event" e set "community_id" = t."community_id" from "ticket" t where t."id" = e."ticket_id";`);
    this.addSql(`alter table "ticket_event" enable trigger "ticket_event_append_only";`);
    this.addSql(`alter table "ticket_event" alter column "community_id" set not null;`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);

    // A writer that leaves the estate out (a bulk load, a script) still gets it right: the ticket decides, not the writer.
    this.addSql(`create function ticket_event_fill_community() returns trigger language plpgsql as $$
      begin
        if new.community_id is null then
          select t.community_id into new.community_id from ticket t where t.id = new.ticket_id;
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger ticket_event_fill_community before insert on "ticket_event" for each row execute function ticket_event_fill_community();`);

    // Events stay append-only, with one exception: erasing a resident sets their actor link to null
    // (the foreign key's "on delete set null"), and nothing else may change with it.
    this.addSql(`create function ticket_event_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and new.actor_resident_id is null
           and (to_jsonb(new) - 'actor_resident_id') = (to_jsonb(old) - 'actor_resident_id') then
          return new;
        end if;
        raise exception '% is append-only: % is not allowed', tg_table_name, tg_op using errcode = 'restrict_violation';
      end $$;`);
    this.addSql(`drop trigger "ticket_event_append_only" on "ticket_event";`);
    this.addSql(`create trigger ticket_event_append_only before update or delete on "ticket_event" for each row execute function ticket_event_guard();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "ticket_event_append_only" on "ticket_event";`);
    this.addSql(`create trigger ticket_event_append_only before update or delete on "ticket_event" for each row execute function ticket_event_append_only();`);
    this.addSql(`drop function ticket_event_guard();`);
    this.addSql(`drop trigger "ticket_event_fill_community" on "ticket_event";`);
    this.addSql(`drop function ticket_event_fill_community();`);
    this.addSql(`alter table "ticket_event" drop constraint "ticket_event_community_id_foreign";`);
    this.addSql(`alter table "ticket_event" drop column "community_id";`);
  }

}
