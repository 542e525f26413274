import type { MoneyRules } from "../engine/index.js";
import type { FrozenPlan, StoredPlan } from "../shared/tracking-types.js";

/** Defined with the other plan-versus-actual types, which the views read without the store. */
export type { FrozenPlan, StoredPlan };

/**
 * The numbers of the approved scenario that turn recorded actuals into money: the engine's
 * (docs/numbers.md), kept with the plan as they were when it was frozen.
 */
export type { MoneyRules };
