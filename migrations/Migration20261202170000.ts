import { Migration } from '@mikro-orm/migrations';

/**
 * A building's tickets kept as they change. A building's `tickets { totalCount }`
 * counted the building's tickets at every read: 1,796 index entries for the
 * reference estate's busiest building, a third of the database's time for the
 * contract's `BuildingTickets`. The counts now live in
 * `building_ticket_tally`, kept by triggers on `ticket` in the same
 * transaction as the rows they count: a count read is exact.
 *
 * The tally is kept by building and by every column the ticket table's access
 * rule may test on a counted row, its estate and its channel (dashboards do
 * not see care visits' tickets), so a count under any viewer's rule that tests
 * only those is a sum over the building's few tally rows, under the same rule.
 * A rule that tests anything else (a resident's own tickets) counts the rows.
 *
 * New and removed tickets are counted per statement (a bulk load of 200,000
 * tickets is one grouped insert into the tally); a ticket's update is counted
 * per row, and only when it changes one of the tally's columns, so the
 * lifecycle's updates cost nothing here. The triggers are ENABLE ALWAYS, so
 * a bulk load that turns per-row triggers off still keeps the tally. A row
 * that reaches zero is removed; a missing row counts 0.
 */
export class Migration20261202170000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "building_ticket_tally" (
      "building_id" int not null,
      "community_id" int not null,
      "channel" text not null,
      "tickets" int not null check ("tickets" >= 0),
      constraint "building_ticket_tally_pkey" primary key ("building_id", "community_id", "channel"));`);

    // A row that reaches zero is removed, by a second statement that sees the first's update (one statement would
    // test both on its snapshot and could miss a concurrent change of the row).
    this.addSql(`create function building_ticket_tally_take(b int, c int, ch text, n int) returns void language plpgsql as $$
      begin
        update "building_ticket_tally" t set "tickets" = t."tickets" - n where t."building_id" = b and t."community_id" = c and t."channel" = ch;
        delete from "building_ticket_tally" t where t."building_id" = b and t."community_id" = c and t."channel" = ch and t."tickets" = 0;
      end $$;`);

    this.addSql(`create function building_ticket_tally_added() returns trigger language plpgsql as $$
      begin
        insert into "building_ticket_tally" as t ("building_id", "community_id", "channel", "tickets")
          select n."building_id", n."community_id", n."channel", count(*)::int from tally_new n
          where n."building_id" is not null group by 1, 2, 3 order by 1, 2, 3
          on conflict ("building_id", "community_id", "channel") do update set "tickets" = t."tickets" + excluded."tickets";
        return null;
      end $$;`);
    this.addSql(`create function building_ticket_tally_removed() returns trigger language plpgsql as $$
      begin
        perform building_ticket_tally_take(o."building_id", o."community_id", o."channel", o."n")
          from (select "building_id", "community_id", "channel", count(*)::int as "n" from tally_old
                where "building_id" is not null group by 1, 2, 3 order by 1, 2, 3) o;
        return null;
      end $$;`);
    this.addSql(`create function building_ticket_tally_moved() returns trigger language plpgsql as $$
      begin
        if old."building_id" is not null then
          perform building_ticket_tally_take(old."building_id", old."community_id", old."channel", 1);
        end if;
        if new."building_id" is not null then
          insert into "building_ticket_tally" as t ("building_id", "community_id", "channel", "tickets")
            values (new."building_id", new."community_id", new."channel", 1)
            on conflict ("building_id", "community_id", "channel") do update set "tickets" = t."tickets" + 1;
        end if;
        return null;
      end $$;`);

    this.addSql(`create trigger "ticket_tally_insert" after insert on "ticket" referencing new table as tally_new
      for each statement execute function building_ticket_tally_added();`);
    this.addSql(`create trigger "ticket_tally_delete" after delete on "ticket" referencing old table as tally_old
      for each statement execute function building_ticket_tally_removed();`);
    this.addSql(`create trigger "ticket_tally_update" after update of "building_id", "community_id", "channel" on "ticket" for each row
      when (old."building_id" is distinct from new."building_id" or old."community_id" is distinct from new."community_id"
        or old."channel" is distinct from new."channel")
      execute function building_ticket_tally_moved();`);
    for (const event of ['insert', 'delete', 'update']) this.addSql(`alter table "ticket" enable always trigger "ticket_tally_${event}";`);

    this.addSql(`insert into "building_ticket_tally" ("building_id", "community_id", "channel", "tickets")
      select "building_id", "community_id", "channel", count(*)::int from "ticket" where "building_id" is not null group by 1, 2, 3;`);
  }

  override async down(): Promise<void> {
    for (const event of ['insert', 'delete', 'update']) this.addSql(`drop trigger if exists "ticket_tally_${event}" on "ticket";`);
    this.addSql(`drop function if exists building_ticket_tally_added(), building_ticket_tally_removed(), building_ticket_tally_moved(),
      building_ticket_tally_take(int, int, text, int);`);
    this.addSql(`drop table if exists "building_ticket_tally";`);
  }
}
