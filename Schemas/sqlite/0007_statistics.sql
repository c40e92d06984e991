-- Statistics kept as they happen: for every event, what StatisticsLedger counts is added to the cells of its CST month,
-- its intake province and each dimension key, in the same transaction as the event. A month's figures read a few
-- hundred cells instead of scanning the event log. The cells are derived data: `arrearsd statistics rebuild` (and this
-- migration, for databases that already have events) recomputes them from the log.

CREATE TABLE statistics_cells (
    month      TEXT NOT NULL,            -- YYYY-MM in China Standard Time
    province   TEXT NOT NULL,            -- intake province code; '' for the national intake
    dimension  TEXT NOT NULL,            -- all, province, respondent_kind, respondent_level, department, industry, size
    key        TEXT NOT NULL,
    figure     TEXT NOT NULL,            -- a Figure: registered, rejected_not_sme, in_forwarded, amount_paid_fen, ...
    value      INTEGER NOT NULL,
    PRIMARY KEY (month, province, dimension, key, figure)
) STRICT, WITHOUT ROWID;

CREATE INDEX statistics_cells_by_province ON statistics_cells (province, month);
