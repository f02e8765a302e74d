// The name of the cookie that carries the encrypted session token (read by get-actor, set by next-auth).
export const SESSION_COOKIE = "barefoot.session";
