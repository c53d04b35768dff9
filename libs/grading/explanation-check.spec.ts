import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import { dismissedIn, dismissesNeed, readExplanation, sidesOf, swapsSides, type ExplanationStance } from './explanation-check.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('explanation check', () => {
  let content: ContentBundle;
  const stanceOf = (questionId: string, keyPointId: string): ExplanationStance => {
    const explanation = content.questions.get(questionId)?.keyPoints.find((k) => k.id === keyPointId)?.explanation;
    if (explanation === undefined) throw new Error(`${questionId}/${keyPointId} has no explanation`);
    return readExplanation(explanation);
  };

  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  });

  describe('swapped sides', () => {
    it('finds 301 and 302 given each other’s properties, and cites the sentence that draws the distinction', () => {
      const stance = stanceOf('url-shortener', 'redirect-semantics-trade-offs');
      const swapped = swapsSides(
        stance,
        sidesOf(
          'A permanent redirect makes the browser come back through our server on every click, which is what click analytics needs, while a 302 would let the browser cache the destination and skip us.',
        ),
      );
      expect(swapped?.kind).toBe('swapped-sides');
      expect(swapped?.says).toMatch(/^A 301 \(permanent\) redirect is cached by browsers/);
    });

    it('passes the same distinction drawn the right way round, in either order', () => {
      const stance = stanceOf('url-shortener', 'redirect-semantics-trade-offs');
      for (const right of [
        'A 301 is cached by the browser, so later clicks never reach us and we lose analytics; a 302 sends every click through our servers.',
        'I would use a 302 so every click goes through our servers for analytics, whereas a 301 gets cached by browsers and we never see the later clicks.',
      ]) {
        expect(swapsSides(stance, sidesOf(right))).toBeNull();
      }
    });

    it('reads a negated clause as what a side is not ("rules out at-most-once"), in the explanation and in the answer', () => {
      const stance = stanceOf('job-scheduler', 'execution-guarantees');
      const answer =
        '"Must not be silently skipped" pushes us to at-least-once: if in doubt, run it again. At-most-once would mean a crashed worker just loses the run.';
      expect(swapsSides(stance, sidesOf(answer))).toBeNull();
    });

    it('says nothing of a passage that names only one side, or of a key point whose explanation draws no distinction', () => {
      expect(
        swapsSides(stanceOf('url-shortener', 'redirect-semantics-trade-offs'), sidesOf('A 302 lets the browser cache the destination.')),
      ).toBeNull();
      const noContrast = stanceOf('realtime-notifications', 'horizontal-scaling');
      expect(noContrast.contrasts).toEqual([]);
      expect(swapsSides(noContrast, sidesOf('A 301 sends every click through us, a 302 is cached.'))).toBeNull();
    });
  });

  describe('dismissed needs', () => {
    it('finds a dismissal of what the explanation says the design has, and cites that sentence', () => {
      const stance = stanceOf('realtime-notifications', 'horizontal-scaling');
      const found = dismissesNeed(
        stance,
        dismissedIn('Sticky sessions mean we always know which server has the user, so there is no registry to maintain.'),
      );
      expect(found?.kind).toBe('dismissed-need');
      expect(found?.says).toContain('with a registry mapping users to gateways');
      expect(dismissesNeed(stance, dismissedIn('One big gateway is simpler than a fleet of gateways.'))?.kind).toBe('dismissed-need');
    });

    it("takes a dismissed thing of several words as the explanation's need only when two of its words are", () => {
      // Counter ranges need no check; the explanation's "uniqueness check" is what random codes and hashes need.
      const ids = stanceOf('url-shortener', 'collision-free-id-generation');
      expect(dismissesNeed(ids, dismissedIn('Codes come from counter blocks, so no collision check is needed.'))).toBeNull();
      expect(dismissesNeed(ids, dismissedIn('Random codes are fine and no uniqueness check is needed.'))?.kind).toBe('dismissed-need');
    });

    it('reads the dismissal forms, not every negation', () => {
      const unneeded = (text: string) => dismissedIn(text).map((d) => (d.kind === 'unneeded' ? d.stems : ['harmless', ...d.stems]));
      expect(unneeded('There is no separate sync to build.')).toEqual([['sync']]);
      expect(unneeded('There is no need for separate object storage.')).toEqual([['object', 'storag']]);
      expect(unneeded('A distributed lock is overkill here.')).toEqual([['distribut', 'lock']]);
      expect(unneeded('Serializable transactions make a separate double-entry ledger and reconciliation redundant.')).toEqual([
        ['doubl', 'entri', 'ledger', 'reconcili'],
      ]);
      expect(unneeded("It fits on a single primary, so I wouldn't bother partitioning.")).toEqual([['partit']]);
      expect(unneeded("The index fits on one box; I wouldn't shard at all.")).toEqual([['shard']]);
      expect(unneeded("For performance I'd drop heartbeats and leases altogether.")).toEqual([['heartbeat', 'leas']]);
      expect(unneeded("To reduce moving parts, I'd drop the read-time merge.")).toEqual([['time', 'merg']]);
      // "Skip" scopes more often than it abandons.
      expect(dismissedIn("I'd skip fan-out to users inactive for 30 days and rebuild their feed on login.")).toEqual([]);
      expect(unneeded("Celebrities aren't a real problem because Redis is fast.")).toEqual([['harmless', 'celebr']]);
      expect(unneeded("10M a day is only ~115/s, so the top of the hour isn't really a concern.")).toEqual([['harmless', 'hour']]);
      // Saying what the design does not do is no dismissal of a need: those are the misconception table's to judge.
      expect(dismissedIn('Owners do not need per-second accuracy.')).toEqual([]);
      expect(dismissedIn('Two schedulers never pick up the same row.')).toEqual([]);
    });

    it('reads a thing waved away as harmless against what the explanation needs, unless it plays that down too', () => {
      const peaks = stanceOf('job-scheduler', 'peak-estimates');
      expect(dismissesNeed(peaks, dismissedIn("10M a day is only ~115/s, so the top of the hour isn't really a concern."))?.says).toContain(
        'top of the hour',
      );
      const feed = stanceOf('photo-feed', 'hybrid-fanout');
      expect(dismissesNeed(feed, dismissedIn("Celebrities aren't a real problem: Redis does a million writes a second."))?.kind).toBe(
        'dismissed-need',
      );
      // The explanation says memory is "usually only gigabytes", and the extra write latency of synchronous replication
      // "acceptable": a candidate who says so agrees with it.
      const counters = stanceOf('distributed-rate-limiter', 'counter-load-estimates');
      expect(dismissesNeed(counters, dismissedIn('Memory is not a concern: a million keys at 100 bytes is 100 MB.'))).toBeNull();
      const money = stanceOf('payment-gateway', 'consistency-vs-availability');
      expect(dismissesNeed(money, dismissedIn("Processor calls take 300 ms, so the extra sync-replication latency doesn't matter."))).toBeNull();
    });

    it('does not count what the explanation itself sets aside ("without a lock") as a need', () => {
      const stance = readExplanation(
        'A Lua script runs the check and the increment atomically on the shard, without a distributed lock. Gateways keep pooled connections.',
      );
      expect(stance.needs.has('lock')).toBe(false);
      expect(dismissesNeed(stance, dismissedIn('So there is no need for a distributed lock.'))).toBeNull();
      expect(dismissesNeed(stance, dismissedIn('No pooled connections needed.'))?.says).toBe('Gateways keep pooled connections.');
    });
  });
});
