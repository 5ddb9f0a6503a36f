import type { CaseDraftInput } from '../api';
import { creditCodeCheckChar, residentIdCheckChar } from '../domain';

/** Realistic but fictitious sample data for training and evaluation (desk demo). Deterministic for a given seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林'.split('');
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '喆', '堃'];
const EMPLOYERS = [
  ['成都蓉西精密机械有限公司', '温江区海峡两岸科技产业开发园'],
  ['成都金马河建筑劳务有限公司', '温江区公平街道'],
  ['四川花木之乡园林工程有限公司', '温江区万春镇'],
  ['成都医学城康达生物科技有限公司', '温江区成都医学城'],
  ['温江区鑫悦餐饮管理有限公司', '温江区柳城街道'],
  ['成都天府物流配送有限公司', '温江区永宁街道'],
] as const;
// Sichuan: Chengdu Wenjiang 510115; sample birth places across Sichuan.
const REGIONS = ['510115', '510124', '511321', '510623', '513922', '511025'];

export function personId(r: () => number): { id: string; sex: 'male' | 'female'; birthDate: string } {
  const y = 1965 + Math.floor(r() * 40);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const seq = 100 + Math.floor(r() * 899);
  const first17 = `${REGIONS[Math.floor(r() * REGIONS.length)]}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
  return { id: first17 + residentIdCheckChar(first17), sex: seq % 2 === 1 ? 'male' : 'female', birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

export function creditCode(n: number): string {
  const first17 = `91510115MA6${String(100000 + n * 7919).slice(-6)}`;
  return first17 + creditCodeCheckChar(first17);
}

export function demoDrafts(count: number, venueIds: string[], seed = 20261128): CaseDraftInput[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const out: CaseDraftInput[] = [];
  for (let i = 0; i < count; i++) {
    const e = Math.floor(r() * EMPLOYERS.length);
    const [employer, place] = EMPLOYERS[e]!;
    const nApplicants = r() < 0.15 ? 2 + Math.floor(r() * 3) : 1;
    const applicants = Array.from({ length: nApplicants }, () => {
      const p = personId(r);
      return {
        kind: 'person' as const, name: pick(SURNAMES) + pick(GIVEN), sex: p.sex, birthDate: p.birthDate, ethnicity: '汉族', idNumber: p.id,
        domicile: `四川省成都市温江区${pick(['柳城', '公平', '天府', '涌泉', '金马', '和盛'])}街道${1 + Math.floor(r() * 200)}号`,
        phone: `13${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`, agents: [],
      };
    });
    const monthly = 250_000 + Math.floor(r() * 60) * 5_000;
    const months = 1 + Math.floor(r() * 5);
    const claims: CaseDraftInput['claims'] = [
      { type: 'wages', amountFen: monthly * months, periodStart: '2026-03-01', periodEnd: '2026-08-31', text: `支付拖欠工资${(monthly * months) / 100}元` },
    ];
    if (r() < 0.6) claims.push({ type: 'economic_compensation', amountFen: monthly * (1 + Math.floor(r() * 6)), text: '支付解除劳动合同经济补偿' });
    if (r() < 0.3) claims.push({ type: 'overtime', amountFen: 20_000 + Math.floor(r() * 400) * 100, text: '支付延时加班工资' });
    if (r() < 0.2) claims.push({ type: 'confirm_employment', amountFen: null, text: '确认双方存在劳动关系' });
    const day = 1 + Math.floor(r() * 27);
    out.push({
      venueId: pick(venueIds),
      receivedDate: `2026-${String(1 + Math.floor(r() * 10)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      cause: '劳动报酬争议',
      groupFlags: r() < 0.5 ? ['migrant_worker'] : r() < 0.2 ? ['three_period_female'] : [],
      applicants,
      respondents: [{
        kind: 'org', name: employer, creditCode: creditCode(e), domicile: `四川省成都市${place}`, representativeName: pick(SURNAMES) + pick(GIVEN),
        representativeTitle: '执行董事', representativeKind: 'legal', agents: [],
      }],
      claims,
      evidence: [{ name: '工资流水', source: '申请人提供', purpose: '工资标准及欠付情况', copies: 1 }],
    });
  }
  return out;
}

// ---- collective roster (issue 16 item 6)
const JOBS = ['钢筋工', '木工', '泥瓦工', '架子工', '电焊工', '水电工', '普工', '油漆工'];

/**
 * A fictitious roster of `n` construction workers with distinct ID numbers and amounts owed (demo data, browser test
 * and benchmark). Amounts in fen, some with cents, so that a total is a real sum.
 */
export function demoRoster(n: number, seed = 169): import('../api').RosterRowInput[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const seen = new Set<string>();
  const out: import('../api').RosterRowInput[] = [];
  while (out.length < n) {
    const p = personId(r);
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const months = 2 + Math.floor(r() * 5);
    out.push({
      name: ((g) => pick(SURNAMES) + g + (g.length === 1 && r() < 0.3 ? pick(GIVEN).slice(0, 1) : ''))(pick(GIVEN)), idNumber: p.id,
      phone: `13${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`, job: pick(JOBS), period: `2026年${9 - months}月至2026年8月`,
      amountFen: months * (450_000 + Math.floor(r() * 300) * 1_000) + Math.floor(r() * 100), claimItems: `支付${months}个月拖欠工资`,
    });
  }
  return out;
}
