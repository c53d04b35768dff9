import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type ApiRequest, describeError, openServerPage, type Schema } from '../api.js';
import { apiGet } from '../query-client.js';
import { queryKeys } from '../query-keys.js';
import { useSubmit } from '../use-submit.js';
import { useTitle } from '../use-title.js';
import { ScrollTable } from '../components/scroll-table.js';
import { CoachAssignments, InviteLink, Invites } from './admin-people.js';

type InviteBatch = Schema<'InviteBatch'>;
type RolloutLimits = NonNullable<ApiRequest<'/api/admin/rollout', 'PUT'>['body']>;
type WaitlistQuery = NonNullable<ApiRequest<'/api/admin/waitlist', 'GET'>['query']>;

export function AdminPage() {
  useTitle('Early-access rollout');
  return (
    <main>
      <h1>Early-access rollout</h1>
      <Rollout />
      <InviteCohort />
      <Invites />
      <CoachAssignments />
      <Waitlist />
      <Operations />
    </main>
  );
}

/** Where an admin watches the machinery: the queues' dashboard (bull-board, served by the api behind admin auth). */
function Operations() {
  const [error, setError] = useState<string | null>(null);
  const open = () => {
    setError(null);
    openServerPage('/admin/queues').catch((err: unknown) => setError(describeError(err)));
  };
  return (
    <section aria-labelledby="operations-title">
      <h2 id="operations-title">Operations</h2>
      <p>
        Jobs waiting, running, delayed and failed per queue (grading, interviewer, sessions, mail, code), with each failed job's error:{' '}
        <button type="button" onClick={open}>
          Open the queue dashboard
        </button>
      </p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

/** The waitlist, filtered; a new cohort's invites show up by invalidation (`['admin', 'waitlist']`). */
function Waitlist() {
  const [status, setStatus] = useState('waiting');
  const [q, setQ] = useState('');
  const term = q.trim();
  const waitlist = useQuery({
    queryKey: queryKeys.admin.waitlist({ status, q: term }),
    queryFn: apiGet('/api/admin/waitlist', { query: { limit: 100, status: (status || undefined) as WaitlistQuery['status'], q: term || undefined } }),
    placeholderData: keepPreviousData,
  });
  const data = waitlist.data;
  const error = waitlist.error ? describeError(waitlist.error) : null;
  return (
    <section aria-labelledby="waitlist-title">
      <h2 id="waitlist-title">Waitlist {data && <span className="muted">({data.total})</span>}</h2>
      <div className="filters">
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            <option value="waiting">Waiting</option>
            <option value="invited">Invited</option>
            <option value="joined">Joined</option>
          </select>
        </label>
        <label>
          Search <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="email or name" />
        </label>
      </div>
      {error && <p role="alert">{error}</p>}
      <ScrollTable label="Waitlist">
        <table data-testid="waitlist-table">
          <thead>
            <tr>
              <th scope="col">Place</th>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Years</th>
              <th scope="col">Referrals</th>
              <th scope="col">Status</th>
              <th scope="col">Cohort</th>
              <th scope="col">Signed up</th>
            </tr>
          </thead>
          <tbody>
            {(data?.entries ?? []).map((e) => (
              <tr key={e.id}>
                <td>{e.position ?? '—'}</td>
                <td>{e.email}</td>
                <td>{e.name ?? ''}</td>
                <td>{e.yearsExperience ?? ''}</td>
                <td>{e.referralCount}</td>
                <td>{e.status}</td>
                <td>{e.cohort ?? ''}</td>
                <td>{new Date(e.createdAt).toLocaleDateString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function InviteCohort() {
  const [cohort, setCohort] = useState('');
  const [count, setCount] = useState('10');
  const [emails, setEmails] = useState('');
  const [days, setDays] = useState('14');
  const [result, setResult] = useState<InviteBatch | null>(null);
  const queryClient = useQueryClient();
  // New invites: the invite list and the invited people's waitlist status change.
  const invite = useMutation({
    mutationFn: (body: { cohort: string; expiresInDays: number; emails?: string[]; count?: number }) => api('POST', '/api/admin/invites', { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.invites() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.waitlist() });
    },
  });
  const { busy, error, submit } = useSubmit(async () => {
    const list = emails.split(/[\s,;]+/).filter(Boolean);
    const body = { cohort: cohort.trim(), expiresInDays: Number(days), ...(list.length ? { emails: list } : { count: Number(count) }) };
    setResult(await invite.mutateAsync(body));
  });

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a cohort</h2>
      <p className="muted">Invites the next people by priority (referrals first), or the emails you list. Each gets a single-use code by mail.</p>
      <label>
        Cohort name
        <input required value={cohort} onChange={(e) => setCohort(e.target.value)} />
      </label>
      <label>
        How many (from the top of the waitlist)
        <input type="number" min={1} max={1000} value={count} onChange={(e) => setCount(e.target.value)} />
      </label>
      <label>
        Or these emails (one per line; overrides the count)
        <textarea rows={3} value={emails} onChange={(e) => setEmails(e.target.value)} />
      </label>
      <label>
        Invite valid for (days)
        <input type="number" min={1} max={90} required value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Inviting…' : 'Send invites'}
      </button>
      {error && <p role="alert">{error}</p>}
      {result && (
        <div role="status" data-testid="invite-result">
          <p>
            Invited {result.invited.length} to “{result.cohort}” (valid until {new Date(result.expiresAt).toLocaleString()}).
          </p>
          <ul>
            {result.invited.map((i) => (
              <li key={i.entryId}>
                {i.email}
                {i.link && <InviteLink link={i.link} />}
              </li>
            ))}
            {result.skipped.map((s) => (
              <li key={s.email}>
                {s.email}: skipped ({s.reason})
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

function Rollout() {
  const rollout = useQuery({ queryKey: queryKeys.admin.rollout(), queryFn: apiGet('/api/admin/rollout') });
  const status = rollout.data ?? null;
  // The fields show the stored limits until the admin edits one; a save shows the stored ones again.
  const [edited, setEdited] = useState<Partial<Record<keyof RolloutLimits, string>>>({});
  const form = (key: keyof RolloutLimits) => edited[key] ?? (status ? String(status.settings[key]) : '');
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const message = saved ?? (rollout.error && !status ? { ok: false, text: describeError(rollout.error) } : null);
  const queryClient = useQueryClient();
  const saveLimits = useMutation({
    mutationFn: (limits: RolloutLimits) => api('PUT', '/api/admin/rollout', { body: limits }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.rollout() }),
  });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await saveLimits.mutateAsync({
        maxLiveSessions: Number(form('maxLiveSessions')),
        sessionsPerUserPerDay: Number(form('sessionsPerUserPerDay')),
        dailyTokenBudget: Number(form('dailyTokenBudget')),
      });
      setEdited({});
      setSaved({ ok: true, text: 'Limits saved.' });
    } catch (err) {
      setSaved({ ok: false, text: describeError(err) });
    }
  };
  const field = (key: keyof RolloutLimits, label: string) => (
    <label>
      {label}
      <input type="number" min={0} required value={form(key)} onChange={(e) => setEdited({ ...edited, [key]: e.target.value })} />
    </label>
  );

  return (
    <form className="card stack" onSubmit={save} aria-labelledby="rollout-title">
      <h2 id="rollout-title">Rollout limits</h2>
      {status && (
        <p data-testid="rollout-usage">
          Now: {status.usage.liveSessions} live session{status.usage.liveSessions === 1 ? '' : 's'}, {status.usage.tokensToday.toLocaleString()}{' '}
          tokens spent on {status.usage.day}. Limits from {status.settings.source === 'admin' ? 'an admin' : 'the configuration'}; 0 means no limit.
        </p>
      )}
      {field('maxLiveSessions', 'Live sessions at once')}
      {field('sessionsPerUserPerDay', 'Sessions per candidate per day')}
      {field('dailyTokenBudget', 'Grading tokens per day')}
      <button type="submit" disabled={!status}>
        Save limits
      </button>
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
    </form>
  );
}
