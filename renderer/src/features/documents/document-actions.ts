import type { ApiError } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { base64ToBytes, printPdf, saveFile } from '../../lib/pdf';

/** Download or print a stored version of an issued document; returns an error message or null. */
export async function downloadDocument(documentId: string, format: 'pdf' | 'docx'): Promise<ApiError | null> {
  const r = await api('documents.file', { documentId, format });
  if (!r.ok) return r.error;
  saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
  return null;
}

export async function printDocument(documentId: string): Promise<ApiError | null> {
  const r = await api('documents.file', { documentId, format: 'pdf' });
  if (!r.ok) return r.error;
  await printPdf(base64ToBytes(r.value.base64));
  return null;
}
