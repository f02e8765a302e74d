import { runScript } from "./lib/run-script";

// runScript applies and reports the pending migrations; there is nothing else to do.
await runScript("Migration", async () => undefined);
