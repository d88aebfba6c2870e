/** The public surface of request documents for the workflow (src/requests/) and the tracking page. */
export { DEFAULT_TEMPLATES, type DocumentTemplate } from './default-templates.ts';
export { type IssuedDocument, issueDocument } from './issue-document.ts';
export { DOCUMENT_KINDS, type DocumentKind, isDocumentKind, PLACEHOLDERS } from './kinds.ts';
export { documentPdf, listDocuments, type RequestDocument } from './list-documents.ts';
export { renderPdf } from './render-pdf.ts';
export { LEGAL_BASIS, replyDocumentKind } from './reply-documents.ts';
