import { Migration } from '@mikro-orm/migrations';

export class Migration20261201154351 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "ticket_figures_raised_index" on "ticket" ("community_id", "created_at") include ("grid_id", "category", "priority", "acknowledged_at", "response_due_at", "cancelled_at");`);
    this.addSql(`create index "ticket_figures_rated_index" on "ticket" ("community_id", "rated_at") include ("grid_id", "rating_score") where "rated_at" is not null;`);
    this.addSql(`create index "ticket_figures_resolved_index" on "ticket" ("community_id", "resolved_at") include ("grid_id") where "resolved_at" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "ticket_figures_raised_index";`);
    this.addSql(`drop index "ticket_figures_rated_index";`);
    this.addSql(`drop index "ticket_figures_resolved_index";`);
  }

}
