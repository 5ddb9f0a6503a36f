/**
 * Local user roles and what each may do: the permission matrix (issue 12 item 1). The services enforce it; the UI only
 * hides what is not allowed. docs/permissions.md shows it as a table, which a test compares with this code.
 *
 * Role level (`deny`, by the `action` of each operation) says which duties a role has. Record-level checks in the
 * services (src/services/duties.ts) add who on a case may act: documents signed by the tribunal and mediation within
 * arbitration belong to the arbitrators of that case's tribunal (LDMAL Arts 31, 42, 46).
 */
export const ROLES = ['arbitrator', 'clerk', 'lawyer', 'window', 'aid_centre', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  arbitrator: '仲裁员', clerk: '书记员', lawyer: '法律援助律师', window: '窗口工作人员', aid_centre: '法律援助中心工作人员', admin: '系统管理员',
};

export type Action =
  | 'reference.read' | 'case.read' | 'case.draft' | 'case.decideAcceptance' | 'case.manage' | 'case.decide' | 'mediation.manage'
  | 'aid.read' | 'aid.manage' | 'aid.decide' | 'duty.manage'
  | 'user.manage' | 'settings.manage' | 'venue.manage' | 'calendar.manage'
  | 'employer.read' | 'employer.manage' | 'employer.supervise' | 'employer.merge'
  | 'personal.reveal' | 'privacy.manage' | 'review.decide';

/** Each action with the duty behind it, for docs/permissions.md. */
export const ACTION_LABELS: Record<Action, string> = {
  'reference.read': '查阅设置、场所、工作日历、期间规则、计算器、值班表',
  'case.read': '查阅案件',
  'case.draft': '登记仲裁申请（草稿）',
  'case.decideAcceptance': '作出受理或不予受理决定',
  'case.manage': '办理程序事项、签发程序性文书和送达（仲裁庭署名的文书另须是本案仲裁员）',
  'case.decide': '裁决请求事项、作出裁决（另须是本案仲裁员）',
  'mediation.manage': '调解（仲裁中的调解另须是本案仲裁员）',
  'aid.read': '查阅咨询登记和法律援助记录、利益冲突检查',
  'aid.manage': '咨询登记、法律援助申请的受理与办理',
  'aid.decide': '作出法律援助决定、指派律师（《法律援助法》第四十三条）',
  'duty.manage': '安排值班律师与窗口值班',
  'user.manage': '管理用户账号、重置密码',
  'settings.manage': '修改设置',
  'venue.manage': '管理办案场所与庭室',
  'calendar.manage': '维护工作日历',
  'employer.read': '查阅用人单位名册、分级、预警、巡查和失信名单',
  'employer.manage': '维护用人单位信息、跟进欠薪预警、登记巡查和整改',
  'employer.supervise': '调整企业分级、发布欠薪预警信息、办理失信名单的告知、决定、公布和移出',
  'employer.merge': '合并重复的用人单位记录',
  'personal.reveal': '显示案件当事人完整的身份证号码和电话（说明理由，记入查阅记录；另须可查阅该案件）',
  'privacy.manage': '审阅个人信息查阅记录、个人信息查询复制和删除',
  'review.decide': '作出调解协议仲裁审查的结论（另须是被指定审查的仲裁员）',
};

export interface PermissionSettings {
  /** When true, only arbitrators may accept or refuse an application (commission setting). */
  acceptanceReservedToArbitrators: boolean;
}

const CASE_STAFF: readonly Role[] = ['arbitrator', 'clerk'];

/**
 * Need-to-know (issue 12 item 2): window staff learn from the conflict check only that a related record exists and
 * ask the duty lawyer, who sees whose it is (the lawyer decides whether a conflict bars taking the matter).
 */
export const CONFLICT_WITHHELD_MESSAGE = '存在相关记录，请咨询值班律师';
export function seesConflictDetails(role: Role): boolean {
  return role !== 'window';
}

/**
 * Need-to-know (issue 12 item 2): lawyers and window staff read a case only where they are an agent or the assigned
 * legal-aid lawyer (the SQL is src/db/queries/case-access.ts, enforced by src/services/case-access.ts); the
 * commission's staff read every case.
 */
export function readsOnlyOwnCases(role: Role): boolean {
  return role === 'lawyer' || role === 'window';
}

/**
 * Documents signed by the tribunal: 裁决书 (LDMAL Art 46), 调解书 (Art 42) and the tribunal's 决定书, including
 * 先予执行 (Art 44) and 裁决书补正. Only arbitrators issue them (and the service adds: of that case's tribunal, Art 31).
 */
export const TRIBUNAL_SIGNED_KINDS: ReadonlySet<string> = new Set(['award', 'mediation_statement', 'decision']);

/**
 * Whether a role may issue (or re-issue) a document kind at all: the one rule the issue dialog offers its choices by
 * and the service enforces (src/services/documents.ts; the case's tribunal is checked there, src/services/duties.ts).
 */
export function mayIssueKind(role: Role, kind: string): boolean {
  if (deny(role, 'case.manage', { acceptanceReservedToArbitrators: false }) !== null) return false;
  return !TRIBUNAL_SIGNED_KINDS.has(kind) || role === 'arbitrator';
}
/** The legal-aid workstation (1+1坐堂: duty lawyer and window staff) and the legal-aid centre's staff. */
const AID_DESK: readonly Role[] = ['lawyer', 'window', 'aid_centre'];

/** Returns null when allowed, else the Chinese reason shown to the user. */
export function deny(role: Role, action: Action, settings: PermissionSettings): string | null {
  const label = ROLE_LABELS[role];
  switch (action) {
    case 'reference.read':
      return null;
    case 'case.read':
      // The administrator administers accounts and settings, not cases; the legal-aid centre works on aid records.
      return role === 'admin' || role === 'aid_centre' ? `${label}不查阅案件` : null;
    case 'case.draft':
      return role === 'admin' || role === 'aid_centre' ? `${label}不办理案件，请使用书记员或仲裁员账号` : null;
    case 'case.manage':
      return CASE_STAFF.includes(role) ? null : `${label}无权办理案件程序事项`;
    case 'case.decide':
      // The tribunal decides claims and makes the award (LDMAL Arts 45–46); clerks record and print.
      return role === 'arbitrator' ? null : '只有仲裁员可以裁决请求事项和作出裁决';
    case 'mediation.manage':
      // Mediation within arbitration is the tribunal's (LDMAL Art 42, checked per case); before arbitration the
      // legal-aid desk mediates (三位一体).
      return role === 'admin' || role === 'aid_centre' ? `${label}不办理调解` : null;
    case 'aid.read':
    case 'aid.manage':
      return AID_DESK.includes(role) ? null : `${label}不在法律援助工作站办理事项`;
    case 'aid.decide':
      // The legal-aid institution decides and assigns (Legal Aid Law Art 43), not the workstation or the administrator.
      return role === 'aid_centre' ? null : '法律援助决定和指派由法律援助中心工作人员作出（《法律援助法》第四十三条）';
    case 'duty.manage':
      return role === 'aid_centre' || role === 'admin' ? null : '值班安排由法律援助中心工作人员或系统管理员维护';
    case 'case.decideAcceptance':
      if (role === 'arbitrator') return null;
      if (role === 'clerk') return settings.acceptanceReservedToArbitrators ? '本委设置为仅仲裁员可作出受理或不予受理决定' : null;
      return `${label}无权作出受理或不予受理决定`;
    // Employer supervision (issue 16; docs/decisions.md): the commission's case staff keep the register and follow up
    // warnings and inspections; grade overrides, bulletins and blacklist decisions are the arbitrators' (the senior
    // staff who sit on the joint conference); merging duplicate records is the administrator's.
    case 'employer.read':
      return null;
    case 'employer.manage':
      return CASE_STAFF.includes(role) ? null : `${label}不维护用人单位名册和巡查记录`;
    case 'employer.supervise':
      return role === 'arbitrator' ? null : '企业分级调整、欠薪预警信息和失信名单由仲裁员办理';
    case 'employer.merge':
      return role === 'admin' ? null : '合并重复的用人单位记录由系统管理员办理';
    // Need-to-know (issue 12 item 2): those who work on the records may show a full value, one field at a time, with a
    // reason, logged; the administrator does not work on cases or consultations and reviews the log instead.
    case 'personal.reveal':
      return role === 'admin' || role === 'aid_centre' ? `${label}不查阅案件当事人的个人信息` : null;
    case 'privacy.manage':
      return role === 'admin' ? null : '个人信息查阅记录和个人信息的查询复制、删除由系统管理员办理';
    case 'review.decide':
      // Rules Arts 74–78: the commission designates an arbitrator to review a mediation agreement; the service adds
      // that it must be the one designated.
      return role === 'arbitrator' ? null : '调解协议仲裁审查的结论只能由仲裁委员会指定的仲裁员作出';
    case 'user.manage':
    case 'settings.manage':
    case 'venue.manage':
    case 'calendar.manage':
      return role === 'admin' ? null : '仅系统管理员可执行此操作';
  }
}
