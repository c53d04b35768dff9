import type { INestApplicationContext } from '@nestjs/common';
import { createWorkerApp } from '../../apps/worker/create-worker-app.js';
import { UsersService } from '../../libs/auth/index.js';
import { createUser, uniqueEmail } from '../support/factories.js';
import { testLogger } from '../support/silent-logger.js';
import { testConfig } from '../support/test-config.js';

describe(UsersService.name, () => {
  let app: INestApplicationContext;
  let sut: UsersService;

  beforeAll(async () => {
    app = await createWorkerApp(testConfig(), testLogger());
    sut = app.get(UsersService);
  });
  afterAll(() => app.close());

  it('stores a normalised email and a hash, never the password', async () => {
    const user = await createUser(app, 'coach', { email: uniqueEmail('Mixed.Case') });
    expect(user.email).toBe(user.email.toLowerCase());
    expect(user.role).toBe('coach');
    expect(JSON.stringify(user)).not.toContain('password');
  });

  it('refuses a second account whose email differs only in case', async () => {
    const email = uniqueEmail('dup');
    await createUser(app, 'candidate', { email });
    await expect(createUser(app, 'candidate', { email: email.toUpperCase() })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('records logins idempotently and never moves the time backwards', async () => {
    const user = await createUser(app);
    const later = new Date('2026-06-01T10:00:00Z');
    const earlier = new Date('2026-05-01T10:00:00Z');
    await sut.recordLogin(user.id, later);
    await sut.recordLogin(user.id, later);
    await sut.recordLogin(user.id, earlier);
    await expect(sut.get(user.id)).resolves.toMatchObject({ lastLoginAt: later.toISOString() });
  });
});
