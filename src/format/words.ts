import {
  benefitCategoryLabels,
  builtInPricesSentence,
  doraPaybackMissing,
  monthsWithoutNewWork,
  optionsWeighed,
  type BuiltInPrice,
  type CaseResult,
  type DoraFigures,
  type PaidBack,
} from "../engine/index.js";
import {
  formatChance,
  formatChancesOfWhole,
  formatGain,
  formatMoneyExact,
  formatMonth,
  formatPaybackMonth,
  formatNumber,
  formatNumberAsGiven,
  shareOfWords,
  formatShare,
  formatSignedShare,
  lessThanOneUnit,
  plural,
  theMonths,
  type SamplesCounted,
} from "./numbers.js";
/**
 * Lists as every view writes them in running text.
 * @example listInWords(["month 3", "months 8–9"]) // "month 3 and months 8–9"
 * @example listInWords([3, 5, 8]) // "3, 5 and 8"
 */
export function listInWords(items: readonly (string | number)[]): string {
  if (items.length <= 1) return items.length === 0 ? "" : String(items[0]);
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * How much of a plan-versus-actual figure was recorded, out of the months up to the last recorded
 * one (a month without a record is worked out from the plan too): nothing when every one recorded
 * it, else which were worked out from the plan (the same words in `track show` and the report).
 * @example recordedShareWords(0, 5) // "not recorded: worked out from the plan"
 * @example recordedShareWords(2, 5) // "recorded in 2 of 5 months, the others worked out from the plan"
 */
export function recordedShareWords(recordedMonths: number, monthsSoFar: number): string {
  if (recordedMonths >= monthsSoFar) return "";
  if (recordedMonths === 0) return "not recorded: worked out from the plan";
  return `recorded in ${recordedMonths} of ${monthsSoFar} months, the others worked out from the plan`;
}

/**
 * A plan-versus-actual line's label with how much of it was recorded, when not all of it was.
 * @example labelWithRecordedShare("Cash spent to month 5", 0, 5) // "Cash spent to month 5 (not recorded: worked out from the plan)"
 */
export function labelWithRecordedShare(label: string, recordedMonths: number, monthsSoFar: number): string {
  const words = recordedShareWords(recordedMonths, monthsSoFar);
  return words ? `${label} (${words})` : label;
}

/**
 * The months up to the last recorded one that have no record, which count as planned (the same
 * words in `track show` and the report). Empty when there are none.
 * @example unrecordedMonthsWords([2, 3]) // "months 2 and 3 have no record and count as planned"
 * @example unrecordedMonthsWords([2]) // "month 2 has no record and counts as planned"
 */
export function unrecordedMonthsWords(months: readonly number[]): string {
  if (months.length === 0) return "";
  return months.length === 1 ? `month ${months[0]} has no record and counts as planned` : `months ${listInWords(months)} have no record and count as planned`;
}

/** The months up to the last recorded one that have no record. */
export function unrecordedMonths(comparison: { lastRecordedMonth: number | null; months: readonly { month: number; recorded: boolean }[] }): number[] {
  const last = comparison.lastRecordedMonth;
  if (last === null) return [];
  return comparison.months.filter((month) => month.month <= last && !month.recorded).map((month) => month.month);
}

/**
 * Words broken into lines of at most `width` characters, only between words: a label is never cut
 * mid-word (a single word longer than `width` stands alone on its line, whole).
 * @example wrapWords("Upkeep hours a month for each live project, after the change", 30) // ["Upkeep hours a month for each", "live project, after the change"]
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter(Boolean)) {
    const next = line === "" ? word : `${line} ${word}`;
    if (next.length > width && line !== "") {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/**
 * Each option's chance of being best, by scenario, written together as shares of one whole (of the
 * options the decision weighs, `optionsWeighed`: none for an option that changes nothing)
 * (`formatChancesOfWhole`: they add up to 100%, where each rounded alone could say 99% or 101%; equal
 * chances read equal, even where they then add up to a little less or more).
 * @example bestChances([{ scenario: "a", probabilityBest: 0.456 }, { scenario: "b", probabilityBest: 0.455 }, { scenario: "c", probabilityBest: 0.089 }]) // { a: "46%", b: "45%", c: "9%" }
 */
export function bestChances(options: readonly BestShare[], counted?: SamplesCounted): Record<string, string> {
  // Of the options weighed alone: one that changes nothing is today again, with no chance of its own (`optionsWeighed`).
  const weighed = optionsWeighed(options);
  const written = formatChancesOfWhole(
    weighed.map((option) => option.probabilityBest),
    counted,
  );
  return Object.fromEntries(weighed.map((option, index) => [option.scenario, written[index]!]));
}

/**
 * How often the best option is best, to follow "is best" or "the best option": "in 56% of the
 * outcomes", or, with `counted`, when it is best in every sample, "in every one of the 10,000
 * outcomes" (`formatChanceOfSamples`: not "in over 99%" beside options best in none of them).
 * @example bestShareWords(options, "managed", { samples: 10000, unit: "outcome" }) // "in every one of the 10,000 outcomes"
 */
export function bestShareWords(options: readonly BestShare[], best: string, counted: SamplesCounted): string {
  const share = options.find((option) => option.scenario === best)!.probabilityBest;
  return `in ${shareOfWords(share, bestChances(options, counted)[best]!, `the ${counted.unit}s`, counted)}`;
}

/** An option's chance of being best (`DecisionOption`), flagged when it changes nothing (`changesNothing`: not weighed apart from today). */
type BestShare = { scenario: string; probabilityBest: number; changesNothing?: boolean };

/**
 * The other options' shares of being best (`otherBestShares`), with what sets them apart from the best's
 * own share before them, to follow "… the best option in 51% of the samples": ", b in 45% and today in 9%"; empty when there is no other option.
 * Whenever options are named together ("c and today each in under 1%"), every share is set apart by
 * "; ", as page 1's decision section sets them, so that a list of names does not run on from the share
 * before it: "; b in 49%; c and today each in under 1%", not "b in 49% and c and today each in under
 * 1%", and "… in every one of the 10,000 samples; b, c and today in none of them", not "…samples, b, c
 * and today in none of them", which reads b as one of the samples. With `counted`, options best in none
 * of the samples read "c and today in none of them" (`shareOfWords`).
 * @example sharedBestTail(options, "a", (name) => name) // ", b in 45% and today in 9%" ; "; b in 49%; c and today each in under 1%"
 */
export function sharedBestTail(options: readonly BestShare[], best: string, name: (scenario: string) => string, counted?: SamplesCounted): string {
  const groups = otherBestGroups(options, best, name, counted);
  if (groups.length === 0) return "";
  const shares = groups.map(groupWords);
  const together = groups.some((group) => group.names.length > 1);
  return together ? shares.map((share) => `; ${share}`).join("") : `, ${listInWords(shares)}`;
}

/**
 * The options other than `best`, the most often best first, each with its share in words
 * (`bestChances`, so that with the best's own they add up as docs/numbers.md, "Which option is best",
 * says; a tie counts to each option level, half each for two): options whose shares read the same are
 * named together, "each" so that the share is not read as theirs together ("Today and Own stack each
 * in under 1%"), as page 1's decision section and `run`'s "Best on average" line both say them. An
 * option best in none of the samples is named too, "in under 1%" (a chance from samples claims no
 * certainty; `run` and `voi`, which count the samples, say "in none of them": `sharedBestTail`), as
 * `voi`'s table and the web app's decision panel list every option; one that changes
 * nothing is not (`optionsWeighed`: it is today again, with no chance of its own).
 */
export function otherBestShares(options: readonly BestShare[], best: string, name: (scenario: string) => string, counted?: SamplesCounted): string[] {
  return otherBestGroups(options, best, name, counted).map(groupWords);
}

/**
 * "b in 45%", or options whose shares read the same, "c and today each in under 1%"; options best in
 * none of the samples, when counted (`shareOfWords`), "c and today in none of them" (after
 * the best's "in … of the outcomes" or "in every one of the 10,000 outcomes").
 */
function groupWords(group: { share: string; names: string[]; none: boolean }): string {
  if (group.none) return `${listInWords(group.names)} in ${shareOfWords(0, group.share, "them")}`;
  return `${listInWords(group.names)}${group.names.length > 1 ? " each" : ""} in ${group.share}`;
}

/** The options other than `best`, the most often best first, grouped by their share in words (`bestChances`). */
function otherBestGroups(
  options: readonly BestShare[],
  best: string,
  name: (scenario: string) => string,
  counted?: SamplesCounted,
): { share: string; names: string[]; none: boolean }[] {
  const chances = bestChances(options, counted);
  const groups: { share: string; names: string[]; none: boolean }[] = [];
  // An option that changes nothing is not named with a share: it is today again, not "in under 1%".
  const others = optionsWeighed(options).filter((other) => other.scenario !== best);
  for (const option of others.sort((a, b) => b.probabilityBest - a.probabilityBest)) {
    const share = chances[option.scenario]!;
    const last = groups.at(-1);
    if (last?.share === share) last.names.push(name(option.scenario));
    else groups.push({ share, names: [name(option.scenario)], none: counted !== undefined && option.probabilityBest === 0 });
  }
  return groups;
}

/**
 * How often an option is best when options can be level at the top (`decision.chanceBestLevel` > 0):
 * best alone and level at the top said apart, as `aheadAndLevel` says "ahead" and "level", so that two
 * options equal in every outcome read "level at the top with … in every outcome", not "best in 50%"
 * each, a coin toss (a tie for best is shared: docs/numbers.md, "Which option is best"). Follows the
 * option's name ("Best on average: X, …"; "X is …"); the others that are ever best alone follow, then
 * the ties it is not in, so that the shares said add up to every sample (Σ `probabilityBestAlone` +
 * `chanceBestLevel` = 1), never one tie counted once per option level in it. When the same options are
 * level in every tie (two copies, or three), they are named ("level at the top with b and c"); else a
 * tie is "with another option". `undefined` when no option is ever level at the top: the views then say
 * `probabilityBest` as it is.
 * @example bestLevelWords(decision, "optimal", name, "outcome") // "level at the top with Other tools in every outcome"
 * @example bestLevelWords(decision, "a", name, "sample") // "best alone in 30% of the samples and level at the top with b in 40%, b best alone in 30%"
 */
export function bestLevelWords(
  decision: {
    options: readonly { scenario: string; probabilityBest: number; probabilityBestAlone: number; probabilityBestLevel: number }[];
    chanceBestLevel: number;
  },
  subject: string,
  name: (scenario: string) => string,
  unit: string,
): string | undefined {
  const { options, chanceBestLevel } = decision;
  const levelOptions = options.filter((option) => option.probabilityBestLevel > 0);
  if (levelOptions.length === 0) return undefined;
  const first = options.find((option) => option.scenario === subject)!;
  const aloneOthers = options
    .filter((option) => option.scenario !== subject && option.probabilityBestAlone > 0)
    .sort((a, b) => b.probabilityBestAlone - a.probabilityBestAlone);
  // The ties the subject is not in, once (a share of samples: both sides count whole samples).
  const without = chanceBestLevel - first.probabilityBestLevel;
  // The shares said are of one whole (every sample): written together, so that they add up to 100%. Only
  // those said: a share of 0 that is not said would count as one "under 1%" beside them, and let them
  // add up to 99% where page 1 rounds the same shares to 100% (`aheadAndLevelWords`).
  const said = [
    first.probabilityBestAlone,
    first.probabilityBestLevel,
    without > 1e-12 ? without : 0,
    ...aloneOthers.map((option) => option.probabilityBestAlone),
  ];
  const writtenSaid = formatChancesOfWhole(said.filter((share) => share > 0));
  let nextSaid = 0;
  // A share of 0 is never said below ("never best", or not at all).
  const [firstAlone, firstLevel, withoutWritten, ...othersAlone] = said.map((share) => (share > 0 ? writtenSaid[nextSaid++]! : ""));
  const of = (share: number, written: string) => (share >= 1 ? `in every ${unit}` : `in ${written} of the ${unit}s`);
  // The same options level in every tie: each names the others.
  const group = levelInEveryTie(decision)?.map((option) => option.scenario);
  const partnersOf = (scenario: string) => (group?.includes(scenario) ? listInWords(group.filter((other) => other !== scenario).map(name)) : "another option");
  const level = `level at the top with ${partnersOf(subject)}`;
  const firstWords =
    first.probabilityBestLevel === 0
      ? first.probabilityBestAlone === 0
        ? `never best in any ${unit}`
        : `best alone ${of(first.probabilityBestAlone, firstAlone!)}`
      : first.probabilityBestAlone === 0
        ? `${level} ${of(first.probabilityBestLevel, firstLevel!)}`
        : `best alone ${of(first.probabilityBestAlone, firstAlone!)} and ${level} in ${firstLevel}`;
  const alone = aloneOthers.map((option, index) => `${name(option.scenario)} best alone in ${othersAlone[index]}`);
  const others = without > 1e-12 ? [`${group ? listInWords(group.map(name)) : "two or more of the others"} level at the top in ${withoutWritten}`] : [];
  return [firstWords, ...alone, ...others].join(", ");
}

/**
 * The options level at the top in every tie, when the same ones are (each is level in every sample with
 * a tie at the top; always so for two copies): `bestLevelWords` names them, `tieShareWords` counts them.
 * Counts over the same samples: the shares are equal exactly. `undefined` when the ties differ, or none.
 */
function levelInEveryTie<Option extends { probabilityBestLevel: number }>(decision: {
  options: readonly Option[];
  chanceBestLevel: number;
}): Option[] | undefined {
  const level = decision.options.filter((option) => option.probabilityBestLevel > 0);
  return level.length > 0 && level.every((option) => option.probabilityBestLevel === decision.chanceBestLevel) ? level : undefined;
}

/** "half", "a third", … "a tenth": one option's share of a tie among `count`. */
const tieShares: Record<number, string> = {
  2: "half",
  3: "a third",
  4: "a quarter",
  5: "a fifth",
  6: "a sixth",
  7: "a seventh",
  8: "an eighth",
  9: "a ninth",
  10: "a tenth",
};

/**
 * How a tie for best is shared, as many ways as there are options level at the top (`probabilityBest`
 * counts each 1 ÷ the number level there: docs/numbers.md, "Which option is best"), to follow "A tie
 * for best is shared (…)": "half each for two options", "a third each for three options" when the same
 * three are level in every tie; when every tie is of two (the shares level add up to twice the chance of
 * a tie), half each too; else, ties of different sizes, "equally among the options level at the top".
 * `undefined` when no option is ever level at the top.
 * @example tieShareWords({ options: [a, b, c], chanceBestLevel: 1 }) // "a third each for three options" (each level in every outcome)
 */
export function tieShareWords(decision: { options: readonly { probabilityBestLevel: number }[]; chanceBestLevel: number }): string | undefined {
  const { options, chanceBestLevel } = decision;
  const level = options.filter((option) => option.probabilityBestLevel > 0);
  if (level.length === 0) return undefined;
  // The same options level in every tie (as bestLevelWords names them): every tie is among all of them.
  const same = levelInEveryTie(decision);
  // Σ of the shares level = the ties' mean size × the chance of a tie: a mean of two is every tie of two.
  const sum = level.reduce((total, option) => total + option.probabilityBestLevel, 0);
  const count = same ? same.length : Math.abs(sum - 2 * chanceBestLevel) <= 1e-9 ? 2 : undefined;
  if (count === undefined) return "equally among the options level at the top";
  const share = tieShares[count] ?? `1/${count}`;
  return `${share} each for ${count <= 10 ? numberWords[count] : formatNumber(count)} options`;
}

const numberWords: Record<number, string> = { 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten" };

/**
 * Live projects per person the team's hours can keep (`liveProjectsPerPerson`, unrounded), to a tenth:
 * "about 2.4" when the tenth is not exact, "4" or "2.5" when it is (docs/numbers.md, "Capacity").
 * @example perPersonWords(2.3731) // "about 2.4" ; perPersonWords(4) // "4"
 */
export function perPersonWords(perPerson: number): string {
  const tenth = Math.round(perPerson * 10) / 10;
  const written = formatNumber(tenth, Number.isInteger(tenth) ? 0 : 1);
  return Math.abs(perPerson - tenth) > 1e-9 ? `about ${written}` : written;
}

/**
 * How many live projects a scenario's team can keep, as page 1's team card and the web app's capacity
 * cards say it: a team of one, "one person can keep 4" (`maxLiveProjectsPerPerson`, whole projects); a
 * larger team, its whole projects together (`maxLiveProjects`) with their share per person, said share
 * first (`keptAsTeamWords`): "the team of 4 has hours for about 2.4 live projects per person, 9 whole
 * projects as a team", where 4 × ⌊2.37⌋ = 8 would be fewer than the team keeps (docs/numbers.md,
 * "Capacity"). A team of part-time people (`people` not a whole number) is counted in full-time people,
 * and its share is a full-time person's: "the team of 0.5 full-time people has hours for about 2.6 live
 * projects per full-time person, 1 whole project as a team", where "the team of 0.5 … about 2.6 per person" read as more per
 * person than the whole team keeps. `per` follows the share in every view. `undefined` when a live
 * project needs no hours (no limit), which each view says in its own sentence.
 * @example teamKeepsWords({ people: 4, liveProjectsPerPerson: 2.373, maxLiveProjects: 9, maxLiveProjectsPerPerson: 2 }) // { who: "the team of 4", count: "9", perPerson: "about 2.4", per: "per person" }
 * @example teamKeepsWords({ people: 0.5, liveProjectsPerPerson: 2.56, maxLiveProjects: 1, maxLiveProjectsPerPerson: 2 }) // { who: "the team of 0.5 full-time people", count: "1", perPerson: "about 2.6", per: "per full-time person" }
 * @example teamKeepsWords({ people: Math.sqrt(3), liveProjectsPerPerson: 2.6, maxLiveProjects: 4, maxLiveProjectsPerPerson: 2 })?.who // "the team of about 1.7 full-time people"
 */
export function teamKeepsWords(summary: {
  people: number;
  liveProjectsPerPerson: number | null;
  maxLiveProjects: number | null;
  maxLiveProjectsPerPerson: number | null;
}): { who: string; count: string; perPerson: string | undefined; per: string } | undefined {
  if (summary.liveProjectsPerPerson === null || summary.maxLiveProjects === null || summary.maxLiveProjectsPerPerson === null) return undefined;
  if (summary.people === 1) return { who: "one person", count: formatNumber(summary.maxLiveProjectsPerPerson), perPerson: undefined, per: "per person" };
  const partTime = !Number.isInteger(summary.people);
  // A team size given as a range runs at its middle (√(1 × 3) = 1.7320508…): to a tenth, "about".
  const written = Math.abs(summary.people - Number(summary.people.toFixed(2))) < 1e-9;
  const size = written ? formatNumberAsGiven(summary.people) : `about ${formatNumber(summary.people, 1)}`;
  return {
    who: `the team of ${size}${partTime ? " full-time people" : ""}`,
    count: formatNumber(summary.maxLiveProjects),
    perPerson: perPersonWords(summary.liveProjectsPerPerson),
    per: partTime ? "per full-time person" : "per person",
  };
}

/**
 * A larger team's live projects in words, its share per person first, then the whole projects it keeps
 * together (`teamKeepsWords`): "about 2.4 live projects per person, 9 whole projects as a team", in
 * every view that says them. "can keep 9 live projects, about 2.4 per person" read as 9 ÷ 4 = 2.25, an
 * arithmetic error: the team keeps ⌊4 × 2.37⌋ = 9 whole projects (docs/numbers.md, "Capacity").
 * `short` leaves out what the count is of, beside a full one: "about 7.7 per person, 30 as a team".
 * `count` and `perPerson` wrap each figure said (page 1 marks its figures); as it is by default.
 * @example keptAsTeamWords({ count: "9", perPerson: "about 2.4", per: "per person" }) // "about 2.4 live projects per person, 9 whole projects as a team"
 * @example keptAsTeamWords({ count: "30", perPerson: "about 7.7", per: "per person" }, { short: true }) // "about 7.7 per person, 30 as a team"
 */
export function keptAsTeamWords(
  kept: { readonly count: string; readonly perPerson: string; readonly per: string },
  options: { short?: boolean; count?: (text: string) => string; perPerson?: (text: string) => string } = {},
): string {
  const count = (options.count ?? ((text: string) => text))(kept.count);
  const perPerson = (options.perPerson ?? ((text: string) => text))(kept.perPerson);
  if (options.short) return `${perPerson} ${kept.per}, ${count} as a team`;
  const projects = kept.count === "1" ? "project" : "projects";
  return `${perPerson} live ${kept.perPerson === "1" ? "project" : "projects"} ${kept.per}, ${count} whole ${projects} as a team`;
}

/**
 * The labels of the live projects each scenario's team can keep, in a table of the scenarios side by
 * side (run's capacity table, the workbook's Summary and Maintenance sheets), for the figures page 1's
 * team card gives (`teamKeepsWords`): where every team is of one person, the whole projects one person
 * keeps (`maxLiveProjectsPerPerson`) and no share per person; else the whole projects the team keeps
 * together (`maxLiveProjects`) and, on its own line, the projects per person unrounded
 * (`liveProjectsPerPerson`, page 1's "about 2.4 live projects per person").
 * @example liveProjectsKeptLabels(false) // { count: "Live projects the team can keep", perPerson: "Live projects each person's hours can keep, not rounded" }
 * @example liveProjectsKeptLabels(false, true) // { count: "Live projects the team can keep", perPerson: "Live projects each full-time person's hours can keep, not rounded" }
 */
export function liveProjectsKeptLabels(everyTeamOfOne: boolean, somePartTime = false): { count: string; perPerson: string | undefined } {
  if (everyTeamOfOne) return { count: "Live projects one person can keep", perPerson: undefined };
  // A part-time team (people 0.5) is counted in full-time people, as `teamKeepsWords` says it.
  // The share is each person's hours' own, not the team's whole projects shared out: "Live projects the
  // team can keep, per person" 2.37 under 9 for a team of 4 read as 9 ÷ 4 = 2.25.
  return {
    count: "Live projects the team can keep",
    perPerson: `Live projects ${somePartTime ? "each full-time person's" : "each person's"} hours can keep, not rounded`,
  };
}

/**
 * The file's risk adjustment in brackets, as every view names it: "(gains −10%, costs +5%)".
 * @example riskAdjustmentShares({ benefits: 0.1, costs: 0.05 }) // "(gains −10%, costs +5%)"
 */
export function riskAdjustmentShares(risk: { readonly benefits: number; readonly costs: number }): string {
  return `(gains ${formatSignedShare(-risk.benefits)}, costs ${formatSignedShare(risk.costs)})`;
}

/**
 * Beside "never", the months without time for new work before it stops for good, as `run`'s capacity
 * table and the web app's capacity card write them: " (no room in months 7–8)"; empty when there are none.
 * @example noRoomBefore(months, null) // " (no room in months 7–8)"
 */
export function noRoomBefore(months: readonly { canStartNewWork: boolean }[], stops: number | null): string {
  const gaps = monthsWithoutNewWorkBefore(months, stops);
  return gaps ? ` (no room in ${gaps})` : "";
}

/**
 * What a view whose NPVs are not risk-adjusted (sensitivity, voi, optimize, the Monte Carlo) says in a
 * case with Forrester TEI's risk adjustment, so that its figures are not read against `run`'s
 * risk-adjusted line (docs/numbers.md, "Risk adjustment, TEI's way").
 * @example riskAdjustmentAside({ benefits: 0.1, costs: 0.05 }) // "Every NPV here is before the file's risk adjustment (gains −10%, costs +5%): …"
 */
export function riskAdjustmentAside(risk: { readonly benefits: number; readonly costs: number } | undefined): string | undefined {
  if (!risk) return undefined;
  return `Every NPV here is before the file's risk adjustment ${riskAdjustmentShares(risk)}: run and the report give the risk-adjusted NPV on a line of its own under each option's figures.`;
}

/**
 * The recorded months a forecast that learns weighs its samples by, out of those recorded: only the
 * months that measure a range count, and when some do not, the words say so, so "3 recorded months"
 * never stands beside "Recorded: 12 of 12 months" (the same words in `track show` and the report).
 * @example monthsUsedWords(3, 3) // "3 recorded months"
 * @example monthsUsedWords(9, 12) // "9 of the 12 recorded months, those that measure one of its ranges"
 */
export function monthsUsedWords(used: number, recorded: number): string {
  if (used >= recorded) return plural(used, "recorded month");
  return `${formatNumber(used)} of the ${formatNumber(recorded)} recorded months, those that measure one of its ranges`;
}

/** The column of the plan's money as approved, beside the forecast that learns (the report, `track show`, `track forecast`). */
export const PLAN_AS_APPROVED = "The plan, as approved";

/**
 * The column of the plan's ranges drawn on the samples the forecast that learns weighs.
 * @example planOnSameSamples(1000) // "The plan, on the same 1,000 samples"
 */
export function planOnSameSamples(samples: number): string {
  return `The plan, on the same ${formatNumber(samples)} samples`;
}

/**
 * What the two columns of the plan are, under the forecast that learns (docs/numbers.md, "A forecast that learns").
 * @example planTwiceWords(10000, 1000) // "“The plan, as approved” is the plan's own run of 10,000 samples, as its report gives it for this option (…"
 */
export function planTwiceWords(approvedSamples: number, samples: number): string {
  return (
    `“${PLAN_AS_APPROVED}” is the plan's own run of ${formatNumber(approvedSamples)} samples, as its report gives it for this option ` +
    `(its middle estimate is that run's median, not the single figure worked out with ${AT_THE_MIDDLE}); ` +
    `“on the same ${formatNumber(samples)} samples” draws the plan's ranges on the samples the update weighs, so the gap from it to now is what the months say, not chance in the drawing.`
  );
}

/**
 * Why the forecast that learns and the re-forecast above it can differ: the same sentence under the
 * forecast that learns in the report's "Plan and reality so far", `track show` and `track forecast`.
 */
export const LEARNING_VERSUS_REFORECAST =
  "The re-forecast above keeps the plan's own numbers for the months ahead; this one also moves them toward what the months measured, so its gain can differ from it.";

/**
 * The chance that an option pays back within the plan, in the words of page 1 of the report and of
 * the web app's option cards (`chance` as written, e.g. by `formatChance`, or wrapped as a figure).
 * Paying back counts money as it is paid (`probabilityPaysBack`: the gain so far, not discounted),
 * while page 1's chance of any gain is in today's money (`probabilityNpvPositive`): where the two read
 * differently (`paybackAndGainChancesDiffer`), `gainChance` is given and both are said with their basis,
 * so that "79%" beside "only 63%" is not read as a contradiction (docs/numbers.md, "Two chances").
 * @example paybackChanceWords("87%", 12) // "The chance that it pays back within 12 months is 87%."
 * @example paybackChanceWords("79%", 12, "63%") // "The chance that it pays back within 12 months, before valuing money over time, is 79% (of a gain in today's money: 63%)."
 */
export function paybackChanceWords(chance: string, horizonMonths: number, gainChance?: string): string {
  if (gainChance === undefined) return `The chance that it pays back within ${plural(horizonMonths, "month")} is ${chance}.`;
  return `The chance that it pays back within ${plural(horizonMonths, "month")}, before valuing money over time, is ${chance} (of a gain in today's money: ${gainChance}).`;
}

/**
 * Whether the chance that an option pays back (undiscounted) and the chance of any gain in today's money
 * read differently as written (`formatChance`): then the payback's chance is said with its basis
 * (`paybackChanceWords`). At a rate of 0% nothing is discounted, and the two are one basis.
 */
export function paybackAndGainChancesDiffer(
  distribution: { readonly probabilityPaysBack: number; readonly probabilityNpvPositive: number },
  discountRate: number,
): boolean {
  return discountRate !== 0 && formatChance(distribution.probabilityPaysBack) !== formatChance(distribution.probabilityNpvPositive);
}

/**
 * The discount rate as `run`'s header gives it, beside the NPVs of every command that shows them
 * (`run`, `optimize`, `voi`, `sensitivity`), so that a finance reader sees the rate the NPVs are at.
 * @example discountRateWords(0.08) // "discount rate 8% a year" ; discountRateWords(0.0825) // "discount rate 8.25% a year"
 */
export function discountRateWords(discountRate: number): string {
  return `discount rate ${formatShare(discountRate)} a year`;
}

/**
 * What a net gain over the plan is in, said once on page 1, after the months it is over, with its
 * separator: today's money when the case discounts; at a rate of 0% (the DORA examples') nothing is
 * discounted, so "today's money" would say what did not happen. The rate is the result's own.
 * Later mentions on the page use `inTodaysMoney`, which says nothing at 0%.
 * @example netGainBasis(0.08) // " in today's money"
 * @example netGainBasis(0.08, ", ") // ", in today's money"
 * @example netGainBasis(0) // ", not discounted (the discount rate is 0%)"
 */
export function netGainBasis(discountRate: number, separator: " " | ", " = " "): string {
  return discountRate === 0 ? `, not discounted (the discount rate is ${formatShare(discountRate)})` : `${separator}in today's money`;
}

/**
 * The net present value by the name the page's cards and `run`'s table give it, in a sentence's
 * middle; `capitalised` starts a label with it.
 * @example netGainName() // "net gain (NPV)" ; netGainName(true) // "Net gain (NPV)"
 */
export function netGainName(capitalised = false): string {
  return `${capitalised ? "Net gain" : "net gain"} (${NPV})`;
}

const NPV = "NPV";

/**
 * A chart's axis of net gains (the tornado's), by the name the report's captions and cards give them
 * (`netGainName`), with the currency as the other charts' axes give it.
 * @example netGainAxisTitle("EUR") // "Net gain (NPV, EUR)"
 */
export function netGainAxisTitle(currency: string): string {
  return `Net gain (${NPV}, ${currency})`;
}

/**
 * The return on cost (the JSON's `roi`: net gain ÷ the costs' present value) by the name the page's
 * cards and the report's tables give it; `capitalised` starts a label with it.
 * @example returnOnCostName() // "return on cost" ; returnOnCostName(true) // "Return on cost"
 */
export function returnOnCostName(capitalised = false): string {
  return capitalised ? "Return on cost" : "return on cost";
}

/**
 * "in today's money" after a net gain the page has already said the basis of, with its separator;
 * nothing at a rate of 0%, where the plain net gain is what is meant.
 * @example inTodaysMoney(0.08, ", ") // ", in today's money"
 * @example inTodaysMoney(0, ", ") // ""
 */
export function inTodaysMoney(discountRate: number, separator: " " | ", " = " "): string {
  return discountRate === 0 ? "" : `${separator}in today's money`;
}

/**
 * The months without time for new work (`canStartNewWork` false) before new work stops for good
 * (`stops`, the summary's `newWorkStopsMonth`; null: to the end), in words: "months 7–8", "month 3
 * and months 9–10"; empty when there are none. Page 1 and `run`'s capacity table both name them, so
 * that "never" (docs/numbers.md: the month new work stops is the first from which it never can again)
 * does not read as "every month".
 * @example monthsWithoutNewWorkBefore(months, null) // "months 7–8"
 */
export function monthsWithoutNewWorkBefore(months: readonly { canStartNewWork: boolean }[], stops: number | null): string {
  return monthRunsWords(monthsWithoutNewWork(months, stops));
}

/**
 * Months in increasing order, in words, runs of consecutive months together: "months 7–8", "month 3
 * and months 8–9"; empty when there are none.
 * @example monthRunsWords([1, 2, 4]) // "months 1–2 and month 4"
 */
function monthRunsWords(months: readonly number[]): string {
  const runs: string[] = [];
  for (let at = 0; at < months.length; at++) {
    const first = months[at]!;
    while (at + 1 < months.length && months[at + 1] === months[at]! + 1) at++;
    const last = months[at]!;
    runs.push(first === last ? `month ${formatNumber(first)}` : `months ${formatNumber(first)}–${formatNumber(last)}`);
  }
  return listInWords(runs);
}

/**
 * No input is worth measuring on its own before deciding (none above the noise level): one sentence,
 * with what knowing every input for sure would be worth, the same in the report and the web app. Above
 * the noise level that figure is said ("No single figure ... only €6"): the inputs are worth something
 * together, so "no measurement is worth paying for" would say less than the report and `run` do.
 * @example nothingToMeasureWords({ evpi: 0, noiseLevel: 0 }, "EUR", money) // "Nothing is worth measuring before deciding: knowing every figure for sure would not change the choice."
 * @example nothingToMeasureWords({ evpi: 6.2, noiseLevel: 0.4 }, "EUR", money) // "No single figure is worth measuring before deciding: even knowing every figure for sure would be worth only €6."
 */
export function nothingToMeasureWords(decision: { evpi: number; noiseLevel: number }, currency: string, money: (value: number) => string): string {
  if (decision.evpi === 0) return `Nothing is worth measuring before deciding: knowing every figure for sure ${WOULD_NOT_CHANGE}.`;
  const who = decision.evpi <= decision.noiseLevel ? "Nothing is" : "No single figure is";
  return `${who} worth measuring before deciding: even knowing every figure for sure would be worth ${lessThanOneUnit(decision.evpi, currency) ?? `only ${money(decision.evpi)}`}.`;
}

/**
 * When every option but today changes nothing against it (`nothingToChoose`): what `run`, `voi`, the
 * report and the web app say instead of how often each option is best, the options and today by their names.
 * @example nothingToChooseWords(["New option"], "Today") // "New option changes nothing against Today: there is nothing to choose between, so nothing is worth measuring before deciding."
 */
export function nothingToChooseWords(same: readonly string[], today: string): string {
  return `${listInWords(same)} ${same.length === 1 ? "changes" : "change"} nothing against ${today}: there is nothing to choose between, so nothing is worth measuring before deciding.`;
}

/** What a value of information of 0 means, in words: knowing the figure would not change the choice. */
const WOULD_NOT_CHANGE = "would not change the choice";

/**
 * What finding figures out before deciding is worth, an upper bound (the EVPI, an input's EVPPI), as
 * `voi`, `run`, the report's decision section and the web app all say it: "up to €6", or, above zero
 * but under one unit, "less than €1", never "up to €0" nor "up to less than €1". `figure` is the
 * amount alone (a table's cell, a marked-up figure), `upTo` the words before it ("up to " or "").
 * `money` writes the amount as the view writes money (to the unit by default).
 * @example worthUpTo(6.2, "EUR").words // "up to €6" ; worthUpTo(0.3, "EUR").words // "less than €1"
 */
export function worthUpTo(
  value: number,
  currency: string,
  money: (value: number) => string = (amount) => formatMoneyExact(amount, currency),
): { upTo: string; figure: string; words: string } {
  const under = lessThanOneUnit(value, currency);
  const upTo = under ? "" : "up to ";
  const figure = under ?? money(value);
  return { upTo, figure, words: `${upTo}${figure}` };
}

/**
 * A value above 0 at or below the noise level, beside it (`voi`: an input not worth measuring, or
 * every input together), both to the unit as gains are (`formatGain`: "less than €1", never a "€0"
 * that is not 0): "€3, at or below the noise level of €6". A noise level under one unit is not
 * written "less than €1" again after the value's own (a value at or below it is under one unit too):
 * "less than €1, at or below the noise level", not "less than €1, at or below the noise level of
 * less than €1".
 * @example belowNoiseWords(3.2, 5.9, "EUR") // "€3, at or below the noise level of €6"
 * @example belowNoiseWords(0.01, 0.02, "EUR") // "less than €1, at or below the noise level"
 */
export function belowNoiseWords(value: number, noiseLevel: number, currency: string): string {
  const level = lessThanOneUnit(noiseLevel, currency) ? "the noise level" : `the noise level of ${formatGain(noiseLevel, currency)}`;
  return `${formatGain(value, currency)}, at or below ${level}`;
}

/**
 * Why an input (or a group of inputs, `together`) at or below the noise level is not worth measuring,
 * in brackets after "not worth measuring" (`voi`): a value of 0 says that knowing it would not change
 * the choice ("€0, at or below the noise level of €0" read as a glitch); any other gives the value
 * beside the noise level it does not exceed (`belowNoiseWords`).
 * @example notWorthMeasuringWords(0, 0, "EUR") // "(knowing it exactly would not change the choice)"
 * @example notWorthMeasuringWords(3.2, 5.9, "EUR") // "(€3, at or below the noise level of €6)"
 * @example notWorthMeasuringWords(0.01, 0.02, "EUR") // "(less than €1, at or below the noise level)"
 */
export function notWorthMeasuringWords(value: number, noiseLevel: number, currency: string, together = false): string {
  if (value === 0) return `(knowing ${together ? "them" : "it"} exactly ${WOULD_NOT_CHANGE})`;
  return `(${belowNoiseWords(value, noiseLevel, currency)})`;
}

/**
 * No input alone is worth measuring though all of them together are (the EVPI above the noise level),
 * in words (`voi`): when every input and group is valued at 0, knowing any one of them would not change
 * the choice (not "each is at or below the noise level of €0"); else each is at or below the noise
 * level, said with its figure, or, under one unit, as what each is then worth ("each is worth less
 * than €1, at or below the noise level", not "the noise level of less than €1").
 * @example noInputAloneWords([0, 0], 0, "EUR") // "No input alone is worth measuring: knowing any one of them exactly would not change the choice."
 * @example noInputAloneWords([0, 2.1], 4, "EUR") // "No input alone is worth measuring: each is at or below the noise level of €4."
 * @example noInputAloneWords([0, 0.01], 0.02, "EUR") // "No input alone is worth measuring: each is worth less than €1, at or below the noise level."
 */
export function noInputAloneWords(values: readonly number[], noiseLevel: number, currency: string): string {
  if (values.every((value) => value === 0)) return `No input alone is worth measuring: knowing any one of them exactly ${WOULD_NOT_CHANGE}.`;
  const under = lessThanOneUnit(noiseLevel, currency);
  return under
    ? `No input alone is worth measuring: each is worth ${under}, at or below the noise level.`
    : `No input alone is worth measuring: each is at or below the noise level of ${formatGain(noiseLevel, currency)}.`;
}

/**
 * A tracked plan's payback that is behind us (the engine's `paidBackOn`), in the past tense, as
 * `track show`, `track forecast` and the report's "Plan and reality so far" write it; what it rests
 * on when months up to it have no record is a sentence of its own (`countedAsPlannedWords`), under the
 * table or after this one. A payback still ahead is a forecast and keeps "pays back".
 * @example paidBackWords({ month: 12, countedAsPlanned: [] }) // "paid back in month 12" ; paidBackWords({ month: 0, countedAsPlanned: [] }) // "paid back from the start"
 */
export function paidBackWords(paid: PaidBack): string {
  return `paid back ${paid.month === 0 ? "" : "in "}${formatMonth(paid.month)}`;
}

/** The mark of a payback row that counts months with no record as planned, and of its note under the table. */
export const COUNTED_AS_PLANNED_MARK = "†";

/**
 * What a payback behind us rests on when months up to it have no record (the engine's `paidBackOn`):
 * those months count as planned, so "paid back in month 9" is the plan's figures for them, not what
 * happened. A sentence, empty when every month up to it was recorded.
 * @example countedAsPlannedWords([4, 5, 6, 7, 8]) // "Months 4–8 have no record: the payback counts them as planned." ; countedAsPlannedWords([]) // ""
 * @example countedAsPlannedWords([8]) // "Month 8 has no record: the payback counts it as planned."
 */
export function countedAsPlannedWords(months: readonly number[]): string {
  if (months.length === 0) return "";
  const runs = monthRunsWords(months);
  const one = months.length === 1;
  return `${runs.charAt(0).toUpperCase()}${runs.slice(1)} ${one ? "has" : "have"} no record: the payback counts ${one ? "it" : "them"} as planned.`;
}

/**
 * The label of a plan-versus-actual table's payback row (`track show`, `track forecast`, the report's
 * "Plan and reality so far"): "Payback" once it is behind us (`paidBackWords` beside it), else "Pays back".
 * @example paybackRowLabel(true) // "Payback"
 */
export function paybackRowLabel(behind: boolean): string {
  return behind ? "Payback" : "Pays back";
}

/**
 * A plan-versus-actual table's payback row, label and the re-forecast's cell: once the payback is
 * behind us (the forecast's `paidBack`, from the engine's `paidBackOn`) "Payback" and "paid back in
 * month N", else "Pays back" and the month as `forecast` writes it (`track show` adds " (re-forecast)",
 * the report writes "not within the plan"). When the payback counts months with no record as planned,
 * the cell is marked and `note`, for under the table, says which ("† Months 4–8 have no record: …");
 * else `note` is empty.
 * @example paybackRow({ paybackMonth: { now: 8 }, paidBack: { month: 8, countedAsPlanned: [] } }, String) // { label: "Payback", now: "paid back in month 8", note: "" }
 * @example paybackRow({ paybackMonth: { now: 8 }, paidBack: { month: 8, countedAsPlanned: [7] } }, String) // { label: "Payback", now: "paid back in month 8 †", note: "† Month 7 has no record: the payback counts it as planned." }
 */
export function paybackRow(
  forecast: { paybackMonth: { now: number | null }; paidBack?: PaidBack | undefined },
  ahead: (month: number | null) => string,
): { label: string; now: string; note: string } {
  const paid = forecast.paidBack;
  if (!paid) return { label: paybackRowLabel(false), now: ahead(forecast.paybackMonth.now), note: "" };
  const counted = countedAsPlannedWords(paid.countedAsPlanned);
  return {
    label: paybackRowLabel(true),
    now: counted ? `${paidBackWords(paid)} ${COUNTED_AS_PLANNED_MARK}` : paidBackWords(paid),
    note: counted ? `${COUNTED_AS_PLANNED_MARK} ${counted}` : "",
  };
}

/**
 * DORA's payback (investment ÷ value a year) where its formula has no answer (the engine's
 * `doraPaybackMissing`, docs/numbers.md, "Conventions of peer calculations"): "n/a" when the change
 * costs nothing over today, as its ROI; "not defined: no value over the 12 months" ("in the plan's one
 * month") when it returns nothing over the plan before its costs. It read "never" beside a value of
 * €0 in a plan of one month, which says more than the plan's months can. Undefined when the payback is
 * a number of years, which the view writes as it writes figures.
 * @example doraPaybackWords({ investment: 500, value: 0 }, 1) // "not defined: no value in the plan's one month"
 * @example doraPaybackWords({ investment: -400, value: 500 }, 6) // "n/a"
 */
export function doraPaybackWords(figures: Pick<DoraFigures, "investment" | "value">, horizonMonths: number): string | undefined {
  const missing = doraPaybackMissing(figures);
  if (missing === undefined) return undefined;
  if (missing === "nothing to pay back") return "n/a";
  return `${DORA_PAYBACK_NOT_DEFINED}: ${noDoraValueWords(horizonMonths)}`;
}

const DORA_PAYBACK_NOT_DEFINED = "not defined";

/** Why DORA's payback is not defined: "no value over the 12 months", "no value in the plan's one month". */
function noDoraValueWords(horizonMonths: number): string {
  return `no value ${horizonMonths === 1 ? "in" : "over"} ${theMonths(horizonMonths)}`;
}

/** The mark of a table cell whose words are given in full in a note under the table. */
export const SEE_NOTE_MARK = "*";

/**
 * DORA's payback where it is not defined (`doraPaybackWords`), for a table that its full words would
 * make wider than a terminal reads (`run`'s "DORA's way"): the cell says "not defined" and a mark,
 * the note under the table says why, as the words do. Undefined when the payback is not "not defined".
 * @example doraPaybackWithNote({ investment: 500, value: 0 }, 1) // { cell: "not defined *", note: "* not defined: no value in the plan's one month" }
 */
export function doraPaybackWithNote(figures: Pick<DoraFigures, "investment" | "value">, horizonMonths: number): { cell: string; note: string } | undefined {
  if (doraPaybackMissing(figures) !== "no value") return undefined;
  return {
    cell: `${DORA_PAYBACK_NOT_DEFINED} ${SEE_NOTE_MARK}`,
    note: `${SEE_NOTE_MARK} ${doraPaybackWords(figures, horizonMonths)!}`,
  };
}

/**
 * What every view says of the built-in prices a case in another currency takes unconverted: `run`'s
 * warning, the report's appendix, the workbook's catalogue heading, `optimize` and the web app's
 * Capabilities tab. The engine decides which prices (unconvertedBuiltInPrices, or a result's
 * `unconvertedBuiltInPrices`) and writes the sentence beside its own warning (builtInPricesSentence,
 * since the engine imports nothing above it); views take it from here. `undefined` when none.
 * @example builtInPricesWords("USD", [{ capability: "scheduling", cost: "monthlyCost", value: 300 }])
 * // "The built-in catalogue's prices are stated in EUR, but this case is in USD: they are taken as written, unconverted, as USD (scheduling 300 a month); give your own prices in USD under catalogue: in the file (catalogue.scheduling.monthlyCost)."
 */
export function builtInPricesWords(currency: string, prices: readonly BuiltInPrice[] | undefined): string | undefined {
  return builtInPricesSentence(currency, prices ?? []);
}

/**
 * An option's name where it is said to use an input, marked when it reads that input only in its months
 * before its change is in place (today's way; docs/numbers.md).
 * @example usedByName("Managed platform", true) // "Managed platform (before its change)"
 */
export function usedByName(name: string, onlyBeforeChange: boolean): string {
  return onlyBeforeChange ? `${name} (before its change)` : name;
}

/**
 * Said after "Today and all 3 options" when some of them read the input only before their change is
 * in place (their names as the view writes them).
 * @example onlyBeforeChangeAside(["Open source", "Managed"]) // "Open source and Managed only before their change"
 */
export function onlyBeforeChangeAside(names: readonly string[]): string {
  return `${listInWords(names)} only before ${names.length === 1 ? "its" : "their"} change`;
}

/**
 * What a payback month in a column is counted in: months of the plan from its month 1 (not from when the
 * change starts), the gain so far not discounted (docs/numbers.md, "Payback month").
 * @example `Pays back (${PAYBACK_MONTH_BASIS})` // "Pays back (month of the plan, undiscounted)"
 */
export const PAYBACK_MONTH_BASIS = "month of the plan, undiscounted";

/** Cash in a column as it is paid, not in today's money: "First-year cash (undiscounted)". */
export const CASH_AS_PAID = "undiscounted";

/** The case's own figures where it has ranges, after what they say: "… does not pay back within 12 months with every range at its middle". */
export const AT_THE_MIDDLE = "every range at its middle";

/**
 * Where `optimize` ranks by a figure over the draws (the median NPV, the chance of paying back), the
 * convention of every figure it gives beside it, and `sensitivity`'s base: the case run once with every
 * range at its middle, the figures `run`, page 1 and the web app give (docs/commands.md, `optimize`), so
 * said in their words. "NPV against today with every range at its middle", "Adds to NPV with every range at its middle".
 */
export const WITH_EVERY_RANGE_AT_ITS_MIDDLE = `with ${AT_THE_MIDDLE}`;

/**
 * A sentence stating the case's own figures as fact, qualified when the case has ranges: those
 * figures (`npv`, `paybackMonth`, …) hold with every range at its middle, and some outcomes differ
 * (docs/numbers.md, "Ranges"). The sentence must start with a word that is not a name ("It", "None").
 * @example atTheMiddle("It never costs more than it brings back.", true) // "With every range at its middle, it never costs more than it brings back."
 * @example atTheMiddle("It never costs more than it brings back.", false) // "It never costs more than it brings back."
 */
export function atTheMiddle(sentence: string, ranges: boolean): string {
  return ranges ? `With ${AT_THE_MIDDLE}, ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}` : sentence;
}

/**
 * Under a table of the case's own figures (`run`'s first table, the report's options), where the case
 * has ranges: its figures hold with every range at its middle, not in every outcome (docs/numbers.md,
 * "Ranges"). Without the full stop, so that a view can say where their ranges are.
 */
export const TABLE_AT_THE_MIDDLE = `With ranges in the file, every figure in this table is that of ${AT_THE_MIDDLE}`;

/**
 * Whether a case has inputs given as a range, sampled or not: its own figures (`npv`, `paybackMonth`,
 * …) are then those of every range at its middle (docs/numbers.md, "Ranges").
 */
export function hasRanges(result: { assumptions: readonly { range?: unknown }[] }): boolean {
  return result.assumptions.some((assumption) => assumption.range);
}

/**
 * Said after what a view shows of the case's own figures (a chart's lines or amounts, a table) where the
 * case has ranges, sampled or not (`hasRanges`): they are those of every range at its middle, as
 * `atTheMiddle` qualifies a sentence (docs/numbers.md, "Ranges"). Starts with a space; empty without ranges.
 * @example figuresAtTheMiddle(true) // " The figures are those with every range at its middle."
 * @example figuresAtTheMiddle(true, "The amounts") // " The amounts are those with every range at its middle."
 * @example figuresAtTheMiddle(false) // ""
 */
export function figuresAtTheMiddle(ranges: boolean, subject = "The figures"): string {
  return ranges ? ` ${thoseAtTheMiddle(subject)}.` : "";
}

/** "The lines are those with every range at its middle": `figuresAtTheMiddle`'s words, without the full stop. */
function thoseAtTheMiddle(subject: string): string {
  return `${subject} are those with ${AT_THE_MIDDLE}`;
}

/**
 * Said first above "What to ask for first" (the report's section, the web app's tables) when page 1
 * advises not to go ahead (its verdict "stay"): nothing there is asked for.
 */
export const ADOPTION_STAY_OPENING = "Page 1 advises not to go ahead as planned, so nothing here is a request for approval.";

/**
 * Which option an order of adoption ("What to ask for first") is for, said before it when that option
 * is not the best one (`recommend`'s best), in the words of the report's section and of the web app's
 * tables: the best is "the recommended" one where page 1 recommends going ahead with it (not in a close
 * call), else the one with the highest net gain. `option` and `best` come quoted (and escaped for HTML
 * by the report); `bestOfTheOrders` says whether `option` gains the most of the options with an order.
 * With a space after it.
 * @example adoptionOrderFor("“Four capabilities first”", "“A managed platform”", true, true) // "This order is for “Four capabilities first”, the best option built from improvements one can ask for one by one; it is not the recommended “A managed platform”. "
 */
export function adoptionOrderFor(option: string, best: string, bestIsRecommended: boolean, bestOfTheOrders: boolean): string {
  const which = bestOfTheOrders
    ? "the best option built from improvements one can ask for one by one"
    : "an option built from improvements one can ask for one by one";
  return `This order is for ${option}, ${which}; it is not ${bestIsRecommended ? `the recommended ${best}` : `${best}, the option with the highest net gain`}. `;
}

/**
 * The payback figure of an option that changes nothing against the baseline (the JSON's
 * `changesNothing`): in a card's figure or a table's cell, where another option's month goes. Its
 * `paybackMonth` is 0 by the rule (never below zero), which "from the start" would word as a payback.
 */
export const NOTHING_TO_PAY_BACK = "nothing to pay back";

/**
 * An option's payback figure, as the cards and tables of every view give it (page 1's payback card,
 * the report's table of options, `run`'s tables, the web app's option cards): the month
 * (`formatPaybackMonth`), or `NOTHING_TO_PAY_BACK` for an option that changes nothing
 * (`changesNothing`, with the ranges' samples where the view has them: `optionChangesNothing`).
 * @example paybackFigure({ paybackMonth: 12, changesNothing: false }, 36) // "month 12"
 * @example paybackFigure({ paybackMonth: 0, changesNothing: true }, 36) // "nothing to pay back"
 * @example paybackFigure({ paybackMonth: null, changesNothing: false }, 36) // "not within 36 months"
 */
export function paybackFigure(comparison: { readonly paybackMonth: number | null; readonly changesNothing?: boolean }, horizonMonths: number): string {
  return comparison.changesNothing === true ? NOTHING_TO_PAY_BACK : formatPaybackMonth(comparison.paybackMonth, horizonMonths);
}

/**
 * What an option that changes nothing against the baseline is (`changesNothing`: its net is zero in
 * every month, and in every sample of its ranges), said instead of a payback, its range and its chance
 * (page 1's payback card, the web app's option card; docs/numbers.md, "An option that changes nothing"):
 * it costs nothing and brings nothing back, which is no payback.
 * @example changesNothingWords("Today") // "It changes nothing against “Today”: no cost and no gain, so there is nothing to pay back."
 */
export function changesNothingWords(baseline: string): string {
  return `It changes nothing against “${baseline}”: no cost and no gain, so there is nothing to pay back.`;
}

/**
 * What a payback month of none (`null`) or from the start (0) means, in the words of page 1's card and
 * of the web app's option cards: qualified when the case has ranges (`atTheMiddle`), where the chance
 * that it pays back may say otherwise. `undefined` for a payback month after the start.
 * @example paybackMeaningAtTheMiddle(null, true) // "With every range at its middle, it has still not earned back what it cost by the end of the plan."
 * @example paybackMeaningAtTheMiddle(0, false) // "It never costs more than it brings back."
 */
export function paybackMeaningAtTheMiddle(paybackMonth: number | null, ranges: boolean): string | undefined {
  if (paybackMonth === null) return atTheMiddle("It has still not earned back what it cost by the end of the plan.", ranges);
  if (paybackMonth === 0) return atTheMiddle("It never costs more than it brings back.", ranges);
  return undefined;
}

/**
 * What page 1's payback card says its month is, under the month: where the case has ranges, the month
 * of every range at its middle (`paybackMonth`), not a fact every outcome shares; `paybackRangeWords`
 * then says where the outcomes' months fall. The gain so far is not discounted (docs/numbers.md,
 * "Payback month"): said where the case discounts, beside a net gain in today's money that may be a loss.
 * @example paybackMonthMeaning(true, 0.08) // "the month the gain so far, not discounted, turns positive for good, with every range at its middle"
 * @example paybackMonthMeaning(false, 0) // "the month the gain so far turns positive for good"
 */
export function paybackMonthMeaning(ranges: boolean, discountRate: number): string {
  return `the month the gain so far${discountRate === 0 ? "" : ", not discounted,"} turns positive for good${ranges ? `, with ${AT_THE_MIDDLE}` : ""}`;
}

/**
 * Where an option's payback month falls in 9 outcomes out of 10 (P5 to P95 of the samples' payback
 * months, the JSON's `distribution.paybackMonth`), in the words of page 1's payback card and of the web
 * app's option card, after the month with every range at its middle. A percentile between two months is
 * rounded to the nearer, as `run`'s "Pays back, 90% range" writes it; P95 `null` means more than 1 outcome
 * in 20 does not pay back within the plan, which is said (docs/numbers.md, "Uncertainty"). `undefined`
 * when P5 is `null` too: the outcomes that pay back are then too few for a range, and the chance that it
 * pays back, said beside it, says how few.
 * @example paybackRangeWords({ p5: 11, p95: 13 }, 36) // "In 9 outcomes out of 10, it pays back between month 11 and month 13."
 * @example paybackRangeWords({ p5: 30, p95: null }, 36) // "In 9 outcomes out of 10, it pays back in month 30 at the earliest, or not within 36 months."
 */
export function paybackRangeWords(
  payback: { readonly p5: number | null; readonly p95: number | null },
  horizonMonths: number,
  /** Wraps each end said ("month 11"), as page 1 marks its figures; as it is by default. */
  end: (which: "low" | "high", text: string) => string = (_, text) => text,
): string | undefined {
  if (payback.p5 === null) return undefined;
  const low = Math.round(payback.p5);
  const within = `within ${plural(horizonMonths, "month")}`;
  const inNine = `In ${NINE_IN_TEN_OUTCOMES},`;
  if (payback.p95 === null)
    return low === 0
      ? `${inNine} it ranges from never costing more than it brings back to not paying back ${within}.`
      : `${inNine} it pays back in ${end("low", formatMonth(low))} at the earliest, or not ${within}.`;
  const high = Math.round(payback.p95);
  if (high === 0) return `${inNine} it never costs more than it brings back.`;
  if (low === 0) return `${inNine} it pays back by ${end("high", formatMonth(high))} at the latest; in some, it never costs more than it brings back.`;
  return low === high
    ? `${inNine} it pays back in ${end("low", formatMonth(low))}.`
    : `${inNine} it pays back between ${end("low", formatMonth(low))} and ${end("high", formatMonth(high))}.`;
}

/**
 * `paybackRangeWords` for a table cell: the payback month's P5 to P95, each rounded to the nearer
 * month, an end beyond the plan "not within 36 months" (`formatPaybackMonth`), one month once.
 * @example paybackRangeCell({ p5: 11, p95: 13 }, 36) // "month 11 to month 13" ; paybackRangeCell({ p5: 4, p95: null }, 12) // "month 4 to not within 12 months"
 */
export function paybackRangeCell(payback: { readonly p5: number | null; readonly p95: number | null }, horizonMonths: number): string {
  const end = (value: number | null) => formatPaybackMonth(value === null ? null : Math.round(value), horizonMonths);
  return end(payback.p5) === end(payback.p95) ? end(payback.p5) : `${end(payback.p5)} to ${end(payback.p95)}`;
}

/**
 * What the gain chart (cumulative net per option, against today) marks and what its lines and band
 * are, after the sentence saying what its lines show, in the words of the report's "When the money
 * comes back" and of the web app's chart: the payback month marked for good, or that none is (each said
 * with every range at its middle where the case has ranges: the outcomes' months differ, and some may
 * pay back where the middle does not), then, where the case has ranges, sampled or not, that the lines
 * are those of every range at its middle, and, where they were sampled, that the shaded band is where 9
 * outcomes out of 10 fall (its middle need not be the line's: docs/numbers.md, "Ranges"). Each sentence
 * starts with a space.
 * @example gainChartMarks([null], 12, "sampled") // " With every range at its middle, it does not pay back within the 12 months, so no month is marked. The lines are those with every range at its middle; each shaded band is where 9 outcomes out of 10 fall."
 * @example gainChartMarks([4], 12, "notSampled") // " The dashed line marks the month it pays back for good. The lines and the month marked are those with every range at its middle."
 */
export function gainChartMarks(paybacks: readonly (number | null)[], horizonMonths: number, ranges: "sampled" | "notSampled" | "none"): string {
  const ranged = ranges !== "none";
  const anyMarked = paybacks.some((month) => month !== null && month > 0);
  // With ranges, the month marked is that of every range at its middle, as the lines are: said once, of both.
  const subject = ranged && anyMarked ? "The lines and the month marked" : "The lines";
  const band =
    ranges === "sampled"
      ? ` ${thoseAtTheMiddle(subject)}; each shaded band is where ${NINE_IN_TEN_OUTCOMES} fall.`
      : ranges === "notSampled"
        ? figuresAtTheMiddle(true, subject)
        : " The lines are single estimates, with no range around them yet.";
  // The chart marks a payback month only where a line dips below zero and then stays above it.
  const within = `within ${theMonths(horizonMonths)}`;
  const marked = anyMarked
    ? ` The dashed line marks the month it pays back for good${paybacks.some((month) => month === null) ? `; an option without one does not pay back ${within}` : ""}.`
    : paybacks.every((month) => month === null)
      ? ` ${atTheMiddle(`${paybacks.length === 1 ? "It does not pay back" : "None of the options pays back"} ${within}, so no month is marked.`, ranged)}`
      : "";
  return `${marked}${band}`;
}

/** How page 1 says a 90% range (P5 to P95 over the samples): "9 outcomes out of 10". */
export const NINE_IN_TEN_OUTCOMES = "9 outcomes out of 10";

/** A 90% range's label in a table cell, short for `NINE_IN_TEN_OUTCOMES` (a note under the table says so). */
export const NINE_IN_TEN_SHORT = "9 in 10";

/**
 * The note under a table that writes the net gain's 90% range in brackets beside it (page 1's close
 * call), in the words page 1's "How sure are we?" uses for the same range.
 * @example netGainRangeNote() // "In brackets: where the net gain falls in 9 outcomes out of 10."
 */
export function netGainRangeNote(): string {
  return `In brackets: where the net gain falls in ${NINE_IN_TEN_OUTCOMES}.`;
}

/**
 * The note under page 1's close-call table on its payback months, where the ranges were sampled: each
 * is the month with every range at its middle (the JSON's `paybackMonth`), while the chance beside it
 * counts every outcome (its header says so). One line with `netGainRangeNote`, for page 1's room. (A range of months under each month made a close call of long labels push
 * "How sure are we?" off page 1; the payback card gives the recommended option's.)
 */
export const TRADE_OFF_PAYBACK_NOTE = `Pays back: with ${AT_THE_MIDDLE}.`;

/**
 * How the change's team hours are priced, in a reader's words (docs/numbers.md, "The change's hours
 * have one price: what they displace"): hours bought or taken from building at an hour's full cost,
 * hours that would have been idle at the capture share of it, as page 1's "worth €…" counts them.
 * It follows its subject, "Team time on the change" (the report's method note sets that in bold).
 * @example changeHoursPriceWords(0.5) // "is priced at what it displaces: an hour the team would have spent building, or has to buy, at the full cost of an hour of its time; an hour it would have left idle at 50% of that cost, as freed hours count."
 */
export function changeHoursPriceWords(captureShare: number): string {
  return `is priced at what it displaces: an hour the team would have spent building, or has to buy, at the full cost of an hour of its time; an hour it would have left idle at ${formatShare(captureShare)} of that cost, as freed hours count.`;
}

/**
 * How the case discounts, in the report's words (plain text). At a rate of 0% (the DORA calculator's)
 * nothing is discounted, whatever the convention, and the words say so rather than "discounted at 0%".
 * @example discountingWords({ discountRate: 0.08, discounting: "monthly" }) // "each month's money is discounted at 8% a year"
 * @example discountingWords({ discountRate: 0, discounting: "yearEnd" }) // "money is not discounted (the case's rate is 0% a year), so money later counts as much as money now"
 */
export function discountingWords(result: Pick<CaseResult, "discountRate" | "discounting">): string {
  // The file's rate as given, to a hundredth of a percent: 3.5% is not "4%", 8.25% not "8.3%".
  const rate = formatShare(result.discountRate);
  if (result.discountRate === 0) return `money is not discounted (the case's rate is ${rate} a year), so money later counts as much as money now`;
  switch (result.discounting) {
    case "yearEnd":
      return `each year's money is discounted at ${rate} a year as if it all came at the end of that year`;
    case "midYear":
      return `each year's money is discounted at ${rate} a year as if it all came in the middle of that year`;
    default:
      return `each month's money is discounted at ${rate} a year`;
  }
}

/**
 * How cash paid for a change is counted in the net gain (docs/numbers.md, "Investment": at time 0 when
 * the change starts in month 1, else at the end of the month before it starts, discounted with that
 * month). The report's table of the options and its appendix both say it, with these words; `later`:
 * some option pays its cash in a later month; `where` says where the table shows that month. At a rate
 * of 0% nothing is discounted, and only the first clause is said.
 * @example cashTimingWords(0.08, true) // "cash paid at the start counts in full; cash paid in a later month is discounted with that month"
 * @example cashTimingWords(0.08, true, "in brackets under “Up front”") // "cash paid at the start counts in full; cash paid in a later month (in brackets under “Up front”) is discounted with that month"
 */
export function cashTimingWords(discountRate: number, later: boolean, where?: string): string {
  const start = "cash paid at the start counts in full";
  if (!later || discountRate === 0) return start;
  return `${start}; cash paid in a later month${where ? ` (${where})` : ""} is discounted with that month`;
}

/**
 * When an option pays back (the JSON's `paybackMonth`, docs/numbers.md "Payback month": the first month
 * from which the cumulative net stays ≥ 0 to the end of the plan), in the words the report's table of
 * the options and its appendix both use. The gain so far is counted as paid, not discounted: a payback
 * month may stand beside a net gain in today's money that is a loss.
 * @example paybackRuleWords() // "the first month from which the gain so far, not discounted, stays at or above zero to the end of the plan"
 */
export function paybackRuleWords(): string {
  return "the first month from which the gain so far, not discounted, stays at or above zero to the end of the plan";
}

/**
 * What the return on cost divides by (the JSON's `presentValueOfCosts`; docs/numbers.md, "ROI"): month by
 * month, every cost by which the option spends more than today, the team time its change takes, and its
 * extra cash up front; in today's money unless the rate is 0%. It follows "the net gain divided by".
 * @example returnOnCostDivisorWords(0.08) // "what the option costs more than today, in today's money: each month, every running cost by which it spends more than today (licences, infrastructure, support staff, training, hours bought in and the like), the team time it takes to make the change, and its extra cash up front"
 */
export function returnOnCostDivisorWords(discountRate: number): string {
  return `what the option costs more than today${inTodaysMoney(discountRate, ", ")}: each month, every running cost by which it spends more than today (licences, infrastructure, support staff, training, hours bought in and the like), the team time it takes to make the change, and its extra cash up front`;
}

/** One option's cost of making the change: on the bar of "Where the gain comes from", and in all, as page 1 says it. */
export interface ChangeCostFigures {
  /** The option's name as the view writes it. */
  readonly name: string;
  /** −`benefitByCategory.change`: the change's hours at the full cost of an hour, with its cash. */
  readonly bar: string;
  /** `investment.total`: the cash and the hours at what they displace. */
  readonly total: string;
  /** `investment.cash`, when there is some. */
  readonly cash?: string;
  /** `investment.teamHours`, with its unit ("212 hours"). */
  readonly hours: string;
  /** `investment.teamHoursCost`. */
  readonly hoursWorth: string;
}

/**
 * Under the chart of where the gain comes from, why its bar "Cost of making the change" is bigger than
 * what page 1 says the change costs (docs/numbers.md, "The change's hours have one price: what they
 * displace"): the bar (the JSON's `benefitByCategory.change`) counts every hour of the change at the full
 * cost of an hour, and the part of an idle hour's cost that page 1 does not count comes back in the bar
 * "Freed hours not counted as gain" (`unusedCapacity`), so that together they make `investment.total`.
 * @example changeBarWords(0.5, [{ name: "“Managed”", bar: "€14,200", total: "€12,400", cash: "€1,500", hours: "212 hours", hoursWorth: "€10,900" }])
 * // "“Cost of making the change” counts every hour of the change at the full cost of an hour of the team's time. Page 1 counts an hour the team would have left idle at 50% of that cost, as freed hours count; the rest comes back in “Freed hours not counted as gain”. So in all the change costs €12,400 for “Managed” (€1,500 up front and 212 hours of the team's time, worth €10,900), not the bar's €14,200."
 */
export function changeBarWords(captureShare: number, options: readonly ChangeCostFigures[], counts = "Page 1 counts"): string {
  const each = options.map((option) => {
    const parts = `${option.cash ? `${option.cash} up front and ` : ""}${option.hours} of the team's time, worth ${option.hoursWorth}`;
    return `${option.total} for ${option.name} (${parts}), not the bar's ${option.bar}`;
  });
  return `${changeHoursRuleWords(formatShare(captureShare), counts)} So in all the change costs ${each.join("; ")}.`;
}

/**
 * `changeBarWords`' rule without the options' figures, for a view whose figures are live formulas (the
 * workbook's Summary, beside its rows "Cost of making the change" and "What those hours cost, at what
 * they displace"): `share` is the capture share as the view writes it ("50%"), `counts` who counts the
 * idle hours at it ("Page 1 counts").
 * @example changeHoursRuleWords("50%", "Page 1 counts") // "“Cost of making the change” counts every hour of the change at the full cost of an hour of the team's time. Page 1 counts an hour the team would have left idle at 50% of that cost, as freed hours count; the rest comes back in “Freed hours not counted as gain”."
 */
export function changeHoursRuleWords(share: string, counts: string): string {
  const labels = benefitCategoryLabels;
  return `“${labels.change}” counts every hour of the change at the full cost of an hour of the team's time. ${counts} an hour the team would have left idle at ${share} of that cost, as freed hours count; the rest comes back in “${labels.unusedCapacity}”.`;
}

/** How a view writes the figures and names of the chart of where the gain comes from (`benefitChartCaption`). */
export interface BenefitCaptionWriting {
  /** Money as the view writes it (the report to three significant figures, the web app to the unit). */
  readonly money: (value: number) => string;
  /** Team hours with their unit ("212 hours"). */
  readonly hours: (value: number) => string;
  /** An option's name in running text, in quotes. */
  readonly name: (alternative: string) => string;
  /** Who counts the change's idle hours at the capture share: "Page 1 counts" in the report, "What the change costs in all counts" in the web app, whose cards show the cash and hours but not their worth. */
  readonly counts?: string;
}

/**
 * The caption under the chart of where the gain comes from, as the report and the web app both give it
 * (docs/numbers.md, "The change's hours have one price: what they displace"): the bars are totals over
 * the plan, not discounted; with ranges, those of every range at its middle; freed hours not put to new
 * work count at the capture share; and, for each option whose bar "Cost of making the change"
 * (−`benefitByCategory.change`) and cost in all (`investment.total`) read differently as the view writes
 * them, `changeBarWords`. Plain text: the report escapes what `write` returns.
 * @example benefitChartCaption(soloResult, { money: (v) => formatMoney(v, "EUR"), hours: formatHours, name: (a) => `“${a}”` }) // "Bars to the right are gains against today, … So in all the change costs €12,400 for “managed” (…), not the bar's €14,200."
 */
export function benefitChartCaption(
  result: {
    readonly horizonMonths: number;
    readonly freedHoursCaptureShare: number;
    readonly assumptions: readonly { range?: unknown }[];
    readonly comparisons: Readonly<
      Record<
        string,
        {
          readonly alternative: string;
          readonly benefitByCategory: { readonly change: number; readonly unusedCapacity: number };
          readonly investment: { readonly total: number; readonly cash: number; readonly teamHours: number; readonly teamHoursCost: number };
        }
      >
    >;
  },
  write: BenefitCaptionWriting,
): string {
  const comparisons = Object.values(result.comparisons);
  const unused = comparisons.some((comparison) => Math.abs(comparison.benefitByCategory.unusedCapacity) >= 0.5);
  const capture = unused
    ? ` Freed hours that are not put to new work count at ${formatShare(result.freedHoursCaptureShare)} of their cost. That is why part of the saving is taken back.`
    : "";
  const differing = comparisons.filter(
    (comparison) => comparison.investment.total > 0 && write.money(-comparison.benefitByCategory.change) !== write.money(comparison.investment.total),
  );
  const options = differing.map((comparison): ChangeCostFigures => {
    const { investment } = comparison;
    const cash = investment.cash > 0 && write.money(investment.cash) !== write.money(0) ? write.money(investment.cash) : undefined;
    return {
      name: write.name(comparison.alternative),
      bar: write.money(-comparison.benefitByCategory.change),
      total: write.money(investment.total),
      ...(cash ? { cash } : {}),
      hours: write.hours(investment.teamHours),
      hoursWorth: write.money(investment.teamHoursCost),
    };
  });
  const change = options.length > 0 ? ` ${changeBarWords(result.freedHoursCaptureShare, options, write.counts)}` : "";
  return `Bars to the right are gains against today, and bars to the left are costs. The amounts are totals over ${theMonths(result.horizonMonths)}, before money is valued over time.${figuresAtTheMiddle(hasRanges(result), "They")}${capture}${change}`;
}
