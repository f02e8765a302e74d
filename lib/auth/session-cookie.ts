// The name of the cookie that carries the encrypted session token (read by get-actor, set by next-auth).
export const SESSION_COOKIE = "barefoot.session";

/** Sent by requests the app makes on its own (polling), which must not count as the user's activity. */
export const BACKGROUND_HEADER = "x-barefoot-background";
