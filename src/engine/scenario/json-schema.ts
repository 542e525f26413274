import { z } from "zod";
import { caseSchema } from "./schema.js";

/**
 * The JSON Schema of the scenario file, generated from the same definition that validates it, so
 * editors complete and check files exactly as the tool does.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(caseSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any", reused: "ref" }) as Record<string, unknown>;
  return { ...schema, $id: "https://mlops-roi.dev/schema/scenario.schema.json" };
}
