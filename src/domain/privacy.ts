import type { DatedValue } from './supervision';

/**
 * Retention of consultations never turned into a case (issue 12 item 2), a dated setting with its basis. The
 * Personal Information Protection Law (个人信息保护法, in force 2021-11-01) requires personal information to be kept no
 * longer than the purpose needs (Art 19) and deleted when the retention period ends (Art 47) — both articles
 * [UNVERIFIED: not in the project's domain-rules; check the official text]. No statute fixes a period for a legal-aid
 * desk's consultation register; three years is this project's placeholder for the commission to confirm or replace
 * (a new version with a later 施行日期 in dated_settings under this key).
 */
export const CONSULTATION_RETENTION_KEY = 'privacy.consultationRetention';
export interface ConsultationRetention { years: number }
export const DEFAULT_CONSULTATION_RETENTION: DatedValue<ConsultationRetention> = {
  validFrom: '2021-11-01',
  value: { years: 3 },
  basis: '《个人信息保护法》第十九条、第四十七条（保存期限为实现处理目的所必要的最短时间，期满删除）；咨询登记保存3年',
};

/** The placeholder shown for erased personal data. */
export const ERASED_TEXT = '（个人信息已删除）';
