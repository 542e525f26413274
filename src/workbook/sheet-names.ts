/** The workbook's sheets, in the order a reader meets them. Import finds sheets by these names. */
export const sheetNames = {
  summary: "Summary",
  assumptions: "Assumptions",
  maintenance: "Maintenance over time",
  /** Only when the case has ranges: the Monte Carlo's results as values. */
  distribution: "Distribution snapshot",
  simulation: "Simulation",
  comparison: "Comparison",
  inputs: "Inputs by scenario",
  /** Hidden: the scenario file's text, so import can rebuild it with comments and structure intact. */
  caseFile: "Case",
} as const;
