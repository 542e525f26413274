import enterprise from "../../../examples/enterprise.yaml?raw";
import seed from "../../../examples/seed.yaml?raw";
import solo from "../../../examples/solo.yaml?raw";
import team from "../../../examples/team.yaml?raw";

/**
 * The templates `mlops-roi init` writes (the YAML files in examples/), read into the page when it
 * is built: a page with no server behind it starts cases from these.
 */
export const bundledTemplates: Readonly<Record<string, string>> = { seed, solo, team, enterprise };

export const bundledTemplateNames: readonly string[] = Object.keys(bundledTemplates);
