/** Every operation answers with this envelope, on every transport (IPC, HTTP bridge, CLI, tests). */
export const ERROR_CODES = [
  'VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID_STATE', 'UNKNOWN_OPERATION', 'INTERNAL',
  /** The session is locked after inactivity: the renderer shows the lock screen and keeps the page (issue 12 item 3). */
  'LOCKED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path into the input, e.g. "applicants.0.idNumber". */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  /** One sentence in Chinese for the user. */
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Thrown inside services; the dispatcher turns it into the envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
