-- No row every writer must wait for (issue 20).
--
-- Complaint numbers: each registration used to take the year's counter row first and hold its lock through the rest of
-- the transaction, so registrations on every server ran one at a time. Each year now has a sequence of its own:
-- nextval never waits for another transaction. A number taken by a transaction that then fails (a refusal after
-- numbering, a deadlock retry, a crash) is not given again, so numbers stay unique and increasing but may have gaps.
-- The sequences continue from the counters' last numbers; the counter table stays, unused, for the record.
DO $$
DECLARE
    y integer;
    last_number bigint;
BEGIN
    FOR y IN 2000..2099 LOOP
        EXECUTE format('CREATE SEQUENCE complaint_number_%s AS bigint MINVALUE 1', y);
        SELECT last INTO last_number FROM complaint_numbers WHERE year = y;
        IF last_number IS NOT NULL THEN
            PERFORM setval(format('complaint_number_%s', y), last_number);
        END IF;
    END LOOP;
END
$$;

-- Statistics: every event used to add to the same national cells of its month, so every writer waited for every other
-- there, and wrote some forty cells. A write now appends one row holding its event's additions (the cells' keys and
-- amounts as arrays, as StatisticsCells computed them); one folder at a time (an advisory lock) moves pending rows into
-- the cells — deleting them and adding their sums in one statement, so each is counted exactly once — every fraction
-- of a second, and before any statistics are read, so a reading always equals what the event log implies.
CREATE TABLE statistics_pending (
    id             bigserial PRIMARY KEY,
    provinces      text[] NOT NULL,
    dimensions     text[] NOT NULL,
    keys           text[] NOT NULL,
    figures        text[] NOT NULL,
    months         text[] NOT NULL,
    amounts        bigint[] NOT NULL,
    d_provinces    text[] NOT NULL,
    d_steps        text[] NOT NULL,
    d_units        text[] NOT NULL,
    d_months       text[] NOT NULL,
    d_days         integer[] NOT NULL,
    d_counts       bigint[] NOT NULL
);
