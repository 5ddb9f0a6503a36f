import { Alert, Button, Card, Checkbox, Input, Radio, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SurveyScreen as Screen } from '../../../../src/api';
import { SATISFACTION, type SatisfactionRating } from '../../../../src/domain';
import { api } from '../../lib/api-client';

/** Reasons a party may tick (optional); free text is added as one more reason. */
const REASONS = ['办理及时', '工作人员态度好', '解释清楚', '等候时间较长', '程序不清楚', '结果不满意'];
const TOKEN_KEY = 'desk.surveyScreen';

/**
 * The token of the survey screen this tab shows, if any. Once a tab has opened a survey link it stays the survey screen
 * (kept in this tab's sessionStorage): changing the address in it does not reach the rest of the app.
 */
export function surveyScreenToken(): string | null {
  const m = /^#\/survey\/([A-Za-z0-9_-]{20,64})$/.exec(window.location.hash);
  if (m) sessionStorage.setItem(TOKEN_KEY, m[1]!);
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * The party's survey on the second screen (issue 15 item 4): only the survey for one case or consultation, answered
 * once through the one-time link the staff opened. Nothing else of the app is reachable from this window.
 */
export function SurveyScreen({ token }: { token: string }) {
  const [screen, setScreen] = useState<Screen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rating, setRating] = useState<SatisfactionRating | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = '满意度评价';
    void api('survey.get', { token }).then((r) => (r.ok ? setScreen(r.value) : setError(r.error.message)));
  }, [token]);

  const submit = async () => {
    if (!rating) return setError('请选择：满意、基本满意或不满意');
    setBusy(true);
    const r = await api('survey.submit', { token, rating, reasons: [...reasons, ...(other.trim() ? [other.trim()] : [])] });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setSent(true);
  };

  const frame = (content: React.ReactNode) => (
    <div style={{ maxWidth: 640, margin: '40px auto', padding: '0 16px' }} data-testid="survey-screen">{content}</div>
  );
  if (sent || screen?.answered) return frame(<Result status="success" title="谢谢您的评价" subTitle="您的评价已记录。请将屏幕交还工作人员。" data-testid="survey-thanks" />);
  if (!screen) return frame(error ? <Alert type="error" showIcon title={error} data-testid="survey-error" /> : <Spin size="large" style={{ display: 'block', marginTop: 80 }} />);
  return frame(
    <Card title={<span style={{ fontSize: 20 }}>满意度评价</span>} extra={<span className="muted">{screen.commissionName}</span>}>
      <Typography.Paragraph style={{ fontSize: 16 }} data-testid="survey-subject">请对本次办理（{screen.subject}）作出评价：</Typography.Paragraph>
      <Radio.Group value={rating} onChange={(e) => setRating(e.target.value as SatisfactionRating)} size="large" style={{ marginBottom: 20 }} aria-label="评价">
        {(Object.keys(SATISFACTION) as SatisfactionRating[]).map((k) => <Radio.Button key={k} value={k} style={{ fontSize: 18, height: 48, lineHeight: '46px', paddingInline: 28 }}>{SATISFACTION[k]}</Radio.Button>)}
      </Radio.Group>
      <Typography.Paragraph className="muted">原因（选填，可多选）：</Typography.Paragraph>
      <Checkbox.Group value={reasons} onChange={(v) => setReasons(v as string[])} options={REASONS} style={{ marginBottom: 12 }} />
      <Input.TextArea value={other} onChange={(e) => setOther(e.target.value)} maxLength={200} rows={2} placeholder="其他意见（选填）" aria-label="其他意见" style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="survey-error" />}
      <Button type="primary" size="large" block loading={busy} onClick={() => void submit()}>提交评价</Button>
    </Card>,
  );
}
