import { AppError } from '../api';

/** Refuses with a VALIDATION error on one input field (the UI shows the message beside that field). */
export function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, [{ path, message }]);
}
