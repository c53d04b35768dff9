import type { INestApplicationContext } from '@nestjs/common';
import { OutboxService, WaitlistService } from '../../libs/waitlist/index.js';
import { startWorker } from '../support/apps.js';
import { uniqueEmail } from '../support/factories.js';
import { FakeSmtpServer } from '../support/fake-smtp-server.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

/** The outbox sent by the worker through SMTP (nodemailer, to a fake server): at most once per row, retried on failure. */
describe(OutboxService.name, () => {
  let db: OwnDatabase;
  let smtp: FakeSmtpServer;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    [db, smtp] = await Promise.all([createOwnDatabase(), FakeSmtpServer.start()]);
    worker = await startWorker({
      DATABASE_URL: db.url,
      QUEUE_PREFIX: isolatedQueuePrefix(),
      SMTP_URL: smtp.url,
      QUEUE_ATTEMPTS: '3',
      QUEUE_BACKOFF_MS: '50',
      OUTBOX_SWEEP_MS: '1000',
    });
  });
  afterAll(async () => {
    await worker?.close();
    await Promise.all([smtp?.close(), db?.drop()]);
  });

  const rowsTo = async (email: string) =>
    (await db.sql.query(`SELECT id, kind, status, attempts, transport, last_error FROM outbox_messages WHERE to_email = $1`, [email])).rows;

  it('sends a welcome by SMTP once, however often its dispatch runs', async () => {
    const email = uniqueEmail('smtp');
    await worker.get(WaitlistService).signUp({ email });
    const [row] = await waitFor(async () => {
      const rows = await rowsTo(email);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(row).toMatchObject({ kind: 'waitlist-welcome', transport: 'smtp', attempts: 1, last_error: null });
    expect(smtp.to(email)).toHaveLength(1);
    expect(smtp.to(email)[0]!.data).toContain("You're on the Mock Interview waitlist");

    await Promise.all(Array.from({ length: 5 }, () => worker.get(OutboxService).dispatch(row.id)));
    expect(smtp.to(email)).toHaveLength(1);
    expect((await rowsTo(email))[0].attempts).toBe(1);
  });

  it('retries a refused send, and marks it failed after the configured attempts without sending', async () => {
    smtp.failing = true;
    try {
      const email = uniqueEmail('refused');
      await worker.get(WaitlistService).signUp({ email });
      const [row] = await waitFor(async () => {
        const rows = await rowsTo(email);
        return rows[0]?.status === 'failed' ? rows : undefined;
      });
      expect(row).toMatchObject({ attempts: 3, last_error: expect.stringContaining('451') });
      expect(smtp.to(email)).toHaveLength(0);
    } finally {
      smtp.failing = false;
    }
  });

  it('sends, after a failure, on the next attempt', async () => {
    smtp.failNext = 1;
    const email = uniqueEmail('flaky');
    await worker.get(WaitlistService).signUp({ email });
    const [row] = await waitFor(async () => {
      const rows = await rowsTo(email);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(row).toMatchObject({ attempts: 2, last_error: null });
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('sweeps up a message whose dispatch job was lost', async () => {
    const email = uniqueEmail('lost');
    // Written as a committed transaction would, but no job was ever queued for it (Redis was away).
    await db.sql.query(
      `INSERT INTO outbox_messages (kind, to_email, subject, body, created_at) VALUES ('invite', $1, 'lost', 'body', now() - interval '1 minute')`,
      [email],
    );
    await waitFor(async () => ((await rowsTo(email))[0]?.status === 'sent' ? true : undefined), { timeoutMs: 15_000 });
    expect(smtp.to(email)).toHaveLength(1);
  });
});
