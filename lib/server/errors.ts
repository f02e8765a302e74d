import "server-only";

/** Typed failures the action wrapper maps to error codes; anything else is INTERNAL. */
export class DomainError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "VALIDATION" | "RATE_LIMITED" | "UNAUTHENTICATED",
    readonly messageKey: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(messageKey);
  }
}

export class NotFoundError extends DomainError {
  constructor(messageKey = "errors.notFound") {
    super("NOT_FOUND", messageKey);
  }
}

export class ForbiddenError extends DomainError {
  constructor(messageKey = "errors.forbidden") {
    super("FORBIDDEN", messageKey);
  }
}

export class ConflictError extends DomainError {
  constructor(messageKey = "errors.conflict") {
    super("CONFLICT", messageKey);
  }
}

export class ValidationError extends DomainError {
  constructor(fieldErrors: Record<string, string[]>, messageKey = "errors.validation") {
    super("VALIDATION", messageKey, fieldErrors);
  }
}
