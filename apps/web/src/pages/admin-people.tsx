import { useCallback, useEffect, useState } from 'react';
import { api, describeError } from '../api.js';
import { ScrollTable } from '../components/scroll-table.js';
import type { InviteDto, InviteResentDto } from '../protocol.js';
import { useSubmit } from '../use-submit.js';

interface UserRow {
  id: string;
  email: string;
  role: 'candidate' | 'coach' | 'admin';
  disabledAt: string | null;
}

interface Assignment {
  coachId: string;
  coachEmail: string;
  candidateId: string;
  candidateEmail: string;
  assignedAt: string;
}

/** Users of one role whose email contains what was typed (the api filters). */
function useUserSearch(role: UserRow['role'], q: string): UserRow[] {
  const [users, setUsers] = useState<UserRow[]>([]);
  useEffect(() => {
    const params = new URLSearchParams({ role, ...(q.trim() ? { q: q.trim() } : {}) });
    let live = true;
    api<UserRow[]>('GET', `/api/admin/users?${params}`).then((u) => live && setUsers(u.filter((x) => !x.disabledAt).slice(0, 50)), () => undefined);
    return () => {
      live = false;
    };
  }, [role, q]);
  return users;
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
  const [list, setList] = useState<Assignment[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    api<Assignment[]>('GET', '/api/admin/coach-assignments').then(setList, (err: unknown) => setNotice(describeError(err)));
  }, []);
  useEffect(load, [load]);
  const { busy, error, submit } = useSubmit(async () => {
    await api('POST', '/api/admin/coach-assignments', { coachId, candidateId });
    setNotice('Assigned.');
    load();
  });
  const unassign = async (a: Assignment) => {
    try {
      await api('DELETE', '/api/admin/coach-assignments', { coachId: a.coachId, candidateId: a.candidateId });
      setNotice(`${a.candidateEmail} is no longer assigned to ${a.coachEmail}.`);
      load();
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
      {notice && <p role="status">{notice}</p>}
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
                    <button type="button" className="link" onClick={() => void unassign(a)} aria-label={`Unassign ${a.candidateEmail} from ${a.coachEmail}`}>
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

const MAIL_STATUS: Record<InviteDto['mail']['status'], string> = { none: 'no mail', pending: 'queued', sending: 'sending', sent: 'sent', failed: 'failed' };

/** Every invite: redeemed, pending or expired, what became of its mail, and a re-send (a new code) for the unredeemed. */
export function Invites({ version }: { version: number }) {
  const [q, setQ] = useState('');
  const [invites, setInvites] = useState<InviteDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resent, setResent] = useState<InviteResentDto | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const params = new URLSearchParams(q.trim() ? { q: q.trim() } : {});
    api<InviteDto[]>('GET', `/api/admin/invites?${params}`).then(setInvites, (err: unknown) => setError(describeError(err)));
  }, [q, version, reload]);
  const resend = async (i: InviteDto) => {
    try {
      setResent(await api<InviteResentDto>('POST', `/api/admin/invites/${i.entryId}/resend`, {}));
      setError(null);
      setReload((r) => r + 1);
    } catch (err) {
      setError(describeError(err));
    }
  };
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
                      <button type="button" className="secondary" onClick={() => void resend(i)} aria-label={`Re-send the invite to ${i.email}`}>
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
      No mail server is configured, so pass this link on yourself: <a href={link} data-testid="invite-link">{link}</a>
    </p>
  );
}
