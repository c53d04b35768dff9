import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, describeError, type Schema } from '../api.js';
import { ScrollTable } from '../components/scroll-table.js';
import { apiGet } from '../query-client.js';
import { queryKeys } from '../query-keys.js';
import { useSubmit } from '../use-submit.js';

type UserRow = Schema<'User'>;
type Assignment = Schema<'CoachAssignmentRow'>;
type InviteDto = Schema<'Invite'>;

const enabledUsers = (users: UserRow[]) => users.filter((x) => !x.disabledAt).slice(0, 50);

/**
 * Users of one role whose email contains what was typed (the api filters). A read for what was typed before is
 * cancelled; the list shown stays until the new one arrives, and a failed search leaves it as it was.
 */
function useUserSearch(role: UserRow['role'], q: string): UserRow[] {
  const term = q.trim();
  const { data } = useQuery({
    queryKey: queryKeys.admin.users(role, term),
    queryFn: apiGet('/api/admin/users', { query: { role, q: term || undefined } }),
    select: enabledUsers,
    placeholderData: keepPreviousData,
  });
  return data ?? [];
}

function UserPicker({ role, label, value, onChange }: { role: UserRow['role']; label: string; value: string; onChange(id: string): void }) {
  const [q, setQ] = useState('');
  const users = useUserSearch(role, q);
  return (
    <fieldset className="stack">
      <legend>{label}</legend>
      <label>
        Find a {role} by email
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      <label>
        Pick a {role}
        <select required value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** Which coach reviews which candidate: a coach sees only the candidates assigned to them. */
export function CoachAssignments() {
  const [coachId, setCoachId] = useState('');
  const [candidateId, setCandidateId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const assignments = useQuery({ queryKey: queryKeys.admin.coachAssignments(), queryFn: apiGet('/api/admin/coach-assignments') });
  const list = assignments.data ?? null;
  const loadError = assignments.error && !list ? describeError(assignments.error) : null;
  // An assignment changes the list and whose sessions a coach's queue holds.
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.admin.coachAssignments() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.reviewQueue() });
  };
  const assign = useMutation({
    mutationFn: (pair: { coachId: string; candidateId: string }) => api('POST', '/api/admin/coach-assignments', { body: pair }),
    onSuccess: changed,
  });
  const remove = useMutation({
    mutationFn: (a: Assignment) => api('DELETE', '/api/admin/coach-assignments', { body: { coachId: a.coachId, candidateId: a.candidateId } }),
    onSuccess: changed,
  });
  const { busy, error, submit } = useSubmit(async () => {
    await assign.mutateAsync({ coachId, candidateId });
    setNotice('Assigned.');
  });
  const unassign = async (a: Assignment) => {
    try {
      await remove.mutateAsync(a);
      setNotice(`${a.candidateEmail} is no longer assigned to ${a.coachEmail}.`);
    } catch (err) {
      setNotice(describeError(err));
    }
  };
  return (
    <section aria-labelledby="assign-title">
      <h2 id="assign-title">Coach assignments</h2>
      {/* The form is a card; the table, which scrolls in its own box on a phone, sits below it like the waitlist's. */}
      <form className="card stack" onSubmit={submit}>
        <UserPicker role="coach" label="Coach" value={coachId} onChange={setCoachId} />
        <UserPicker role="candidate" label="Candidate" value={candidateId} onChange={setCandidateId} />
        <button type="submit" disabled={busy || !coachId || !candidateId}>
          Assign
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
      {(notice ?? loadError) && <p role="status">{notice ?? loadError}</p>}
      {list && list.length === 0 && <p className="muted">No assignments yet.</p>}
      {list && list.length > 0 && (
        <ScrollTable label="Coach assignments">
          <table data-testid="assignments-table">
            <thead>
              <tr>
                <th scope="col">Coach</th>
                <th scope="col">Candidate</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={`${a.coachId}|${a.candidateId}`}>
                  <td>{a.coachEmail}</td>
                  <td>{a.candidateEmail}</td>
                  <td>{new Date(a.assignedAt).toLocaleDateString()}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => void unassign(a)}
                      aria-label={`Unassign ${a.candidateEmail} from ${a.coachEmail}`}
                    >
                      Unassign
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

const MAIL_STATUS: Record<InviteDto['mail']['status'], string> = {
  none: 'no mail',
  pending: 'queued',
  sending: 'sending',
  sent: 'sent',
  failed: 'failed',
};

/**
 * Every invite: redeemed, pending or expired, what became of its mail, and a re-send (a new code) for the
 * unredeemed. A new cohort's invites show up by invalidation (`['admin', 'invites']`).
 */
export function Invites() {
  const [q, setQ] = useState('');
  const [resent, setResent] = useState<Schema<'InviteResent'> | null>(null);
  const [resendError, setResendError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const term = q.trim();
  const invitesQuery = useQuery({
    queryKey: queryKeys.admin.invites(term),
    queryFn: apiGet('/api/admin/invites', { query: { q: term || undefined } }),
    placeholderData: keepPreviousData,
  });
  const invites = invitesQuery.data ?? null;
  const error = resendError ?? (invitesQuery.error ? describeError(invitesQuery.error) : null);
  // A re-send replaces the invite's code, expiry and mail state.
  const resendMutation = useMutation({
    mutationFn: (i: InviteDto) => api('POST', '/api/admin/invites/{entryId}/resend', { path: { entryId: i.entryId }, body: {} }),
    onSuccess: (done) => {
      setResent(done);
      setResendError(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.invites() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.waitlist() });
    },
    onError: (err) => setResendError(describeError(err)),
  });
  const resend = (i: InviteDto) => resendMutation.mutate(i);
  return (
    <section aria-labelledby="invites-title">
      <h2 id="invites-title">Invites</h2>
      <label>
        Search invites <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="email or cohort" />
      </label>
      {error && <p role="alert">{error}</p>}
      {resent && (
        <div role="status" className="notice" data-testid="invite-resent">
          <p>
            Sent a new invite to {resent.email} (valid until {new Date(resent.expiresAt).toLocaleString()}); the previous code no longer works.
          </p>
          {resent.link && <InviteLink link={resent.link} />}
        </div>
      )}
      {invites && invites.length === 0 && <p className="muted">No invites yet.</p>}
      {invites && invites.length > 0 && (
        <ScrollTable label="Invites">
          <table data-testid="invites-table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Cohort</th>
                <th scope="col">State</th>
                <th scope="col">Mail</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Re-send</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.entryId} data-testid="invite-row">
                  <td>{i.email}</td>
                  <td>{i.cohort}</td>
                  <td data-testid="invite-state">{i.state}</td>
                  <td title={i.mail.lastError ?? undefined}>
                    {MAIL_STATUS[i.mail.status]}
                    {i.mail.transport === 'log' ? ' (to the log: no SMTP)' : ''}
                  </td>
                  <td>{new Date(i.expiresAt).toLocaleDateString()}</td>
                  <td>
                    {i.state !== 'redeemed' && (
                      <button type="button" className="secondary" onClick={() => resend(i)} aria-label={`Re-send the invite to ${i.email}`}>
                        Re-send
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

/** Without SMTP the invite mail only reaches the server log: the admin passes this link on. */
export function InviteLink({ link }: { link: string }) {
  return (
    <p className="invite-link">
      No mail server is configured, so pass this link on yourself:{' '}
      <a href={link} data-testid="invite-link">
        {link}
      </a>
    </p>
  );
}
