import { Drawer } from 'antd';

/** Help for the page the user is on, and the keys; the full guide is docs/user-guide.zh.md (same wording). */
const PAGES: Record<string, { title: string; items: string[] }> = {
  employers: { title: '用人单位与欠薪治理', items: [
    '用人单位名册：每个统一社会信用代码（无代码的按名称）一条记录；登记案件、咨询和调解时自动关联，输入简称也能找到。',
    '分级（一般企业、重点企业、隐患企业）按“规则”页所列的标准自动计算，每一级都列明理由；仲裁员可以写明理由后人工调整，所有变更都保留。',
    '欠薪预警由规则自动产生，显示在工作台；交办、跟进、办结后，可选择预警发布《欠薪预警信息》（每年从第1期起编号，期号不重复使用）。',
    '巡查：登记发现的隐患和责令整改期限，整改后确认；逾期未整改的显示在工作台。',
    '欠薪失信名单：告知（含陈述申辩期限）、决定、公布、移出，每一步都有文书和日期；“导出当前名单”生成 Excel 表格供有关部门使用。',
    '重复的单位记录由系统管理员合并，原记录保留并注明已并入。',
  ] },
  dashboard: { title: '工作台', items: [
    '顶部是各类事项的数量；没有事项的栏目自动收起。',
    '“本周到期”指本周一至周日到期的期限；每项写明依据的法条，把鼠标移到日期上可看推算过程。',
  ] },
  cases: { title: '案件', items: [
    '在案件列表中按当事人姓名、证件号码、单位或案号查找；点一行打开案件。',
    '案件页面：受理、组庭、安排开庭、文书与送达、调解与裁决、结案都在这里办理。',
    '安排开庭时，开庭日期距今不足开庭通知期间的（《劳动争议调解仲裁法》第三十五条），须写明理由。',
    '已签发的文书点“查看”可再看、打印或保存，不会重新签发。',
  ] },
  'cases/new': { title: '新建仲裁申请', items: [
    '填写收件信息、当事人、仲裁请求和证据后按 Ctrl+S 保存为草稿。',
    '所有错误在一次保存时同时标在各自的字段旁，页面自动滚动到第一处错误。',
    '未保存就离开本页时，软件会先询问。',
  ] },
  aid: { title: '法律援助工作站', items: [
    '每天先核对值班（1+1坐堂）；点“登记咨询”登记来访人员。',
    '姓名、证件号、单位只填一次，申请法律援助、转调解、申请仲裁时自动带入。',
    '一份咨询登记只能转为一件仲裁申请；本咨询转成的案件不算冲突。',
    '登记有误或来访人补充信息：在咨询页点“修改登记”，填写修改原因后保存；修改前的内容保留在“修改记录”中。',
  ] },
  hearings: { title: '开庭排期', items: [
    '按日或按周查看各场所的开庭；日期框可直接输入日期。',
    '点“开庭公告（打印）”，按场所列出开庭时间、庭室、案号、当事人、案由和仲裁庭，可打印张贴。',
  ] },
  settings: { title: '设置', items: [
    '工作日历：每年放假安排发布后导入；选择文件后先预览，核对无误再点“确认导入”。示例文件不能导入。',
    '期间按工作日或自然日计算，可按本委做法调整。',
  ] },
  users: { title: '用户管理', items: ['为仲裁员、书记员、法律援助律师和窗口工作人员建立账号；停用后立即生效。'] },
  privacy: { title: '个人信息查阅记录', items: ['案件中的身份证件号码和电话默认部分隐藏；工作人员点击“显示完整”并填写理由后才能看到完整号码。', '每次查看都记入本页（查阅人、当事人、项目、时间、理由，不记号码本身）；可按查阅人和日期筛选。'] },
};

const KEYS: [string, string][] = [
  ['Ctrl+S 或 Ctrl+Enter', '保存当前表单'],
  ['Enter', '跳到下一个输入框（不会提交表单）'],
  ['Esc', '关闭当前对话框'],
  ['Alt+↓', '在日期框中打开日历'],
];

export function HelpDrawer({ page, open, onClose }: { page: string; open: boolean; onClose: () => void }) {
  const help = PAGES[page] ?? PAGES[page.split('/')[0]!] ?? PAGES.dashboard!;
  return (
    <Drawer title={`使用说明：${help.title}`} open={open} onClose={onClose} size={460} data-testid="help">
      <ul style={{ paddingLeft: 18 }}>{help.items.map((t) => <li key={t} style={{ marginBottom: 6 }}>{t}</li>)}</ul>
      <h4>日期的写法</h4>
      <p>20261125、2026-11-25、2026.11.25、2026/11/25、2026年11月25日 都可以；只写 11-25 表示今年。不存在的日期会在框下说明原因，不会被改成别的日期。所有日期按北京时间计算。</p>
      <h4>快捷键</h4>
      <table className="desk-table"><tbody>{KEYS.map(([k, v]) => <tr key={k} style={{ cursor: 'default' }}><td style={{ whiteSpace: 'nowrap' }}><kbd>{k}</kbd></td><td>{v}</td></tr>)}</tbody></table>
      <p className="muted" style={{ marginTop: 12 }}>完整的使用说明（启动、角色、日常工作、数据备份、放假安排文件格式）随软件提供：安装目录 docs/user-guide.zh.md《劳动仲裁工作台 使用说明》。</p>
    </Drawer>
  );
}
