import { Migration } from '@mikro-orm/migrations';

/**
 * An estate's sizes kept as they change. `residentCount`, `householdCount`
 * and `specialCareHouseholdCount` counted the estate's rows at every read:
 * 36,000 index entries for the reference estate's residents and 12,000 for
 * its households, about 3.5 ms of the database's time each time a dashboard
 * opened the estate's overview, most of that query's cost. The counts now
 * live in `community_tally`, one row per estate, kept by statement triggers
 * on `resident` and `household` in the same transaction as the rows they
 * count: a count read is exact, never ahead of or behind the rows.
 *
 * The triggers are ENABLE ALWAYS, so a bulk load that turns per-row triggers
 * off (session_replication_role = replica, as the demo data's loader does
 * for foreign keys) still keeps the tally. Neither table can be truncated
 * (the append-only logs reference them). A missing row counts 0.
 *
 * There is no foreign key to the estate: its counts follow its rows. An
 * estate whose id changes or that is deleted moves or removes its residents
 * and households (their keys cascade), which moves its counts to the new id
 * or zeroes them; a row of zeros of an estate that no longer exists is then
 * dropped (`community_tally_tidy`, after every change of the counted rows
 * and every update or delete of estates).
 */
export class Migration20261202150000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "community_tally" (
      "community_id" int not null primary key,
      "residents" int not null default 0 check ("residents" >= 0),
      "households" int not null default 0 check ("households" >= 0),
      "special_care_households" int not null default 0 check ("special_care_households" >= 0));`);

    // The rows a statement changed, as (estate, +1) for each new row and (estate, -1) for each old one; %1$s is the
    // sign, %2$s the transition table. Written into the statement by the trigger's operation.
    this.addSql(`create function community_tally_rows(op text, template text) returns text language sql immutable as $$
      select case op
        when 'INSERT' then format(template, '1', 'tally_new')
        when 'DELETE' then format(template, '-1', 'tally_old')
        else format(template, '1', 'tally_new') || ' union all ' || format(template, '-1', 'tally_old') end $$;`);
    // Existing rows are updated and missing ones inserted: a negative change goes through the update, never an
    // insert (PostgreSQL checks an inserted row before it looks for a conflict). A row two transactions both
    // insert meets the conflict clause.
    this.addSql(`create function community_tally_tidy() returns void language sql as $$
      delete from "community_tally" t where t."residents" = 0 and t."households" = 0 and t."special_care_households" = 0
        and not exists (select 1 from "community" c where c."id" = t."community_id") $$;`);
    this.addSql(`create function community_tally_residents() returns trigger language plpgsql as $$
      begin
        execute format('with d as (select c."community_id", sum(c."n")::int as "n" from (%s) c group by 1 having sum(c."n") <> 0),
            u as (update "community_tally" t set "residents" = t."residents" + d."n" from d
                  where t."community_id" = d."community_id" returning t."community_id")
          insert into "community_tally" as t ("community_id", "residents")
            select d."community_id", d."n" from d where d."community_id" not in (select "community_id" from u) order by 1
          on conflict ("community_id") do update set "residents" = t."residents" + excluded."residents"',
          community_tally_rows(TG_OP, 'select "community_id", %1$s as "n" from %2$s'));
        perform community_tally_tidy();
        return null;
      end $$;`);
    this.addSql(`create function community_tally_households() returns trigger language plpgsql as $$
      begin
        execute format('with d as (select c."community_id", sum(c."n")::int as "n", sum(c."care")::int as "care" from (%s) c
                  group by 1 having sum(c."n") <> 0 or sum(c."care") <> 0),
            u as (update "community_tally" t set "households" = t."households" + d."n", "special_care_households" = t."special_care_households" + d."care"
                  from d where t."community_id" = d."community_id" returning t."community_id")
          insert into "community_tally" as t ("community_id", "households", "special_care_households")
            select d."community_id", d."n", d."care" from d where d."community_id" not in (select "community_id" from u) order by 1
          on conflict ("community_id") do update set "households" = t."households" + excluded."households",
            "special_care_households" = t."special_care_households" + excluded."special_care_households"',
          community_tally_rows(TG_OP, 'select "community_id", %1$s as "n", %1$s * (cardinality("care_needs") > 0)::int as "care" from %2$s'));
        perform community_tally_tidy();
        return null;
      end $$;`);
    for (const [table, fn] of [['resident', 'community_tally_residents'], ['household', 'community_tally_households']] as const) {
      this.addSql(`create trigger "${table}_tally_insert" after insert on "${table}" referencing new table as tally_new for each statement execute function ${fn}();`);
      this.addSql(`create trigger "${table}_tally_update" after update on "${table}" referencing new table as tally_new old table as tally_old for each statement execute function ${fn}();`);
      this.addSql(`create trigger "${table}_tally_delete" after delete on "${table}" referencing old table as tally_old for each statement execute function ${fn}();`);
      for (const event of ['insert', 'update', 'delete']) this.addSql(`alter table "${table}" enable always trigger "${table}_tally_${event}";`);
    }

    this.addSql(`create function community_tally_forget() returns trigger language plpgsql as $$
      begin
        perform community_tally_tidy();
        return null;
      end $$;`);
    this.addSql(`create trigger "community_tally_forget" after update or delete on "community" for each statement execute function community_tally_forget();`);
    this.addSql(`alter table "community" enable always trigger "community_tally_forget";`);

    this.addSql(`insert into "community_tally" ("community_id", "residents", "households", "special_care_households")
      select c."id",
        (select count(*) from "resident" r where r."community_id" = c."id")::int,
        (select count(*) from "household" h where h."community_id" = c."id")::int,
        (select count(*) from "household" h where h."community_id" = c."id" and cardinality(h."care_needs") > 0)::int
      from "community" c;`);
  }

  override async down(): Promise<void> {
    for (const table of ['resident', 'household']) {
      for (const event of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists "${table}_tally_${event}" on "${table}";`);
    }
    this.addSql(`drop trigger if exists "community_tally_forget" on "community";`);
    this.addSql(`drop function if exists community_tally_residents(), community_tally_households(), community_tally_forget(), community_tally_tidy(), community_tally_rows(text, text);`);
    this.addSql(`drop table if exists "community_tally";`);
  }
}
