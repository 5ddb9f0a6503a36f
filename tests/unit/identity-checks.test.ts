import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_MESSAGES, RESIDENT_ID_MESSAGES, checkCreditCode, checkResidentId, maskIdNumber, residentIdFacts } from '../../src/domain';

describe('resident ID number (GB 11643 check digit)', () => {
  it('accepts 11010519491231002X, the standard example with an X check digit', () => {
    expect(checkResidentId('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' });
  });
  it('refuses 110105194912310021 because its check digit is wrong', () => {
    expect(checkResidentId('110105194912310021')).toEqual({ ok: false, message: RESIDENT_ID_MESSAGES.checkDigit });
  });
  it('normalises a lower-case x so the same person is matched later', () => {
    expect(checkResidentId(' 11010519491231002x ')).toEqual({ ok: true, value: '11010519491231002X' });
  });
  it('refuses a wrong length or letters in the body with the format message', () => {
    for (const bad of ['1101051949123100', '11010519491231002XX', '1101051949123A002X', '']) {
      expect(checkResidentId(bad)).toEqual({ ok: false, message: RESIDENT_ID_MESSAGES.format });
    }
  });
  it('refuses an impossible birth date even when the digits are well formed (Feb 30)', () => {
    expect(checkResidentId('110105194902300021')).toEqual({ ok: false, message: RESIDENT_ID_MESSAGES.birthDate });
  });
  it('reads birth date and sex from the number so the clerk types them once', () => {
    expect(residentIdFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'female' });
    expect(residentIdFacts('51012319900101123X')).toEqual({ birthDate: '1990-01-01', sex: 'male' });
  });
  it('masks ID numbers for lists: first 6 and last 4 kept', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber(null)).toBe('');
  });
});

describe('unified social credit code (GB 32100 check character)', () => {
  it('accepts 91350100M000100Y43', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });
  it('refuses 91350100M000100Y44 because its check character is wrong', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ ok: false, message: CREDIT_CODE_MESSAGES.checkDigit });
  });
  it('refuses the letters I, O, Z, S, V which the code alphabet excludes', () => {
    expect(checkCreditCode('91350100M000100I43')).toEqual({ ok: false, message: CREDIT_CODE_MESSAGES.format });
  });
  it('upper-cases input typed in lower case', () => {
    expect(checkCreditCode('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });
});
