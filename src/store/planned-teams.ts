import { suggest } from "../engine/index.js";

/**
 * The teams with a plan, and the closest to a team that has none when one is close (a "Platform
 * Team" for "platform team" would else be frozen as a second team): what `track add`, `show`,
 * `forecast` and `import` say of a team without a plan. `then` is said in the brackets after the guess.
 * @example teamsWithAPlanWords("Platform Team", ["default", "platform team"]) // '; teams with a plan: default, platform team (did you mean "platform team"?)'
 * @example teamsWithAPlanWords("ops", ["default"], "choose one with --team") // "; teams with a plan: default (choose one with --team)"
 */
export function teamsWithAPlanWords(team: string, plannedTeams: readonly string[], then?: string): string {
  if (plannedTeams.length === 0) return "";
  const guess = closestTeamWithAPlan(team, plannedTeams);
  const bracket = [guess ? `did you mean ${JSON.stringify(guess)}?` : undefined, then].filter((part) => part !== undefined).join(" ");
  return `; teams with a plan: ${plannedTeams.join(", ")}${bracket ? ` (${bracket})` : ""}`;
}

/**
 * The team with a plan close enough to `team` to be what was meant (a typo, another case), if any:
 * a hint to freeze a plan for `team` then comes after it, for a new team, not first.
 * @example closestTeamWithAPlan("platform tem", ["default", "platform team"]) // "platform team"
 * @example closestTeamWithAPlan("ops", ["default"]) // undefined
 */
export function closestTeamWithAPlan(team: string, plannedTeams: readonly string[]): string | undefined {
  return plannedTeams.length === 0 ? undefined : suggest(team, plannedTeams);
}
