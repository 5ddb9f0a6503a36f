/**
 * Resident identity number check (GB 11643-1999): 17 digits + check character.
 * The check character is ISO 7064 MOD 11-2 over the first 17 digits.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type CheckResult = { ok: true; value: string } | { ok: false; message: string };

export const RESIDENT_ID_MESSAGES = {
  format: '居民身份证号码应为18位：前17位为数字，最后一位为数字或X',
  birthDate: '居民身份证号码中的出生日期无效',
  checkDigit: '居民身份证号码校验位错误，请核对（GB 11643）',
} as const;

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Validates and normalises (upper-case X) a mainland resident ID number. */
export function checkResidentId(raw: string): CheckResult {
  const value = raw.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return { ok: false, message: RESIDENT_ID_MESSAGES.format };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return { ok: false, message: RESIDENT_ID_MESSAGES.birthDate };
  }
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, message: RESIDENT_ID_MESSAGES.checkDigit };
  return { ok: true, value };
}

/** Birth date (YYYY-MM-DD) and sex encoded in a valid resident ID number. */
export function residentIdFacts(valid: string): { birthDate: string; sex: 'male' | 'female' } {
  const birthDate = `${valid.slice(6, 10)}-${valid.slice(10, 12)}-${valid.slice(12, 14)}`;
  return { birthDate, sex: Number(valid[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Masks an ID number for lists and logs: first 6 and last 4 characters kept. */
/** A phone as shown by default (issue 12 item 2): the first three and last four digits of a mobile, else the last two. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return '*'.repeat(Math.max(digits.length - 2, 0)) + digits.slice(-2);
}

export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}
