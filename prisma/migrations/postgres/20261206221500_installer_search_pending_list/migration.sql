-- The installers' full-text index (GIN) keeps the entries of new and changed installers in a
-- pending list until it merges them, and every search reads that whole list. At PostgreSQL's
-- default limit of 4 MB the list grows to ~500 pages (~14,000 changed installers) before an insert
-- merges it; autovacuum merges it too, but vacuums a large table rarely. At a million installers,
-- after 4,800 changes (176 pages in the list) "olivia smith" took 4.4 ms in the index instead of
-- 2.5 (EXPLAIN ANALYZE) and its page 22.6 ms instead of 22.0. At 256 kB a search reads at most 32
-- pages of it, and the writer that fills it merges it: a 200-row change pays that now and then
-- instead of every search paying for the whole list.
ALTER INDEX "Installer_searchText_idx" SET (gin_pending_list_limit = 256);
