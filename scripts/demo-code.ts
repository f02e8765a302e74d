import { TOTP_PERIOD_SECONDS, totpCodeAt } from "@/lib/domain/totp";
import { DEMO_TOTP_SECRET } from "./lib/accounts";

// The code the demo accounts of county level and above must enter after their password (see README).
const now = Date.now();
const left = TOTP_PERIOD_SECONDS - Math.floor(now / 1000) % TOTP_PERIOD_SECONDS;
console.log(`${totpCodeAt(DEMO_TOTP_SECRET, now)}  (a new code in ${left} s; each code signs in once)`);
