export { createApp, MAX_URL_BYTES, type AppOptions } from "./app.ts";
export { HTTP_STATUS, asAppError, errorBody, type ErrorBody } from "./errors.ts";
export { startServer, type RunningServer } from "./server.ts";
export { installProcessGuard, requestIds, verdictFor, type ProcessGuard } from "./process-guard.ts";
