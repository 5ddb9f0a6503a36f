import { Button, Empty, Flex, Modal, Segmented, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Hearing, Venue } from '../../../../src/api';
import { HEARING_OUTCOMES, addDays, calendarWeek, isCalendarDate, weekdayOf } from '../../../../src/domain';
import { DateField } from '../../components/DateField';
import { api } from '../../lib/api-client';
import { today } from '../../lib/dates';
import { ExportButton } from '../lists/ExportButton';
import { base64ToBytes, printHtml, printPdf, saveFile } from '../../lib/pdf';

/** Hearing schedule by day or week, for one venue (the commission's rooms or a circuit site) or all. */
export function HearingSchedulePage() {
  const [view, setView] = useState<'day' | 'week'>('week');
  const [anchor, setAnchorDate] = useState<string>(today());
  const [anchorText, setAnchorText] = useState<string | undefined>(anchor);
  const setAnchor = (d: string) => { setAnchorDate(d); setAnchorText(d); };
  const [venueId, setVenueId] = useState<string | undefined>();
  const [venues, setVenues] = useState<Venue[]>([]);
  const [hearings, setHearings] = useState<Hearing[]>([]);
  const from = view === 'day' ? anchor : calendarWeek(anchor).monday;
  const days = Array.from({ length: view === 'day' ? 1 : 7 }, (_, i) => addDays(from, i));
  useEffect(() => void api('venues.list', {}).then((r) => r.ok && setVenues(r.value)), []);
  useEffect(() => {
    void api('hearings.list', { from: days[0]!, to: days[days.length - 1]!, venueId }).then((r) => r.ok && setHearings(r.value));
  }, [days[0], days.length, venueId]); // eslint-disable-line react-hooks/exhaustive-deps
  const weekday = (d: string) => '日一二三四五六'[weekdayOf(d)];
  const [noticeOpen, setNoticeOpen] = useState(false);
  const sheet = useRef<HTMLDivElement>(null);
  const [commission, setCommission] = useState('');
  useEffect(() => void api('settings.get', {}).then((r) => r.ok && setCommission(r.value.commissionName)), []);
  // 开庭公告: the scheduled hearings of the day or week shown, one section per venue.
  const listed = hearings.filter((h) => h.status === 'scheduled');
  const byVenue = [...new Set(listed.map((h) => h.venueName))].map((v) => ({ venue: v, rows: listed.filter((h) => h.venueName === v) }));
  const [bulletinError, setBulletinError] = useState<string | null>(null);
  /** The venue's 开庭公告 for the day shown, as a paper from the document engine (issue 11 item 6). */
  const bulletin = async (what: 'print' | 'save') => {
    setBulletinError(null);
    const r = await api('hearings.bulletin', { venueId: venueId!, date: anchor, format: 'pdf' });
    if (!r.ok) return setBulletinError(r.error.message);
    const bytes = base64ToBytes(r.value.base64);
    if (what === 'print') await printPdf(bytes);
    else saveFile(bytes, r.value.fileName, r.value.mimeType);
  };
  const span = days.length === 1 ? `${days[0]}（周${weekday(days[0]!)}）` : `${days[0]} 至 ${days[days.length - 1]}`;
  return (
    <div style={{ maxWidth: 1300 }}>
      <h1 className="page-title">开庭排期</h1>
      <Flex gap={8} style={{ marginBottom: 12 }} wrap>
        <Segmented value={view} onChange={(v) => setView(v as 'day' | 'week')} options={[{ value: 'day', label: '日' }, { value: 'week', label: '周' }]} />
        <Button onClick={() => setAnchor(addDays(anchor, view === 'day' ? -1 : -7))}>上一{view === 'day' ? '日' : '周'}</Button>
        <DateField value={anchorText} onChange={(d) => { setAnchorText(d); if (d && isCalendarDate(d)) setAnchorDate(d); }} showError aria-label="查看日期" />
        <Button onClick={() => setAnchor(addDays(anchor, view === 'day' ? 1 : 7))}>下一{view === 'day' ? '日' : '周'}</Button>
 <Button onClick={() => setNoticeOpen(true)}>开庭公告（打印）</Button>
        <Button disabled={view !== 'day' || !venueId} title={view !== 'day' || !venueId ? '请选择“日”视图和一个场所' : undefined} onClick={() => void bulletin('print')} data-testid="bulletin-print">本场所当日开庭公告（文书）</Button>
        <Button disabled={view !== 'day' || !venueId} onClick={() => void bulletin('save')}>保存开庭公告 PDF</Button>
        <Select allowClear placeholder="全部场所" style={{ width: 260 }} value={venueId} onChange={setVenueId} options={venues.map((v) => ({ value: v.id, label: v.name }))} aria-label="场所" />
        <ExportButton op="hearings.export" input={{ from: days[0]!, to: days[days.length - 1]!, ...(venueId ? { venueId } : {}) }} disabled={hearings.length === 0} testId="hearings-export" />
      </Flex>
      {bulletinError && <div className="error-text" role="alert" style={{ color: '#cf1322', marginBottom: 8 }}>{bulletinError}</div>}
      <Modal open={noticeOpen} onCancel={() => setNoticeOpen(false)} width={900} title={`开庭公告：${span}`}
        footer={<Flex gap={8} justify="end"><Button onClick={() => setNoticeOpen(false)}>关闭</Button><Button type="primary" disabled={!listed.length} onClick={() => sheet.current && printHtml(sheet.current)}>打印</Button></Flex>}>
        <div ref={sheet} className="hearing-list" data-testid="hearing-list">
          <h2>开庭公告</h2>
          <div className="sub">{commission}定于 {span} 公开开庭审理下列劳动人事争议案件（依法不公开审理的除外）：</div>
          {byVenue.length === 0 && <p>此期间没有安排开庭。</p>}
          {byVenue.map(({ venue, rows }) => (
            <section key={venue}>
              <h3>{venue}</h3>
              <table>
                <thead><tr><th>开庭时间</th><th>庭室</th><th>案号</th><th>当事人</th><th>案由</th><th>仲裁庭</th></tr></thead>
                <tbody>
                  {rows.map((h) => (
                    <tr key={h.id}><td>{h.date.slice(5)}（周{weekday(h.date)}）{h.startTime}–{h.endTime}</td><td>{h.roomName}</td><td>{h.caseNumber}</td><td>{h.parties}</td><td>{h.cause ?? ''}</td><td>{h.staff.join('，')}</td></tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <div className="foot">{commission}<br />{today()}</div>
        </div>
      </Modal>
      <Flex gap={8} align="stretch" data-testid="hearing-schedule">
        {days.map((d) => {
          const list = hearings.filter((h) => h.date === d);
          return (
            <div key={d} style={{ flex: 1, minWidth: 0, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 4, padding: 8 }}>
              <div style={{ fontWeight: 600, marginBottom: 6 }}>{d.slice(5)} 周{weekday(d)}</div>
              {list.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />}
              {list.map((h) => (
                <a key={h.id} href={`#/cases/${h.caseId}`} style={{ display: 'block', padding: 6, marginBottom: 6, borderLeft: '3px solid #1677ff', background: '#f5f9ff', color: 'inherit' }}>
                  <div><strong>{h.startTime}–{h.endTime}</strong> {h.roomName}</div>
                  <div style={{ fontSize: 12 }}>{h.caseNumber}</div>
                  <div className="muted" style={{ fontSize: 12 }}>{h.venueName}；{h.staff.join('，')}{h.outcome ? `；${HEARING_OUTCOMES[h.outcome]}` : ''}</div>
                </a>
              ))}
            </div>
          );
        })}
      </Flex>
    </div>
  );
}
