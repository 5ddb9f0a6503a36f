import type { CheckResult } from './id-number';

/**
 * Unified social credit code (GB 32100-2015): 18 characters from a 31-character alphabet
 * (digits and upper-case letters without I, O, Z, S, V); the 18th is a MOD 31 check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const CREDIT_CODE_MESSAGES = {
  format: '统一社会信用代码应为18位，由数字和大写字母组成（不含I、O、Z、S、V）',
  checkDigit: '统一社会信用代码校验位错误，请核对（GB 32100）',
} as const;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c]!;
}

export function checkCreditCode(raw: string): CheckResult {
  const value = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(value)) {
    return { ok: false, message: CREDIT_CODE_MESSAGES.format };
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, message: CREDIT_CODE_MESSAGES.checkDigit };
  return { ok: true, value };
}
