import { shanghaiDate, shanghaiDateTime } from '../../../src/domain';

/** Today in Asia/Shanghai: the date of legal meaning, whatever the PC's clock zone. */
export const today = (): string => shanghaiDate(new Date());
/** A form's date value ('YYYY-MM-DD' from DateField) as the API wants it. */
export const ymd = (d: unknown): string => (typeof d === 'string' ? d : '');
/** Optional date: undefined when empty. */
export const optDate = (d: unknown): string | undefined => (typeof d === 'string' && d ? d : undefined);
/** An instant shown as Beijing time. */
export const formatTime = (iso: string): string => shanghaiDateTime(iso);
