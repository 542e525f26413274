import type { inputsShape } from "../../../src/engine/index.js";
import { inputGroups, type Field } from "./field-tree.js";

type GroupKey = keyof typeof inputsShape;

/** The editor's sections, in the order of the cost framework (docs/scenario-file.md). */
const sectionPlan: readonly { title: string; blurb: string; groups: readonly GroupKey[] }[] = [
  { title: "The team", blurb: "How many people, the hours they have for projects and what an hour costs.", groups: ["team"] },
  {
    title: "1 · One-off costs",
    blurb: "Paid once when the change starts: set-up hours, learning, outside spending and the dip while people adapt.",
    groups: ["change"],
  },
  {
    title: "2 · Monthly costs",
    blurb: "Costs with no end in sight: chores, waiting for jobs, meetings and hand-offs, tools and computing.",
    groups: ["manualTasks", "waiting", "meetings", "tooling"],
  },
  { title: "3 · Projects and their upkeep", blurb: "Every live project needs hours each month; this adds up with every release.", groups: ["projects"] },
  { title: "4 · Failures and outages", blurb: "Changes that fail, the outage they cause and the hours to fix them.", groups: ["breakage"] },
  { title: "5 · People leaving", blurb: "Hiring, empty seats, newcomers getting up to speed and knowledge that walks out.", groups: ["turnover"] },
  { title: "6 · Time to market", blurb: "When projects are released, and the free hours needed to start new work.", groups: ["releases"] },
];

/** Titles of input groups as a reader would name them. */
export const groupTitles: Readonly<Record<string, string>> = {
  team: "Team",
  salary: "Hourly cost worked out from salary",
  change: "Making the change",
  external: "Cash paid once, when the change starts",
  manualTasks: "Manual chores",
  waiting: "Waiting for jobs to run",
  meetings: "Meetings and hand-offs",
  tooling: "Tools, support and training",
  licences: "Licences",
  infrastructure: "Computing",
  supportStaff: "Support staff",
  projects: "Projects",
  breakage: "Failures and outages",
  turnover: "People leaving",
  releases: "Releases",
};

export interface InputSection {
  readonly title: string;
  readonly blurb: string;
  readonly groups: readonly Field[];
}

/**
 * The input groups arranged in sections. A group the plan does not name (a new one in the schema)
 * lands in "Other inputs", so no input is ever left out of the editor.
 */
export const inputSections: readonly InputSection[] = (() => {
  const placed = new Set<string>(sectionPlan.flatMap((section) => section.groups));
  const byKey = new Map(inputGroups.map((group) => [group.key, group]));
  const sections: InputSection[] = sectionPlan.map((section) => ({
    title: section.title,
    blurb: section.blurb,
    groups: section.groups.flatMap((key) => byKey.get(key) ?? []),
  }));
  const others = inputGroups.filter((group) => !placed.has(group.key));
  if (others.length > 0) sections.push({ title: "Other inputs", blurb: "", groups: others });
  return sections;
})();
