import { Migration } from '@mikro-orm/migrations';

export class Migration20261201154122 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "satisfaction_survey" ("id" serial primary key, "community_id" int not null, "unit" text check ("unit" in ('MONTH', 'QUARTER', 'YEAR')) not null, "starts_on" date not null, "score" numeric(5,2) not null, "respondents" int null, "note" varchar(1000) null, "recorded_at" timestamptz not null, "recorded_by" varchar(200) null, constraint satisfaction_survey_score_check check (score >= 0 and score <= 100), constraint satisfaction_survey_respondents_check check (respondents is null or respondents > 0), constraint satisfaction_survey_starts_on_check check (starts_on = date_trunc(lower(unit), starts_on::timestamp without time zone)::date));`);
    this.addSql(`alter table "satisfaction_survey" add constraint "satisfaction_survey_period_unique" unique ("community_id", "unit", "starts_on");`);

    this.addSql(`alter table "satisfaction_survey" add constraint "satisfaction_survey_community_id_foreign" foreign key ("community_id") references "community" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "satisfaction_survey" cascade;`);
  }

}
