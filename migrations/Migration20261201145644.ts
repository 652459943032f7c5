import { Migration } from '@mikro-orm/migrations';

export class Migration20261201145644 extends Migration {

  override async up(): Promise<void> {
    // rate-limiter-flexible's PostgreSQL store (src/rate-limit.ts): one counter per caller and window,
    // shared by every instance. Unlogged: counters are worth no WAL, and losing them in a crash only resets windows.
    this.addSql(`create unlogged table "rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit";`);
  }

}
