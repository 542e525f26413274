/**
 * The store's schema, one migration per version. A migration is never edited once released: a
 * change is a new migration, so every store can be brought up to date from any earlier version.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const measureColumns = `
  manualHours REAL CHECK (manualHours >= 0),
  waitingHours REAL CHECK (waitingHours >= 0),
  meetingHours REAL CHECK (meetingHours >= 0),
  breakageFixHours REAL CHECK (breakageFixHours >= 0),
  upkeepHours REAL CHECK (upkeepHours >= 0),
  buildHours REAL CHECK (buildHours >= 0),
  setupHours REAL CHECK (setupHours >= 0),
  availableHours REAL CHECK (availableHours >= 0),
  liveProjects INTEGER CHECK (liveProjects >= 0),
  releases INTEGER CHECK (releases >= 0),
  incidents INTEGER CHECK (incidents >= 0),
  hoursToRestore REAL CHECK (hoursToRestore >= 0),
  licences REAL CHECK (licences >= 0),
  infrastructure REAL CHECK (infrastructure >= 0),
  externalSpend REAL CHECK (externalSpend >= 0),
  peopleJoined INTEGER CHECK (peopleJoined >= 0),
  peopleLeft INTEGER CHECK (peopleLeft >= 0),
  activeUsersPerWeek INTEGER CHECK (activeUsersPerWeek >= 0),
  satisfactionScore REAL CHECK (satisfactionScore BETWEEN 0 AND 100),
  deployments INTEGER CHECK (deployments >= 0),
  daysFromIdeaToLive REAL CHECK (daysFromIdeaToLive >= 0),`;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "plans, actuals and imports",
    sql: `
CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  team TEXT NOT NULL,
  scenario TEXT NOT NULL,
  baseline TEXT NOT NULL,
  file_name TEXT NOT NULL,
  scenario_text TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  frozen_at TEXT NOT NULL,
  start_month TEXT,
  horizon_months INTEGER NOT NULL CHECK (horizon_months >= 1),
  currency TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  result_json TEXT NOT NULL,
  rules_json TEXT NOT NULL,
  superseded_at TEXT
);
-- One current plan per team; replaced plans stay as history.
CREATE UNIQUE INDEX plans_current_per_team ON plans (team) WHERE superseded_at IS NULL;

CREATE TABLE actuals (
  team TEXT NOT NULL,
  month INTEGER NOT NULL CHECK (month >= 1),
${measureColumns}
  note TEXT,
  source TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (team, month)
) WITHOUT ROWID;

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL,
  replaced INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
`,
  },
];

/** The newest schema version this build of mlops-roi knows. */
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
