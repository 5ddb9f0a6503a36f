/**
 * Zod's fallback messages, as plain Chinese sentences that name the field (issue 12 item 8). Schemas give their own
 * messages where they can; these cover the rest (a request that is not an object, an unexpected field, a payload of
 * the wrong shape). zod's own zh-CN locale says "无效输入：期望 object，实际接收 string", which no user should read.
 */

/** Field names as the user knows them; a field not listed is named by its code in quotes. */
const FIELD_LABELS: Record<string, string> = {
  id: '编号', caseId: '案件编号', documentId: '文书编号', hearingId: '开庭编号', mediationId: '调解编号', recordId: '笔录编号',
  claimId: '请求事项编号', partyId: '当事人编号', consultationId: '咨询编号', userId: '用户编号', venueId: '办案场所', roomId: '仲裁庭室',
  presidingId: '首席仲裁员', memberIds: '仲裁员', clerkId: '书记员', lawyerId: '值班律师', staffId: '值班工作人员',
  username: '用户名', password: '密码', displayName: '姓名', role: '角色', active: '启用状态', employment: '任职方式',
  name: '名称', kind: '种类', type: '类型', title: '标题', text: '内容', note: '备注', notes: '备注', reason: '理由', summary: '摘要',
  applicants: '申请人', respondents: '被申请人', thirdParties: '第三人', agents: '代理人', claims: '仲裁请求', items: '事项',
  idNumber: '证件号码', idType: '证件类型', sex: '性别', birthDate: '出生日期', phone: '电话', address: '地址', domicile: '住所',
  serviceAddress: '送达地址', creditCode: '统一社会信用代码', amountFen: '金额', receivedDate: '收到日期', acceptanceDate: '受理日期',
  decisionDate: '决定日期', issuedDate: '文书日期', date: '日期', from: '起始日期', to: '截止日期', startDate: '开始日期',
  endDate: '结束日期', closedDate: '结案日期', awardDate: '裁决日期', payload: '文书补充内容', input: '计算器输入', format: '文件格式',
  query: '查询内容', limit: '条数', status: '状态', stage: '阶段', outcome: '结果', method: '方式', mode: '组庭方式', days: '天数',
  year: '年份', rest: '放假日期', work: '调休上班日期', personName: '来访人姓名', employerName: '用人单位名称', window: '窗口',
  disputeType: '争议类型', matter: '法律援助事项', decision: '决定', commissionName: '仲裁委员会名称', settings: '设置', scope: '范围',
};

const TYPE_WORDS: Record<string, string> = {
  object: '一组字段', string: '文字', number: '数字', int: '整数', bigint: '整数', boolean: '是或否', array: '列表', date: '日期',
  null: '空值', undefined: '空缺', nan: '非数字', function: '函数', symbol: '符号', map: '映射', set: '集合', file: '文件',
};

const typeOf = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  return typeof v;
};

/** "申请人第1项的证件号码", "请求内容" for the input itself. */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  if (!path || path.length === 0) return '请求内容';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `第${seg + 1}项`;
    else {
      const key = String(seg);
      const label = FIELD_LABELS[key] ?? `“${key}”`;
      out += out ? `的${label}` : label;
    }
  }
  return out;
}

interface RawIssue {
  code?: string;
  path?: PropertyKey[];
  input?: unknown;
  expected?: string;
  values?: unknown[];
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  divisor?: number;
  keys?: string[];
}

const sizeUnit = (origin: string | undefined) => (origin === 'string' ? '个字' : origin === 'array' || origin === 'set' ? '项' : '');

/** The zod error map installed by schemas.ts (`z.config({ localeError: zodMessage })`). */
export function zodMessage(issue: RawIssue): string {
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `请填写${label}。`;
      const expected = TYPE_WORDS[issue.expected ?? ''] ?? '其他格式';
      const received = TYPE_WORDS[typeOf(issue.input)] ?? '其他格式';
      return `${label}应为${expected}，收到的却是${received}。`;
    }
    case 'invalid_value': {
      const values = (issue.values ?? []).filter((v) => typeof v === 'string' || typeof v === 'number');
      return values.length > 0 && values.length <= 8 ? `${label}不是可选的值（可选：${values.join('、')}）。` : `${label}不是可选的值。`;
    }
    case 'too_big': {
      const unit = sizeUnit(issue.origin);
      return unit ? `${label}不能超过${String(issue.maximum)}${unit}。` : `${label}不能大于${String(issue.maximum)}。`;
    }
    case 'too_small': {
      const unit = sizeUnit(issue.origin);
      if (unit && Number(issue.minimum) === 1) return `请填写${label}。`;
      return unit ? `${label}至少需要${String(issue.minimum)}${unit}。` : `${label}不能小于${String(issue.minimum)}。`;
    }
    case 'invalid_format':
      return `${label}的格式不正确。`;
    case 'not_multiple_of':
      return `${label}应为${String(issue.divisor)}的倍数。`;
    case 'unrecognized_keys':
      return `${label}中有本程序不认识的字段：${(issue.keys ?? []).map((k) => `“${k}”`).join('、')}。`;
    case 'invalid_union':
      return `${label}的内容不符合任何一种允许的格式。`;
    case 'invalid_key':
    case 'invalid_element':
      return `${label}中有无效的内容。`;
    default:
      return `${label}的内容无效。`;
  }
}
