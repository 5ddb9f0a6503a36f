import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { base64ToBytes, renderPages } from '../../lib/pdf';

/** The PDF drawn page by page inside the app (pdf.js) — the exact bytes that are issued and printed. */
export function PdfView({ base64, width = 560 }: { base64: string; width?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  useEffect(() => {
    let cancelled = false;
    setState('loading');
    renderPages(base64ToBytes(base64), width)
      .then((canvases) => {
        if (cancelled || !box.current) return;
        box.current.replaceChildren(...canvases);
        setState('ready');
      })
      .catch(() => !cancelled && setState('error'));
    return () => {
      cancelled = true;
    };
  }, [base64, width]);
  return (
    <div>
      {state === 'loading' && <Spin description="正在排版预览…" />}
      {state === 'error' && <div className="muted">预览失败，请直接下载 PDF 查看</div>}
      <div ref={box} className="pdf-pages" data-testid="pdf-preview" data-state={state} />
    </div>
  );
}
