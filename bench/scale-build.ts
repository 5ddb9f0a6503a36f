/**
 * Builds the scale benchmark's database (issue 13) through the real services: `npx tsx bench/scale-build.ts <cases> <file>`.
 * Used by bench/scale.ts, which caches the result outside the repository.
 *
 * Ten years of a district commission: cases received over ten years up to the run's day, each filed (cases.saveDraft)
 * and accepted (cases.accept) through the dispatcher with the clock set to that day, in batches of 200 operations in one
 * outer transaction (each operation still gets its own savepoint and audit entry). Parties: 1–3 workers with valid
 * resident ID numbers and realistic names, one employer of a pool with a long tail (the busiest employer has about 2 %
 * of all cases). Cases older than 75 days are closed (withdrawal / award / mediation in the register's shares) through
 * the write path with the closing row and its event; the issued documents that a real closing needs are not rendered
 * (bench:documents measures rendering). Recent open cases are composed (cases.compose) and get a hearing
 * (hearings.schedule); one case in twenty has a mediation (mediation.create / mediation.conclude) for the mediation figures.
 */
import type { CaseDetail, UserView } from '../src/api';
import { openDatabase } from '../src/db/open';
import { insertClosure } from '../src/db/queries/closures';
import { addDays, creditCodeCheckChar, residentIdCheckChar, shanghaiDate } from '../src/domain';
import { SYSTEM_USER, type ServiceContext, dispatch } from '../src/services';
import { caseEvent, nowIso } from '../src/services/context';
import { writeTx } from '../src/services/tx';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉文斌宇浩凯鹏飞辉波宁琳晨欣怡佳雪梅婷俊峰亮成龙海燕萍云春'.split('');
const CITY = ['成都', '温江', '郫都', '双流', '新都', '崇州', '大邑', '蒲江'];
const TRADE = ['信达电子', '锦程物流', '蓉城餐饮', '天府建设', '川西机械', '金穗食品', '华阳物业', '恒通汽配', '鑫源服饰', '蜀南家具', '明月酒店', '安居装饰'];
const FORM = ['有限公司', '有限责任公司', '股份有限公司', '餐饮店', '建筑劳务有限公司'];
const CAUSES = ['劳动报酬争议', '解除劳动合同争议', '确认劳动关系争议', '工伤保险待遇争议', '经济补偿争议', '加班费争议'];
const AREAS = ['510115', '510124', '510122', '510104', '510107', '511321', '513030', '500101'];

/** A deterministic generator, so a build is reproducible. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function buildScaleDb(n: number, file: string, today = shanghaiDate(new Date()), log = (s: string) => process.stderr.write(s)): Promise<void> {
  const r = rng(n);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const db = await openDatabase(file);
  db.pragma('synchronous = NORMAL'); // build only: the figures are taken with the app's own settings at open
  let clock = new Date();
  const boot: ServiceContext = { db, session: { user: null }, now: () => clock };
  const call = <T>(ctx: ServiceContext, op: string, input: unknown): T => {
    const res = dispatch(ctx, op, input);
    if (!res.ok) throw new Error(`${op}: ${res.error.message}`);
    return res.value as T;
  };
  const admin = call<UserView>(boot, 'setup.createAdmin', { username: 'admin', displayName: '管理员', role: 'admin', password: 'admin-pass-1' });
  const ctx: ServiceContext = { db, session: { user: SYSTEM_USER, system: true }, now: () => clock };
  void admin;
  const staff = (role: 'arbitrator' | 'clerk', k: number) =>
    Array.from({ length: k }, (_, i) => call<UserView>(ctx, 'users.create', { username: `${role}${i}`, displayName: `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`, role, password: 'password-1' }));
  const arbitrators = staff('arbitrator', 12);
  const clerks = staff('clerk', 8);
  const rooms = Array.from({ length: 6 }, (_, i) => call<{ id: string }>(ctx, 'rooms.create', { venueId: '0000000000000000000000000000c001', name: `第${i + 1}仲裁庭` }));

  const person = () => `${pick(SURNAMES)}${pick(GIVEN)}${r() < 0.7 ? pick(GIVEN) : ''}`;
  const idNumber = (birth: string) => {
    const first17 = `${pick(AREAS)}${birth.replace(/-/g, '')}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  };
  const employers = Array.from({ length: Math.max(20, Math.floor(n / 8)) }, (_, i) => {
    const base = `91510115${String(i).padStart(9, '0')}`.replace(/[IOSVZ]/g, '0');
    return { name: `${pick(CITY)}${pick(TRADE)}${i}${pick(FORM)}`, creditCode: base + creditCodeCheckChar(base) };
  });
  // a long tail: employer 0 has ~2 % of the cases
  const employer = () => (r() < 0.02 ? employers[0]! : employers[Math.floor(employers.length * r() ** 2)]!);

  const start = addDays(today, -3650);
  const t0 = performance.now();
  const BATCH = 200;
  for (let b = 0; b < n; b += BATCH) {
    db.transaction(() => {
      for (let i = b; i < Math.min(n, b + BATCH); i++) {
        const received = addDays(start, Math.floor((3650 * i) / n));
        const accepted = addDays(received, 1 + Math.floor(r() * 4));
        clock = new Date(`${accepted}T09:00:00+08:00`);
        const e = employer();
        const applicants = Array.from({ length: r() < 0.8 ? 1 : 2 + Math.floor(r() * 2) }, () => {
          const birth = addDays('1965-01-01', Math.floor(r() * 13000));
          return { kind: 'person', name: person(), idNumber: idNumber(birth), phone: `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}`, domicile: `四川省${pick(CITY)}市某街道`, agents: [] };
        });
        const amount = 100_000 + Math.floor(r() * 5_000_000);
        const draft = call<CaseDetail>(ctx, 'cases.saveDraft', {
          venueId: '0000000000000000000000000000c001', receivedDate: received, cause: pick(CAUSES), groupFlags: r() < 0.3 ? ['migrant_worker'] : [],
          applicants,
          respondents: [{ kind: 'org', name: e.name, creditCode: e.creditCode, domicile: `成都市${pick(CITY)}区`, representativeName: person(), representativeTitle: '执行董事', agents: [] }],
          claims: [
            { type: 'wages', amountFen: amount, text: `支付拖欠工资${amount / 100}元` },
            ...(r() < 0.5 ? [{ type: 'economic_compensation', amountFen: Math.floor(amount / 2), text: '支付经济补偿' }] : []),
          ],
          evidence: [],
        });
        const c = call<CaseDetail>(ctx, 'cases.accept', { id: draft.id, acceptanceDate: accepted });
        const age = Math.floor((Date.parse(today) - Date.parse(accepted)) / 86_400_000);
        if (i % 20 === 7) {
          const rec = addDays(accepted, 2);
          if (rec <= today) {
            clock = new Date(`${rec}T10:00:00+08:00`);
            const m = call<{ id: string }>(ctx, 'mediation.create', { caseId: c.id, stage: 'in_arbitration', organisation: '仲裁院调解室', workerCount: applicants.length, claimedFen: amount, receivedDate: rec });
            clock = new Date(`${addDays(rec, 5)}T10:00:00+08:00`);
            if (age > 20) call(ctx, 'mediation.conclude', { mediationId: m.id, outcomeDate: addDays(rec, 5), note: '',
              ...(r() < 0.6 ? { outcome: 'success', items: [{ payer: e.name, payee: applicants[0]!.name, subject: '支付工资', amountFen: Math.floor(amount * 0.7), dueDate: addDays(rec, 20), method: '银行转账', instalments: [] }] } : { outcome: 'failure', items: [] }) });
          }
        }
        if (age > 75) {
          const closed = addDays(accepted, 20 + Math.floor(r() * 40));
          const u = r();
          const method = u < 0.45 ? 'award' : u < 0.75 ? 'mediation' : 'withdrawal';
          clock = new Date(`${closed}T10:00:00+08:00`);
          writeTx(ctx, () => {
            insertClosure(db, { case_id: c.id, method, closed_date: closed, due_date: addDays(accepted, 45), overrun_reason: null, note: null, created_at: nowIso(ctx), created_by: SYSTEM_USER.id });
            caseEvent(ctx, c.id, 'case.closed', `结案（${closed}）`);
          }, { op: 'cases.close' });
        } else if (r() < 0.8) {
          const composed = addDays(accepted, 1);
          if (composed <= today) {
            clock = new Date(`${composed}T10:00:00+08:00`);
            call(ctx, 'cases.compose', { id: c.id, mode: 'sole', presidingId: pick(arbitrators).id, memberIds: [], clerkId: pick(clerks).id, composedDate: composed });
            const hearing = addDays(composed, 10 + Math.floor(r() * 30));
            const h = Math.floor(r() * 4);
            const slot = { caseId: c.id, date: hearing, startTime: `${String(9 + 2 * (h % 2) + 5 * Math.floor(h / 2)).padStart(2, '0')}:00`, endTime: `${String(10 + 2 * (h % 2) + 5 * Math.floor(h / 2)).padStart(2, '0')}:30`, roomId: pick(rooms).id };
            let res = dispatch(ctx, 'hearings.schedule', slot);
            // across a long holiday the notice period may not fit: the parties agreed (LDMAL Art 35), as clerks record it
            if (!res.ok && res.error.issues?.some((i) => i.path === 'shortNoticeReason')) res = dispatch(ctx, 'hearings.schedule', { ...slot, shortNoticeReason: '双方当事人同意' });
            if (!res.ok && !/占用|冲突|已有/.test(res.error.message)) throw new Error(`hearings.schedule: ${res.error.message}`);
          }
        }
      }
    }).immediate();
    const done = Math.min(n, b + BATCH);
    log(`\rbuild ${n}: ${done}/${n} cases, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  log('\n');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

if (process.argv[1]?.endsWith('scale-build.ts')) {
  const n = Number(process.argv[2] ?? 1000);
  const file = process.argv[3] ?? `/tmp/scale-${n}.sqlite`;
  await buildScaleDb(n, file);
}
