import { Migration } from '@mikro-orm/migrations';

/**
 * The event log copies a ticket's channel, like its priority: the rule that
 * keeps care visits' tickets (channel CARE_SCHEDULE) from dashboards
 * (DISTRICT, INTEGRATOR) is then decided on the log row itself, for live rows
 * in memory as for statements. Existing ticket rows take their ticket's channel.
 */
export class Migration20261201190000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "event_log" add column "channel" varchar(16) null;`);
    // The log refuses updates (append-only): lift the guard for this one backfill, inside the migration's transaction.
    this.addSql(`alter table "event_log" disable trigger "event_log_append_only";`);
    this.addSql(`update "event_log" l set "channel" = k."channel" from "ticket" k where k."id" = l."ticket_id" and l."kind" = 'TICKET';`);
    this.addSql(`alter table "event_log" enable trigger "event_log_append_only";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "event_log" drop column "channel";`);
  }

}
