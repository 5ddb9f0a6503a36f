import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiDate } from '../../../src/domain';

export const today = (): string => shanghaiDate(new Date());
export const toDayjs = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);
export const fromDayjs = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);
export const formatTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');
