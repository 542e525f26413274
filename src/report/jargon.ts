/**
 * Words a decision-maker should not meet in the main text of the report (docs/commands.md, `report`): the trade's
 * vocabulary and the names of tools. Tools, where they matter, belong in the appendix.
 */
export const forbiddenWords: readonly string[] = [
  // The trade's vocabulary.
  "MLOps",
  "DevOps",
  "DataOps",
  "CI/CD",
  "CI",
  "CD",
  "pipeline",
  "pipelines",
  "DAG",
  "DAGs",
  "orchestration",
  "orchestrator",
  "container",
  "containers",
  "containerised",
  "containerized",
  "Kubernetes",
  "K8s",
  "ETL",
  "ELT",
  "API",
  "APIs",
  "YAML",
  "JSON",
  "SDK",
  "microservice",
  "microservices",
  "repo",
  "repository",
  "deployment",
  "deployments",
  "inference",
  "hyperparameter",
  "hyperparameters",
  "feature store",
  "model registry",
  "data lake",
  "lakehouse",
  "serverless",
  // Tools.
  "Docker",
  "Helm",
  "Terraform",
  "Ansible",
  "Jenkins",
  "GitHub",
  "GitLab",
  "Bitbucket",
  "Git",
  "Airflow",
  "Kubeflow",
  "MLflow",
  "Prefect",
  "Dagster",
  "Argo",
  "DVC",
  "Feast",
  "SageMaker",
  "Vertex AI",
  "Azure ML",
  "Databricks",
  "Snowflake",
  "Spark",
  "dbt",
  "Jupyter",
  "Weights & Biases",
  "W&B",
  "Prometheus",
  "Grafana",
  "Seldon",
  "BentoML",
  "Ray",
  "Kafka",
  "Python",
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// Whole words only, so "capital" never matches "API" and "Raymond" never matches "Ray".
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...forbiddenWords]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);

// Short capitalised abbreviations are words only in capitals ("CD" yes, "cd" in "a cd" is not ours to judge).
const caseSensitive = new Set(["CI", "CD", "Ray", "Spark", "Helm", "Argo", "Feast", "Git", "dbt"]);

/**
 * The forbidden words found in a text, in order, each once.
 * @example findJargon("Our MLOps pipeline") // ["MLOps", "pipeline"]
 */
export function findJargon(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(pattern)) {
    const word = match[0];
    const listed = forbiddenWords.find((candidate) => candidate.toLowerCase() === word.toLowerCase())!;
    if (caseSensitive.has(listed) && word !== listed) continue;
    if (!found.includes(listed)) found.push(listed);
  }
  return found;
}
