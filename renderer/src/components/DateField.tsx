import { CalendarOutlined } from '@ant-design/icons';
import { Button, Calendar, Form, type FormItemProps, Input, Popover } from 'antd';
import dayjs from 'dayjs';
import { type CSSProperties, type FocusEvent, useEffect, useRef, useState } from 'react';
import { isCalendarDate, parseTypedDate } from '../../../src/domain';
import { today } from '../lib/dates';

/**
 * The one date input of the renderer. The value is a calendar date 'YYYY-MM-DD' (Asia/Shanghai, never a timestamp).
 * Typed text goes through the domain's parseTypedDate (20261125, 2026.11.25, 11-25 …); text that is not a date stays in
 * the field as typed and becomes the value, so the form's date rule (DateItem) says why and nothing is saved — a date
 * is never silently replaced by another. The calendar button opens a month view for picking.
 */
export function DateField({
  value, onChange, onBlur, id, disabled, style, placeholder, showError, ...rest
}: {
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  onBlur?: (e: FocusEvent<HTMLInputElement>) => void;
  id?: string;
  disabled?: boolean;
  style?: CSSProperties;
  placeholder?: string;
  /** Outside a Form.Item: show the parser's message under the field. */
  showError?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const [text, setText] = useState(value ?? '');
  const [open, setOpen] = useState(false);
  const emitted = useRef<string | undefined>(value ?? undefined);
  useEffect(() => {
    if ((value ?? undefined) !== emitted.current) {
      emitted.current = value ?? undefined;
      setText(value ?? '');
    }
  }, [value]);

  const emit = (raw: string) => {
    const t = raw.trim();
    let next: string | undefined;
    if (!t) next = undefined;
    else {
      const r = parseTypedDate(t, today());
      next = r.ok ? r.date : t;
    }
    emitted.current = next;
    onChange?.(next);
    return next;
  };
  const commit = () => {
    const next = emit(text);
    if (next && isCalendarDate(next)) setText(next);
  };
  const pick = (iso: string) => {
    setText(iso);
    emitted.current = iso;
    onChange?.(iso);
    setOpen(false);
  };
  const invalid = Boolean(value) && !isCalendarDate(value!);
  const message = invalid ? (parseTypedDate(value!, today()) as { message?: string }).message : undefined;

  return (
    <div style={{ width: 170, ...style }}>
      <Input
        {...rest}
        id={id}
        value={text}
        disabled={disabled}
        autoComplete="off"
        placeholder={placeholder ?? '如 2026-11-25'}
        status={showError && invalid ? 'error' : undefined}
        onChange={(e) => { setText(e.target.value); emit(e.target.value); }}
        onBlur={(e) => { commit(); onBlur?.(e); }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'ArrowDown' && e.altKey) setOpen(true);
        }}
        suffix={
          <Popover
            open={open}
            onOpenChange={setOpen}
            trigger="click"
            placement="bottomRight"
            content={
              <div style={{ width: 280 }} data-testid="date-calendar">
                <Calendar
                  fullscreen={false}
                  value={dayjs(isCalendarDate(value ?? '') ? value! : today())}
                  onSelect={(d, info) => { if (info.source === 'date') pick(d.format('YYYY-MM-DD')); }}
                />
                <Button size="small" type="link" onClick={() => pick(today())}>今天（北京时间 {today()}）</Button>
              </div>
            }
          >
            <CalendarOutlined aria-label="打开日历" style={{ color: '#8c8c8c', cursor: disabled ? 'not-allowed' : 'pointer' }} />
          </Popover>
        }
      />
      {showError && message && <div className="field-error" role="alert">{message}</div>}
    </div>
  );
}

/** The form rule every date field carries: a value that is not a calendar date is refused with the parser's reason. */
export const dateRule = {
  validator: (_: unknown, v: string | undefined) => {
    if (!v || isCalendarDate(v)) return Promise.resolve();
    const r = parseTypedDate(v, today());
    return Promise.reject(new Error(r.ok ? '日期格式不正确' : r.message));
  },
};

/** Form.Item + DateField with the date rule; `requiredMessage` makes the date mandatory. */
export function DateItem({ requiredMessage, rules = [], fieldProps, ...props }: FormItemProps & { requiredMessage?: string; fieldProps?: Parameters<typeof DateField>[0] }) {
  return (
    <Form.Item
      {...props}
      validateTrigger={['onBlur']}
      rules={[...(requiredMessage ? [{ required: true, message: requiredMessage }] : []), dateRule, ...rules]}
    >
      <DateField {...fieldProps} />
    </Form.Item>
  );
}
