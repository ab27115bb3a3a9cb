// Background work on the database: fetching URL sources now; harvesting and snapshots to come.
export { startScheduler, type Scheduler, type ScheduledJob } from "./scheduler.ts";
export { platformJobs } from "./platform-jobs.ts";
