import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser, uniqueEmail } from '../support/factories.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

/** Sign-ups, referrals, invites and redemption, on a database of this file's own (positions are global state). */
describe('waitlist and invites', () => {
  let db: OwnDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let adminToken: string;

  beforeAll(async () => {
    db = await createOwnDatabase();
    const env = { DATABASE_URL: db.url, QUEUE_PREFIX: isolatedQueuePrefix(), WAITLIST_REFERRAL_BOOST: '3', WAITLIST_REFERRAL_CAP: '2' };
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    const admin = await createUser(worker, 'admin');
    adminToken = (await worker.get(AuthService).issueToken({ userId: admin.id, role: 'admin' })).accessToken;
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await db?.drop();
  });

  const signUp = (body: object) => request(api.url).post('/api/waitlist').send(body);
  /** The place, referral code and private token reach the owner by mail only (the sign-up answer is neutral). */
  const welcomeOf = async (email: string) => {
    const { rows } = await db.sql.query(`SELECT body FROM outbox_messages WHERE kind = 'waitlist-welcome' AND to_email = $1`, [
      email.trim().toLowerCase(),
    ]);
    expect(rows).toHaveLength(1);
    const text = rows[0].body as string;
    return {
      position: Number(/number (\d+) on/.exec(text)![1]),
      token: /\/waitlist\/([\w-]+)/.exec(text)![1]!,
      referralCode: /your code (\S+) moves/.exec(text)![1]!,
    };
  };
  const join = async (body: { email: string } & Record<string, unknown>) => {
    await signUp(body).expect(200, { status: 'received' });
    return welcomeOf(body.email);
  };
  const statusOf = async (token: string) => (await request(api.url).get(`/api/waitlist/${token}`).expect(200)).body;
  const admin = (req: request.Test) => req.set('authorization', `Bearer ${adminToken}`);
  const inviteCodeFor = async (email: string): Promise<string> => {
    const { rows } = await db.sql.query(`SELECT body FROM outbox_messages WHERE kind = 'invite' AND to_email = $1`, [email]);
    expect(rows).toHaveLength(1);
    return /invite code: (\S+)/.exec(rows[0].body as string)![1]!;
  };

  it('gives 200 concurrent sign-ups with different emails the positions 1..200, without gaps or repeats', async () => {
    const emails = Array.from({ length: 200 }, (_, i) => uniqueEmail(`first-${i}`));
    await Promise.all(emails.map((email) => signUp({ email }).expect(200, { status: 'received' })));
    const welcomes = await Promise.all(emails.map(welcomeOf));
    const positions = welcomes.map((w) => w.position).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (const w of welcomes) expect(w.referralCode).toMatch(/^[A-Z2-9]{8}$/);
    // Without referrals, the look-up agrees with what the welcome mail said.
    const looked = await Promise.all(welcomes.slice(0, 20).map((w) => statusOf(w.token)));
    expect(looked.map((s) => s.position)).toEqual(welcomes.slice(0, 20).map((w) => w.position));
  });

  it('keeps one entry for 200 concurrent sign-ups with one email, however it is spelled', async () => {
    const email = uniqueEmail('same');
    const spellings = [email, ` ${email.toUpperCase()} `, `${email} `, email.replace(/^./, (c) => c.toUpperCase())];
    await Promise.all(Array.from({ length: 200 }, (_, i) => signUp({ email: spellings[i % spellings.length] }).expect(200, { status: 'received' })));
    const { rows } = await db.sql.query(`SELECT count(*)::int AS n FROM waitlist_entries WHERE email = $1`, [email]);
    expect(rows[0].n).toBe(1);
    // One welcome mail (with the one private token): `welcomeOf` expects exactly one.
    await welcomeOf(email);
  });

  it('treats `A@x.com ` and `a@x.com` as the same person, and answers a repeat with nothing more than a new sign-up', async () => {
    const local = uniqueEmail('norm').split('@')[0]!;
    const first = await signUp({ email: `${local.toUpperCase()}@Example.TEST `, name: 'Ada' }).expect(200);
    const again = await signUp({ email: `${local}@example.test`, name: 'Someone else' }).expect(200);
    expect(again.body).toEqual(first.body);
    const { rows } = await db.sql.query(`SELECT email, name FROM waitlist_entries WHERE email = $1`, [`${local}@example.test`]);
    expect(rows).toEqual([{ email: `${local}@example.test`, name: 'Ada' }]);
  });

  it('moves a referrer up the configured places per referred sign-up, up to the cap', async () => {
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await join({ email: uniqueEmail(`ref-${i}`) }));
    const base = people[0]!.position - 1;
    const referrer = people[7]!;
    expect(referrer.position).toBe(base + 8);

    // boost 3: its key becomes that of #5; the tie goes to the earlier sign-up, so it is 6th.
    await signUp({ email: uniqueEmail('referred'), referralCode: referrer.referralCode.toLowerCase() }).expect(200);
    expect(await statusOf(referrer.token)).toMatchObject({ position: base + 6, referrals: 1 });
    await signUp({ email: uniqueEmail('referred'), referralCode: referrer.referralCode }).expect(200);
    expect((await statusOf(referrer.token)).position).toBe(base + 3);
    // The cap (2) reached: more referrals are counted but move nothing.
    await signUp({ email: uniqueEmail('referred'), referralCode: referrer.referralCode }).expect(200);
    expect(await statusOf(referrer.token)).toMatchObject({ position: base + 3, referrals: 3 });
    expect((await statusOf(people[2]!.token)).position).toBe(base + 4);

    const { rows } = await db.sql.query(
      `SELECT o.subject FROM outbox_messages o JOIN waitlist_entries e ON e.email = o.to_email
        WHERE o.kind = 'waitlist-moved-up' AND e.referral_code = $1 ORDER BY o.created_at`,
      [referrer.referralCode],
    );
    expect(rows.map((r) => r.subject)).toEqual([`You moved up to #${base + 6}`, `You moved up to #${base + 3}`]);

    // An unknown code is no error: the sign-up just earns nobody anything.
    await signUp({ email: uniqueEmail('stray'), referralCode: 'NOSUCHCODE' }).expect(200);
  });

  it('refuses malformed sign-ups and unknown tokens clearly', async () => {
    const bad = await signUp({ email: 'not-an-email', yearsExperience: -1 }).expect(400);
    expect(bad.body.error.code).toBe('INVALID_PAYLOAD');
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'yearsExperience']);
    expect(
      (
        await request(api.url)
          .get(`/api/waitlist/${'x'.repeat(43)}`)
          .expect(404)
      ).body.error.code,
    ).toBe('NOT_FOUND');
    expect((await request(api.url).get('/api/waitlist/short').expect(404)).body.error.code).toBe('NOT_FOUND');
  });

  it('invites the next entries by priority, lists and filters them, and sends each invite through the outbox', async () => {
    const next = await admin(request(api.url).get('/api/admin/waitlist?status=waiting&limit=3')).expect(200);
    expect(next.body.entries.map((e: { position: number }) => e.position)).toEqual([1, 2, 3]);
    const res = await admin(request(api.url).post('/api/admin/invites')).send({ count: 3, cohort: 'alpha', expiresInDays: 7 }).expect(201);
    expect(res.body.invited.map((i: { email: string }) => i.email)).toEqual(next.body.entries.map((e: { email: string }) => e.email));

    const cohort = await admin(request(api.url).get('/api/admin/waitlist?cohort=alpha')).expect(200);
    expect(cohort.body.total).toBe(3);
    expect(cohort.body.entries.every((e: { status: string; position: null }) => e.status === 'invited' && e.position === null)).toBe(true);
    const search = await admin(request(api.url).get(`/api/admin/waitlist?q=${encodeURIComponent(res.body.invited[0].email.slice(0, 12))}`)).expect(
      200,
    );
    expect(search.body.entries.map((e: { email: string }) => e.email)).toContain(res.body.invited[0].email);
    // Positions close up behind the invited.
    const after = await admin(request(api.url).get('/api/admin/waitlist?status=waiting&limit=1')).expect(200);
    expect(after.body.entries[0].position).toBe(1);

    // The worker sends each invite once, through the log mailer (no SMTP_URL), and the outbox keeps it.
    const sent = await waitFor(async () => {
      const { rows } = await db.sql.query(`SELECT status, transport, attempts FROM outbox_messages WHERE kind = 'invite' AND to_email = ANY($1)`, [
        res.body.invited.map((i: { email: string }) => i.email),
      ]);
      return rows.length === 3 && rows.every((r) => r.status === 'sent') ? rows : undefined;
    });
    expect(sent).toEqual(Array(3).fill({ status: 'sent', transport: 'log', attempts: 1 }));
  });

  it('never invites an entry twice, with batches running at once', async () => {
    const named = Array.from({ length: 6 }, () => uniqueEmail('named'));
    for (const email of named) await signUp({ email }).expect(200);
    const batches = [
      ...Array.from({ length: 8 }, () => ({ count: 12, cohort: 'beta', expiresInDays: 3 })),
      ...Array.from({ length: 4 }, () => ({ emails: named, cohort: 'friends', expiresInDays: 3 })),
    ];
    const answers = await Promise.all(batches.map((b) => admin(request(api.url).post('/api/admin/invites')).send(b).expect(201)));
    const invited = answers.flatMap((a) => a.body.invited.map((i: { entryId: string }) => i.entryId));
    expect(new Set(invited).size).toBe(invited.length);
    const namedInvited = answers.flatMap((a) => a.body.invited.map((i: { email: string }) => i.email)).filter((e: string) => named.includes(e));
    expect(namedInvited.sort()).toEqual([...named].sort());

    const { rows } = await db.sql.query(
      `SELECT count(*)::int AS invites, count(DISTINCT entry_id)::int AS entries,
              (SELECT count(*)::int FROM outbox_messages WHERE kind = 'invite') AS mails FROM waitlist_invites`,
    );
    expect(rows[0].invites).toBe(rows[0].entries);
    expect(rows[0].mails).toBe(rows[0].invites);

    const again = await admin(request(api.url).post('/api/admin/invites'))
      .send({ emails: [named[0], 'nobody@example.test'], cohort: 'x', expiresInDays: 1 })
      .expect(201);
    expect(again.body).toMatchObject({
      invited: [],
      skipped: [
        { email: named[0], reason: 'already-invited' },
        { email: 'nobody@example.test', reason: 'not-on-waitlist' },
      ],
    });
  });

  it('lets only admins invite, and names a bad invite request', async () => {
    const candidate = await createUser(worker, 'candidate');
    const token = (await worker.get(AuthService).issueToken({ userId: candidate.id, role: 'candidate' })).accessToken;
    await request(api.url)
      .post('/api/admin/invites')
      .set('authorization', `Bearer ${token}`)
      .send({ count: 1, cohort: 'c', expiresInDays: 1 })
      .expect(403);
    const both = await admin(request(api.url).post('/api/admin/invites'))
      .send({ count: 1, emails: ['a@b.co'], cohort: 'c', expiresInDays: 1 })
      .expect(400);
    expect(both.body.error.details.issues[0]).toEqual({ path: 'count', message: 'give either count or emails' });
  });

  it('redeems an invite into a logged-in early-access candidate, once, also when two redeem at once', async () => {
    const email = uniqueEmail('redeem');
    const entry = await join({ email });
    await admin(request(api.url).post('/api/admin/invites'))
      .send({ emails: [email], cohort: 'gamma', expiresInDays: 2 })
      .expect(201);
    expect(await statusOf(entry.token)).toMatchObject({ status: 'invited', position: null });
    const code = await inviteCodeFor(email);

    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request(api.url)
          .post('/api/auth/redeem')
          .send({ code: i % 2 ? code.toLowerCase() : code, password: 'a-good-long-password' }),
      ),
    );
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(Array(5).fill('INVITE_USED'));
    const { rows } = await db.sql.query(`SELECT role, early_access FROM users WHERE email = $1`, [email]);
    expect(rows).toEqual([{ role: 'candidate', early_access: true }]);

    const me = await request(api.url).get('/api/me').set('authorization', `Bearer ${ok[0]!.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email, role: 'candidate', earlyAccess: true });
    await request(api.url).post('/api/auth/login').send({ email, password: 'a-good-long-password' }).expect(200);
    expect(await statusOf(entry.token)).toMatchObject({ status: 'joined', position: null });
  });

  it('answers an unknown, an expired and a used code, and a weak password, each with its own error', async () => {
    const unknown = await request(api.url)
      .post('/api/auth/redeem')
      .send({ code: 'AAAAA-BBBBB-CCCCC-DDDDD', password: 'a-good-long-password' })
      .expect(404);
    expect(unknown.body.error.code).toBe('INVITE_INVALID');

    const email = uniqueEmail('expired');
    await signUp({ email }).expect(200);
    await admin(request(api.url).post('/api/admin/invites'))
      .send({ emails: [email], cohort: 'delta', expiresInDays: 1 })
      .expect(201);
    const code = await inviteCodeFor(email);
    const weak = await request(api.url).post('/api/auth/redeem').send({ code, password: 'short' }).expect(400);
    expect(weak.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['password']);
    await db.sql.query(`UPDATE waitlist_invites SET expires_at = now() - interval '1 second' WHERE cohort = 'delta'`);
    const expired = await request(api.url).post('/api/auth/redeem').send({ code, password: 'a-good-long-password' }).expect(410);
    expect(expired.body.error.code).toBe('INVITE_EXPIRED');
    const { rows } = await db.sql.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
    expect(rows[0].n).toBe(0);

    const taken = uniqueEmail('taken');
    await createUser(worker, 'candidate', { email: taken });
    await signUp({ email: taken }).expect(200);
    await admin(request(api.url).post('/api/admin/invites'))
      .send({ emails: [taken], cohort: 'epsilon', expiresInDays: 1 })
      .expect(201);
    const conflict = await request(api.url)
      .post('/api/auth/redeem')
      .send({ code: await inviteCodeFor(taken), password: 'a-good-long-password' })
      .expect(409);
    expect(conflict.body.error.code).toBe('CONFLICT');
  });
});
