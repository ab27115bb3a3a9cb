// Demo mode: synthetic but plausible publications, marked as demo, so a newcomer sees a living platform.
export {
  DEMO_ACTOR,
  DEMO_SPECIFICATIONS,
  exampleFor,
  fillDemo,
  removeDemo,
  type DemoOutcome,
} from "./fill.ts";
export { pointsInside, seededRandom, seedOf } from "./points.ts";
export { rowsFor, type Position } from "./rows.ts";
