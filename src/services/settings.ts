import type { Settings } from '../api';
import { DEFAULT_CASE_NUMBER_PATTERN, DEFAULT_DOCUMENT_NUMBER_PATTERNS } from '../domain';
import { type ServiceContext, actor, audit, nowIso } from './context';
import type { Db } from '../db/open';
import { selectSettingValues, upsertSetting } from '../db/queries/settings';

export const DEFAULT_SETTINGS: Settings = {
  commissionName: '成都市温江区劳动人事争议仲裁委员会',
  idleLockMinutes: 15,
  backupDir: null,
  lastBackup: null,
  lastIntegrityCheck: null,
  caseNumberPattern: DEFAULT_CASE_NUMBER_PATTERN,
  documentNumberPatterns: { ...DEFAULT_DOCUMENT_NUMBER_PATTERNS },
  acceptanceReservedToArbitrators: false,
  periodKinds: {},
  intermediateCourt: '四川省成都市中级人民法院',
  basicCourt: '成都市温江区人民法院',
  documentFonts: 'bundled',
  splitMixedAwards: true,
  sichuanWorkerAidRule: true,
  legalAidCentreName: '成都市温江区法律援助中心',
  commissionAddress: null,
  commissionPhone: null,
  commissionContact: null,
};

export function readSettings(db: Db): Settings {
  const rows = selectSettingValues(db);
  const s: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) s[r.key] = JSON.parse(r.value);
  // a series added in a later version keeps its default until the administrator sets it
  s.documentNumberPatterns = { ...DEFAULT_DOCUMENT_NUMBER_PATTERNS, ...(s.documentNumberPatterns as Record<string, string>) };
  return s as unknown as Settings;
}

export function updateSettings(ctx: ServiceContext, patch: Partial<Settings>): Settings {
  const u = actor(ctx);
  ctx.db.transaction(() => {
    const before = readSettings(ctx.db);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      upsertSetting(ctx.db, { key: k, value: JSON.stringify(v), updated_at: nowIso(ctx), updated_by: u.id });
    }
    audit(ctx, 'settings.update', null, { before, after: { ...before, ...patch } });
  })();
  return readSettings(ctx.db);
}
