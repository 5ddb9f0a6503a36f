import { describe, expect, it } from 'vitest';
import { checkCaseNumberPattern, chineseDate, fenInWords, fenToCapital, fenToYuanText, formatCaseNumber, formatFen, isCalendarDate, parseYuanToFen, plainChineseDate, shanghaiDate } from '../../src/domain';

describe('money in integer fen', () => {
  it('parses yuan text exactly, without floating-point drift (0.1 + 0.2 style errors)', () => {
    expect(parseYuanToFen('12345.67')).toBe(1234567);
    expect(parseYuanToFen('0.1')).toBe(10);
    expect(parseYuanToFen('1,000.05元')).toBe(100005);
    expect(parseYuanToFen('27960')).toBe(2796000);
  });
  it('refuses negative amounts, three decimals and text', () => {
    for (const bad of ['-1', '1.234', 'abc', '', '1e5']) expect(parseYuanToFen(bad)).toBeNull();
  });
  it('formats with separators and two decimals, and round-trips through the form text', () => {
    expect(formatFen(1234567)).toBe('¥12,345.67');
    expect(formatFen(5)).toBe('¥0.05');
    expect(parseYuanToFen(fenToYuanText(2796001))).toBe(2796001);
  });
});

describe('calendar dates in Asia/Shanghai', () => {
  it('validates real dates only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });
  it('takes the Shanghai date of an instant: 20:00 UTC is already the next day in Chengdu', () => {
    expect(shanghaiDate(new Date('2026-11-27T20:00:00Z'))).toBe('2026-11-28');
    expect(shanghaiDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
  });
});

describe('case number pattern', () => {
  it('formats the default model-text style number', () => {
    expect(formatCaseNumber('温劳人仲案字〔{year}〕第{n}号', 2026, 17)).toBe('温劳人仲案字〔2026〕第17号');
  });
  it('rejects patterns without the sequence or year, or with unknown placeholders', () => {
    expect(checkCaseNumberPattern('温劳人仲案字〔{year}〕')).toMatch('{n}');
    expect(checkCaseNumberPattern('第{n}号')).toMatch('{year}');
    expect(checkCaseNumberPattern('{year}-{n}-{month}')).toMatch('只支持');
    expect(checkCaseNumberPattern('温劳人仲案字〔{year}〕第{n}号')).toBeNull();
  });
});

describe('capital Chinese amounts (大写) and document dates', () => {
  it.each([
    [4_800_000, '肆万捌仟元整'],
    [9_600_000, '玖万陆仟元整'],
    [2_796_000, '贰万柒仟玖佰陆拾元整'],
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [1_005, '壹拾元零伍分'],
    [140_950, '壹仟肆佰零玖元伍角'],
    [600_714, '陆仟零柒元壹角肆分'],
    [1_000_500, '壹万零伍元整'],
    [100_050_000, '壹佰万零伍佰元整'],
    [10_000_000_000, '壹亿元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [2_000_000_000, '贰仟万元整'],
    [1_000_000, '壹万元整'],
  ])('%i fen -> %s', (fen, words) => {
    expect(fenToCapital(fen)).toBe(words);
  });
  it('prints figures and capitals together', () => {
    expect(fenInWords(4_800_000)).toBe('人民币48,000.00元（大写：肆万捌仟元整）');
    expect(() => fenToCapital(-1)).toThrow();
  });
  it('dates signed documents in Chinese numerals', () => {
    expect(chineseDate('2026-11-28')).toBe('二〇二六年十一月二十八日');
    expect(chineseDate('2026-01-10')).toBe('二〇二六年一月十日');
    expect(chineseDate('2020-10-01')).toBe('二〇二〇年十月一日');
    expect(plainChineseDate('2026-03-05')).toBe('2026年3月5日');
  });
});
