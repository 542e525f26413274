import { describe, expect, it } from "vitest";
import { findJargon, forbiddenWords } from "./jargon.js";

describe("findJargon", () => {
  it("finds the words the brief names, in any case", () => {
    expect(findJargon("Our mlops Pipeline runs on Kubernetes with CI/CD and a DAG.")).toEqual(["MLOps", "pipeline", "Kubernetes", "CI/CD", "DAG"]);
    expect(findJargon("orchestration, containers, ETL, the API, YAML and JSON")).toEqual(["orchestration", "containers", "ETL", "API", "YAML", "JSON"]);
  });
  it("finds tool names", () => {
    expect(findJargon("We would buy MLflow and run Airflow.")).toEqual(["MLflow", "Airflow"]);
  });
  it("matches whole words only", () => {
    expect(findJargon("The capital we ask for pays back; a spark of hope; Raymond approves.")).toEqual([]);
    expect(findJargon("Tools that keep things running")).toEqual([]);
  });
  it("treats short abbreviations as words only in capitals", () => {
    expect(findJargon("a cd of music")).toEqual([]);
    expect(findJargon("CI runs")).toEqual(["CI"]);
  });
  it("lists every word the issue names", () => {
    for (const word of ["MLOps", "DevOps", "CI/CD", "pipeline", "DAG", "orchestration", "container", "Kubernetes", "ETL", "API", "YAML", "JSON"]) {
      expect(forbiddenWords).toContain(word);
    }
  });
});
