import { describe, expect, it } from 'vitest';
import { calendarWeek, checkYuanText, parseTypedDate, shanghaiDate, shanghaiDateTime } from '../../src/domain';

const today = '2026-11-30';

describe('parseTypedDate: the one parser behind every date field', () => {
  it.each([
    ['20261125', '2026-11-25'],
    ['2026-11-25', '2026-11-25'],
    ['2026.11.25', '2026-11-25'],
    ['2026/11/25', '2026-11-25'],
    ['2026-1-5', '2026-01-05'],
    ['2026年11月25日', '2026-11-25'],
    [' 2026．11．25 ', '2026-11-25'],
    ['11-25', '2026-11-25'],
    ['1.5', '2026-01-05'],
    ['11/25', '2026-11-25'],
    ['3月1日', '2026-03-01'],
  ])('%s -> %s', (text, iso) => {
    expect(parseTypedDate(text, today)).toEqual({ ok: true, date: iso });
  });

  it.each([
    ['2026-02-30', '2026年2月没有30日，请核对'],
    ['20261325', '月份 13 不存在，请核对'],
    ['2026-11.25', '年月日之间请用同一种分隔符'],
    ['明天', '无法识别日期“明天”'],
    ['2026112', '无法识别日期“2026112”'],
    ['18261125', '年份 1826 不在 1900 至 2199 之间'],
    ['02-29', '2026年2月没有29日'],
  ])('%s is refused with a reason', (text, message) => {
    const r = parseTypedDate(text, today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('dates in Asia/Shanghai', () => {
  it('a consultation at 07:29 Beijing time (23:29 UTC the day before) is dated in Beijing', () => {
    expect(shanghaiDate(new Date('2026-11-29T23:29:00Z'))).toBe('2026-11-30');
    expect(shanghaiDateTime('2026-11-29T23:29:00Z')).toBe('2026-11-30 07:29');
  });
  it('the calendar week runs Monday to Sunday: next Monday is not in this week', () => {
    expect(calendarWeek('2026-11-30')).toEqual({ monday: '2026-11-30', sunday: '2026-12-06' });
    expect(calendarWeek('2026-12-06')).toEqual({ monday: '2026-11-30', sunday: '2026-12-06' });
    expect(calendarWeek('2026-11-29')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
  });
});

describe('checkYuanText says what is wrong with an amount', () => {
  it.each([
    ['99999999999999', '金额过大'],
    ['-5', '金额不能为负数'],
    ['12.345', '金额最多两位小数'],
    ['abc', '金额只能填写数字'],
  ])('%s -> %s', (text, message) => {
    const r = checkYuanText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
  it('reads ordinary amounts', () => {
    expect(checkYuanText('12,500.5元')).toEqual({ ok: true, fen: 1_250_050 });
    expect(checkYuanText('100000000000')).toEqual({ ok: true, fen: 10_000_000_000_000 });
  });
});
