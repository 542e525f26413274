import type { ComparisonResult } from "../engine/index.js";

/** What an option asks for, from its signed investment, each figure as the view writes it. */
export interface AskedFor {
  /** The cash asked for up front: never below zero ("€0" where the option pays less than today). */
  readonly upFront: string;
  /**
   * Against a baseline that makes a bigger change of its own (in the file's defaults): the cash the
   * option pays less than today ("€5,000"); absent when that rounds to nothing as written.
   */
  readonly cashSaved?: string;
  /** The team's hours the change takes; absent when none are written. */
  readonly teamHours?: string;
  /** Against today's bigger change: the team's hours the option takes less than today's own change. */
  readonly teamHoursSaved?: string;
}

/**
 * The one rule for what an option asks for, which page 1's "What we ask for" card and the web app's
 * cards each put in their own words: the cash up front, never a negative amount asked for; against
 * a baseline that makes a bigger change of its own, what the option saves ("€5,000 less than today",
 * "200 team hours less than today's own change"); else the team's hours on the change. Each is
 * decided on the figure as the view writes it (`money`, `hours`), so that an amount that rounds to
 * nothing is neither said as a saving ("€0 less than today") nor as hours on the change ("0 hours").
 * The JSON's `investment` keeps the signed figures.
 * @example askedFor({ cash: -5000, teamHours: -200 }, { money: (v) => formatMoneyExact(v, "EUR"), hours: formatHoursTenth }) // { upFront: "€0", cashSaved: "€5,000", teamHoursSaved: "200" }
 */
export function askedFor(
  investment: Pick<ComparisonResult["investment"], "cash" | "teamHours">,
  write: { money(value: number): string; hours(value: number): string },
): AskedFor {
  const { cash, teamHours } = investment;
  const written = (value: number, as: (value: number) => string) => (value > 0 && as(value) !== as(0) ? as(value) : undefined);
  const cashSaved = written(-cash, write.money);
  const more = written(teamHours, write.hours);
  const saved = written(-teamHours, write.hours);
  return {
    upFront: write.money(Math.max(0, cash)),
    ...(cashSaved !== undefined ? { cashSaved } : {}),
    ...(more !== undefined ? { teamHours: more } : {}),
    ...(saved !== undefined ? { teamHoursSaved: saved } : {}),
  };
}
