-- How often an indicator is reported. Every indicator has an annual figure (progress is judged on
-- it); a half-yearly or quarterly indicator is reported in those periods too.
alter table indicator add column reporting_frequency varchar(16) not null default 'ANNUAL'
    check (reporting_frequency in ('ANNUAL', 'HALF_YEARLY', 'QUARTERLY'));
