/**
 * 006: the document register keeps the files. Each issued document stores its DOCX and PDF with their SHA-256, the
 * model's plain text, a version number within its series and the reason for a re-issue. Issued documents are
 * immutable: triggers refuse any change to their content and any deletion; only superseded_by may be set, once.
 */
export const sql = `
ALTER TABLE case_documents ADD COLUMN series_id TEXT;
ALTER TABLE case_documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE case_documents ADD COLUMN reissue_reason TEXT;
ALTER TABLE case_documents ADD COLUMN case_number TEXT;
ALTER TABLE case_documents ADD COLUMN text_content TEXT;
ALTER TABLE case_documents ADD COLUMN payload TEXT;
ALTER TABLE case_documents ADD COLUMN docx BLOB;
ALTER TABLE case_documents ADD COLUMN pdf BLOB;
ALTER TABLE case_documents ADD COLUMN docx_sha256 TEXT;
ALTER TABLE case_documents ADD COLUMN pdf_sha256 TEXT;
ALTER TABLE case_documents ADD COLUMN pages INTEGER;
UPDATE case_documents SET series_id = id WHERE series_id IS NULL;
CREATE INDEX case_documents_series ON case_documents(series_id, version);

CREATE TRIGGER case_documents_immutable BEFORE UPDATE ON case_documents
WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.kind IS NOT OLD.kind OR NEW.title IS NOT OLD.title
  OR NEW.issued_date IS NOT OLD.issued_date OR NEW.hearing_id IS NOT OLD.hearing_id OR NEW.created_at IS NOT OLD.created_at
  OR NEW.created_by IS NOT OLD.created_by OR NEW.series_id IS NOT OLD.series_id OR NEW.version IS NOT OLD.version
  OR NEW.reissue_reason IS NOT OLD.reissue_reason OR NEW.case_number IS NOT OLD.case_number OR NEW.text_content IS NOT OLD.text_content
  OR NEW.payload IS NOT OLD.payload OR NEW.docx IS NOT OLD.docx OR NEW.pdf IS NOT OLD.pdf OR NEW.docx_sha256 IS NOT OLD.docx_sha256
  OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256 OR NEW.pages IS NOT OLD.pages
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
BEGIN
  SELECT RAISE(ABORT, 'issued documents are immutable');
END;

CREATE TRIGGER case_documents_no_delete BEFORE DELETE ON case_documents
BEGIN
  SELECT RAISE(ABORT, 'issued documents cannot be deleted');
END;
`;
