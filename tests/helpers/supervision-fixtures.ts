import type { BlacklistEntryView, BulletinView } from '../../src/api/supervision-views';
import { type DocumentModel, SUPERVISION_BUILDERS } from '../../src/documents';
import { DEFAULT_BLACKLIST_RULES } from '../../src/domain';

/** Fixture data for the employer-supervision papers (bulletin, blacklist notice, decision, removal). */
export const FIXTURE_BULLETIN: BulletinView = {
  id: 'b1', year: 2026, seq: 3, title: '欠薪预警信息 2026年第3期', issuedDate: '2026-12-23',
  summary: '临近春节，部分建设领域项目和企业出现集中欠薪苗头。根据区根治欠薪联席会议安排，现将近期预警情况通报如下。',
  entries: [
    { employerName: '成都信达电子有限公司', creditCode: '91350100M000100Y43', town: '柳城街道', signals: ['多名劳动者短期内集中反映欠薪：7日内3名劳动者反映欠薪（3件；预警标准3人）'], actions: '约谈法定代表人，督促十日内支付' },
    { employerName: '温江某建筑劳务有限公司', creditCode: null, town: '公平街道', signals: ['集体欠薪争议：2026-12-20集体欠薪争议，涉及169名劳动者', '春节前建设领域欠薪：距春节（2027-02-06）45日'], actions: '启动应急周转金预案，监察大队驻场督办' },
  ],
};

export const FIXTURE_BLACKLIST: BlacklistEntryView = {
  id: 'l1', employerId: 'e1', employerName: '温江某建筑劳务有限公司', creditCode: '91350100M000100Y43', status: 'removed', statusLabel: '已移出',
  grounds: '拖欠12名农民工工资', arrearsFen: 36_000_000, workers: 12, responsiblePersons: '赵大成（法定代表人）',
  noticeDate: '2026-01-10', statementDeadline: '2026-01-15', decisionDate: '2026-01-16', publicationDate: '2026-01-20', periodEnd: '2029-01-15',
  removalDate: '2026-08-01', removalReason: '已于2026年2月1日清偿欠薪并申请提前移出，作出信用承诺', steps: [],
};

const rules = DEFAULT_BLACKLIST_RULES.value;
const list = { department: rules.department, entry: FIXTURE_BLACKLIST, statementDays: rules.statementDays, listingYears: rules.listingYears, earlyRemovalMonths: rules.earlyRemovalMonths };

export const SUPERVISION_FIXTURE_MODELS: Record<string, () => DocumentModel> = {
  arrears_bulletin: () => SUPERVISION_BUILDERS.arrears_bulletin({ issuer: '成都市温江区劳动人事争议仲裁委员会', bulletin: FIXTURE_BULLETIN }),
  blacklist_notice: () => SUPERVISION_BUILDERS.blacklist_notice(list),
  blacklist_decision: () => SUPERVISION_BUILDERS.blacklist_decision(list),
  blacklist_removal: () => SUPERVISION_BUILDERS.blacklist_removal(list),
};
