-- Finding complaints by what officials type (SearchTerms): one row per complaint, rowid = complaints.seq, holding the
-- terms of its number, parties, credit codes and contract numbers. Contentless: only the index is kept (the complaint
-- holds the text), and rows are only ever added, as complaints are never deleted. The terms are cut in Swift, so the
-- tokenizer only splits on the spaces between them.
CREATE VIRTUAL TABLE complaint_search USING fts5 (terms, content = '', tokenize = 'unicode61 remove_diacritics 0');
