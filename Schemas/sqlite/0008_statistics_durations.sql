-- Time from receipt to each measured step (accepted, forwarded, resolved, closed), as a histogram of days per CST month
-- and intake province, counted in the unit of the rule of the stage the step ends; medians and 90th percentiles are read
-- from the merged histograms. Cells gain the late and overdue figures of each stage: both are recomputed from the log.

CREATE TABLE statistics_durations (
    month      TEXT NOT NULL,
    province   TEXT NOT NULL,
    step       TEXT NOT NULL,            -- accepted, forwarded, resolved, closed
    unit       TEXT NOT NULL,            -- working_days or calendar_days
    days       INTEGER NOT NULL,
    count      INTEGER NOT NULL,
    PRIMARY KEY (month, province, step, unit, days)
) STRICT, WITHOUT ROWID;
