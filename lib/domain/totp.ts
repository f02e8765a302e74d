import { Secret, TOTP } from "otpauth";

// RFC 6238 as every authenticator app does it: SHA-1, 6 digits, 30-second steps.
export const TOTP_PERIOD_SECONDS = 30;
// One step either side tolerates a phone clock off by up to 30 s (RFC 6238 §5.2).
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "Barefoot 儿童主任";

function totp(secretBase32: string, label = "barefoot"): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function totpStepAt(timestamp: number): number {
  return Math.floor(timestamp / 1000 / TOTP_PERIOD_SECONDS);
}

/** The time step the code belongs to (within the window), or null: callers refuse a step already used. */
export function matchTotpStep(secretBase32: string, code: string, timestamp: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp, window: TOTP_WINDOW });
  return delta === null ? null : totpStepAt(timestamp) + delta;
}

export function totpCodeAt(secretBase32: string, timestamp: number): string {
  return totp(secretBase32).generate({ timestamp });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountName: string): string {
  return totp(secretBase32, accountName).toString();
}

/** "ABCD EFGH …": easier to type into an app by hand. */
export function groupSecret(secretBase32: string): string {
  return secretBase32.match(/.{1,4}/g)?.join(" ") ?? "";
}

/** Recovery codes are shown as xxxx-xxxx; people may type them with or without the dash, in any case. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.trim().toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z0-9]{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4)}` : null;
}
