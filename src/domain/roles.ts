/** Local user roles and what each may do. The services enforce this; the UI only hides what is not allowed. */
export const ROLES = ['arbitrator', 'clerk', 'lawyer', 'window', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  arbitrator: '仲裁员', clerk: '书记员', lawyer: '法律援助律师', window: '窗口工作人员', admin: '系统管理员',
};

export type Action =
  | 'case.read' | 'case.draft' | 'case.decideAcceptance' | 'case.manage' | 'case.decide' | 'mediation.manage' | 'aid.manage'
  | 'user.manage' | 'settings.manage' | 'venue.manage' | 'calendar.manage';

export interface PermissionSettings {
  /** When true, only arbitrators may accept or refuse an application (commission setting). */
  acceptanceReservedToArbitrators: boolean;
}

/** Returns null when allowed, else the Chinese reason shown to the user. */
export function deny(role: Role, action: Action, settings: PermissionSettings): string | null {
  switch (action) {
    case 'case.read':
      return null;
    case 'case.draft':
      return role === 'admin' ? '系统管理员不办理案件，请使用书记员或仲裁员账号' : null;
    case 'case.manage':
      return role === 'arbitrator' || role === 'clerk' ? null : `${ROLE_LABELS[role]}无权办理案件程序事项（中止、恢复、延期）`;
    case 'case.decide':
      // The tribunal decides claims and makes the award (LDMAL Arts 45–46); clerks record and print.
      return role === 'arbitrator' ? null : '只有仲裁员可以裁决请求事项和作出裁决';
    case 'mediation.manage':
      // Mediation is done by arbitrators and clerks, and at the legal-aid desk before arbitration (三位一体).
      return role === 'admin' ? '系统管理员不办理调解' : null;
    case 'aid.manage':
      // The legal-aid workstation: the duty lawyer and the window staff (1+1坐堂); the administrator keeps the roster.
      return role === 'lawyer' || role === 'window' || role === 'admin' ? null : `${ROLE_LABELS[role]}不在法律援助工作站办理事项`;
    case 'case.decideAcceptance':
      if (role === 'arbitrator') return null;
      if (role === 'clerk') return settings.acceptanceReservedToArbitrators ? '本委设置为仅仲裁员可作出受理或不予受理决定' : null;
      return `${ROLE_LABELS[role]}无权作出受理或不予受理决定`;
    case 'user.manage':
    case 'settings.manage':
    case 'venue.manage':
    case 'calendar.manage':
      return role === 'admin' ? null : '仅系统管理员可执行此操作';
  }
}
