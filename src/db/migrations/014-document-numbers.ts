/**
 * 014: 文号 for papers that carry no case number (issue 11 item 3).
 * - document_number_seq: one sequence per series (the kind's pattern key) and year; a number is taken inside the issuing
 *   transaction, so a failed issue rolls back and leaves no gap, and a number is never used twice.
 * - case_documents.doc_number: the 文号 printed on the paper (a re-issued version keeps its series' number). Rows issued
 *   before this migration have none (a NULL column does not change their audit hashes, see audit-chain rowHash).
 */
export const sql = `
CREATE TABLE document_number_seq (
  series TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL CHECK (last > 0),
  PRIMARY KEY (series, year)
);
ALTER TABLE case_documents ADD COLUMN doc_number TEXT;
CREATE UNIQUE INDEX case_documents_doc_number ON case_documents (doc_number) WHERE doc_number IS NOT NULL AND version = 1;
`;
