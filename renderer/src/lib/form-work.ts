import type { FormInstance } from 'antd';
import { type KeyboardEvent, useCallback, useEffect } from 'react';
import type { FieldIssue } from '../../../src/api';
import { setLeaveGuard } from './router';

/** Ctrl+S and Ctrl+Enter save the page's form wherever the focus is. */
export function useSaveKeys(save: () => void) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 's' || e.key === 'Enter')) {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);
}

export const UNSAVED_MESSAGE = '本页有尚未保存的内容，离开后将丢失。确定离开吗？';

/**
 * Guards a page form: once a value changes, leaving the page asks first; `saved()` lifts the guard (call it before
 * navigating away after a successful save). Returns the props for the Form.
 */
export function useLeaveGuard() {
  useEffect(() => () => setLeaveGuard(null), []);
  const changed = useCallback(() => setLeaveGuard(UNSAVED_MESSAGE), []);
  const saved = useCallback(() => setLeaveGuard(null), []);
  return { onValuesChange: changed, saved };
}

/**
 * Keyboard of a long form: Enter moves to the next field instead of submitting (text areas keep their new line,
 * open drop-downs keep their choice). Ctrl+Enter / Ctrl+S are the page's own (useSaveKeys).
 */
export function formKeys() {
  return (e: KeyboardEvent<HTMLElement>) => {
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.key !== 'Enter' || ctrl || e.altKey || e.shiftKey) return;
    const t = e.target as HTMLElement;
    if (!(t instanceof HTMLInputElement)) return;
    if (t.getAttribute('role') === 'combobox' && t.getAttribute('aria-expanded') === 'true') return;
    if (['checkbox', 'radio', 'submit', 'button'].includes(t.type)) return;
    e.preventDefault();
    const fields = [...e.currentTarget.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea:not([disabled])')]
      .filter((el) => el.offsetParent !== null && !el.closest('.ant-select-dropdown'));
    const next = fields[fields.indexOf(t) + 1];
    if (next) next.focus();
  };
}

type ErrorField = { name: (string | number)[]; errors: string[] };

/**
 * Every problem of a form in one round: the browser's field rules and the operation's own schema issues (the same
 * messages the server gives), or the server's answer after saving. Each is put at its field; a field the browser
 * already faults keeps that message. The form scrolls to the first problem on the page. Returns the messages that
 * found no field (shown in the banner), or null when there is nothing wrong.
 */
export async function showAllErrors(form: FormInstance, formName: string, issues: FieldIssue[], rename: Record<string, string> = {}): Promise<string[] | null> {
  let browser: ErrorField[] = [];
  try {
    await form.validateFields({ recursive: true });
  } catch (e) {
    browser = ((e as { errorFields?: ErrorField[] }).errorFields ?? []).filter((f) => f.errors.length);
  }
  const byKey = new Map<string, ErrorField>();
  for (const f of browser) byKey.set(JSON.stringify(f.name), { name: f.name, errors: [...f.errors] });
  const loose: string[] = [];
  for (const i of issues) {
    const name = i.path ? i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : (rename[p] ?? p))) : [];
    const key = JSON.stringify(name);
    if (!name.length || !document.getElementById(`${formName}_${name.join('_')}`)) {
      if (!loose.includes(i.message)) loose.push(i.message);
      continue;
    }
    const had = byKey.get(key);
    if (had && browser.some((b) => JSON.stringify(b.name) === key)) continue;
    if (had) {
      if (!had.errors.includes(i.message)) had.errors.push(i.message);
    } else byKey.set(key, { name, errors: [i.message] });
  }
  const fields = [...byKey.values()];
  if (!fields.length && !loose.length) return null;
  form.setFields(fields);
  const elementOf = (f: ErrorField) => document.getElementById(`${formName}_${f.name.join('_')}`);
  const first = fields
    .map((f) => ({ f, el: elementOf(f) }))
    .filter((x): x is { f: ErrorField; el: HTMLElement } => !!x.el)
    .sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  if (first) {
    first.el.scrollIntoView({ block: 'center' });
    first.el.focus({ preventScroll: true });
  }
  return loose;
}
