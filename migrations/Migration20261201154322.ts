import { Migration } from '@mikro-orm/migrations';

export class Migration20261201154322 extends Migration {

  override async up(): Promise<void> {
    // The caller of an idempotent submission is `<role>:<sub>`: a sub may be 200 characters and the
    // longest role that submits ("DISPATCHER") adds 11, so 200 was too narrow and such a submission failed.
    this.addSql(`alter table "ticket" alter column "idempotency_caller" type varchar(211);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket" alter column "idempotency_caller" type varchar(200);`);
  }

}
