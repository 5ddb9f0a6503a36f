import { addDays, shanghaiDate } from '../domain';

type Run = (name: string, input: unknown) => unknown;

/**
 * Demo data of employer supervision (issue 16 item 7): employers of each grade, a warning followed to its numbered
 * bulletin, an inspection with an order to rectify (one overdue), and an employer on the 欠薪失信名单. Everything goes
 * through the operations, so the grades and warnings are the ones the rules compute. `arbitratorId` follows up.
 */
export function seedSupervisionDemo(run: Run, arbitratorId: string, now = new Date()): { employers: number; bulletins: number } {
  const today = shanghaiDate(now);
  const ago = (days: number, hours = 0) => new Date(now.getTime() - (days * 24 + hours) * 3_600_000).toISOString();
  const consult = (personName: string, employerName: string, days: number, over: Record<string, unknown> = {}) =>
    run('consultations.create', {
      window: 'migrant', channel: 'walk_in', arrivedAt: ago(days, 2), personName, employerName, groupFlags: ['migrant_worker'], disputeType: 'wages',
      claims: [{ type: 'wages', amountFen: 1_200_000, text: '支付拖欠工资12000元' }], summary: '工地务工被拖欠工资', workerCount: 1, collective: false, outcome: 'pending', ...over,
    }) as { id: string };
  const employerOf = (name: string) => (run('employers.list', { query: name }) as { rows: { id: string; name: string }[] }).rows.find((r) => r.name === name)!.id;

  // 重点企业 with a cluster warning: three workers of one construction labour company within a week
  const builder = '成都蜀安建筑劳务有限公司';
  consult('郑海波', builder, 5);
  const builderId = employerOf(builder);
  run('employers.update', { id: builderId, name: builder, sector: 'construction', industry: '建筑劳务', town: '天府街道', contactName: '郑经理' });
  consult('冯德明', builder, 3);
  consult('蒋春生', builder, 1);
  const warning = (run('warnings.list', { status: 'unclosed' }) as { id: string; employerName: string; rule: string }[]).find((w) => w.employerName === builder && w.rule === 'cluster')!;
  run('warnings.assign', { id: warning.id, assigneeId: arbitratorId, note: '约谈项目负责人' });
  run('warnings.note', { id: warning.id, note: '已约谈总包单位，要求从工资专用账户代发' });
  run('bulletins.issue', {
    issuedDate: today, summary: '近期天府街道一建设项目多名农民工集中反映欠薪，现予预警，请属地和行业主管部门跟进。',
    items: [{ warningId: warning.id, actions: '约谈总包单位，督促通过工资专用账户代发；属地街道跟踪' }],
  });

  // 隐患企业 on the list: a collective arrears dispute, an order to rectify not met, then listing
  const listed = '温江区鑫达装饰工程有限公司';
  consult('钱光明', listed, 60, { workerCount: 12, collective: true, claims: [{ type: 'wages', amountFen: 28_800_000, text: '支付12人拖欠工资288000元' }], summary: '装修项目12名工人集体反映欠薪' });
  const listedId = employerOf(listed);
  run('employers.update', { id: listedId, name: listed, sector: 'construction', industry: '装饰装修', town: '公平街道' });
  run('inspections.create', {
    employerId: listedId, visitDate: addDays(today, -55), inspectors: '区劳动保障监察大队 王某、李某', summary: '检查工资支付台账和农民工实名制管理',
    findings: [{ description: '拖欠12名农民工工资288000元', orderDate: addDays(today, -55), deadline: addDays(today, -45) }],
  });
  const entry = run('blacklist.notice', {
    employerId: listedId, grounds: '拖欠12名农民工工资', arrearsFen: 28_800_000, workers: 12, responsiblePersons: '孙某（法定代表人）', noticeDate: addDays(today, -40),
  }) as { id: string };
  run('blacklist.decide', { id: entry.id, decisionDate: addDays(today, -30), list: true, note: '陈述申辩期限内未提出陈述、申辩' });
  run('blacklist.publish', { id: entry.id, publicationDate: addDays(today, -28) });

  // 一般企业 with an inspection: a finding ordered and rectified
  const general = '成都锦程物流有限公司';
  consult('韩雪', general, 20, { window: 'general', groupFlags: [], disputeType: 'annual_leave', claims: [{ type: 'annual_leave', amountFen: 300_000, text: '支付未休年休假工资3000元' }], summary: '未休年休假工资' });
  const generalId = employerOf(general);
  run('employers.update', { id: generalId, name: general, sector: 'other', industry: '物流', town: '柳城街道' });
  const insp = run('inspections.create', {
    employerId: generalId, visitDate: addDays(today, -15), inspectors: '区劳动保障监察大队 赵某', summary: '日常巡查',
    findings: [{ description: '工资支付台账未保存满三年', orderDate: addDays(today, -15), deadline: addDays(today, -5) }],
  }) as { inspections: { findings: { id: string }[] }[] };
  run('inspections.confirm', { findingId: insp.inspections[0]!.findings[0]!.id, rectifiedDate: addDays(today, -6), note: '已补建台账' });
  // a second visit at the builder with an order still within its deadline
  run('inspections.create', {
    employerId: builderId, visitDate: today, inspectors: '区劳动保障监察大队 王某', summary: '欠薪预警后现场核查',
    findings: [{ description: '未按月足额支付农民工工资', orderDate: today, deadline: addDays(today, 10) }],
  });
  run('grades.recompute', {});
  return { employers: 3, bulletins: 1 };
}
