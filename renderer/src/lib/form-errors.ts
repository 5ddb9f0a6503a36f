import type { FormInstance } from 'antd';
import type { ApiError } from '../../../src/api';

/**
 * Puts the server's field issues beside the fields. `rename` maps API field names to form field names
 * (e.g. amountFen -> amountYuan). Returns true when at least one issue found its field.
 */
export function showFieldErrors(form: FormInstance, error: ApiError, rename: Record<string, string> = {}): boolean {
  if (!error.issues?.length) return false;
  const fields = error.issues
    .filter((i) => i.path)
    .map((i) => ({
      name: i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : (rename[p] ?? p))),
      errors: [i.message],
    }));
  form.setFields(fields);
  return fields.length > 0;
}
