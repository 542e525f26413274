import { suggest } from "../engine/index.js";

/** The team a store's commands read and write when none is named (`--team`'s default). */
export const DEFAULT_TEAM = "default";

/**
 * A team's name as every `track` message says it, quoted, so that a name of several words ("platform
 * team") does not run into the sentence around it: `team "platform team" has no plan`.
 * @example teamWords("platform team") // 'team "platform team"'
 */
export function teamWords(team: string): string {
  return `team ${quotedTeam(team)}`;
}

/** A team's name alone, quoted as `teamWords` quotes it, in a list or after "did you mean". */
export function quotedTeam(team: string): string {
  return JSON.stringify(team);
}

/**
 * The teams with a plan, and the closest to a team that has none when one is close (a "Platform
 * Team" for "platform team" would else be frozen as a second team): what `track add`, `show`,
 * `forecast` and `import` say of a team without a plan. `then` is said in the brackets after the guess.
 * @example teamsWithAPlanWords("Platform Team", ["default", "platform team"]) // '; teams with a plan: "default", "platform team" (did you mean "platform team"?)'
 * @example teamsWithAPlanWords("ops", ["default"], "choose one with --team") // '; teams with a plan: "default" (choose one with --team)'
 */
export function teamsWithAPlanWords(team: string, plannedTeams: readonly string[], then?: string): string {
  if (plannedTeams.length === 0) return "";
  const guess = closestTeamWithAPlan(team, plannedTeams);
  const bracket = [guess ? `did you mean ${quotedTeam(guess)}?` : undefined, then].filter((part) => part !== undefined).join(" ");
  return `; teams with a plan: ${plannedTeams.map(quotedTeam).join(", ")}${bracket ? ` (${bracket})` : ""}`;
}

/**
 * How to freeze a plan for a team that has none, after `teamsWithAPlanWords`: first when no team with a
 * plan is close to it, second, for a new team, when one is (a typo is then most likely what was meant).
 * What `track add`, `show`, `forecast` and `import` say alike.
 * @example freezePlanWords("finance", ["default"]) // '. Freeze one with: mlops-roi track plan CASE.yaml --team "finance"'
 * @example freezePlanWords("platform tem", ["platform team"]) // '; or, for a new team, freeze its plan with: mlops-roi track plan CASE.yaml --team "platform tem"'
 */
export function freezePlanWords(team: string, plannedTeams: readonly string[]): string {
  const freeze = `mlops-roi track plan CASE.yaml${team === DEFAULT_TEAM ? "" : ` --team ${quotedTeam(team)}`}`;
  return closestTeamWithAPlan(team, plannedTeams) === undefined ? `. Freeze one with: ${freeze}` : `; or, for a new team, freeze its plan with: ${freeze}`;
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
