/** How referrals move an entry up: `boost` places per referred sign-up, for at most `cap` sign-ups. */
export interface Ranking {
  boost: number;
  cap: number;
}

/**
 * The priority order among waiting entries, as SQL over the alias `alias`: the sign-up number minus the
 * referral boost, ties to the earlier sign-up. `$b` and `$c` are the parameter numbers of boost and cap.
 * A position is the rank in this order among entries still waiting, so positions are always 1..n.
 */
export function priorityKey(alias: string, b: number, c: number): string {
  return `(${alias}.signup_number - $${b}::int * least(${alias}.referral_count, $${c}::int)), ${alias}.signup_number`;
}
