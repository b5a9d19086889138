-- Reporting periods as other modules read them (the worklist's to-do list and reminders): which are
-- open and when each is due. Owned by reporting; the worklist read reporting_period itself (issue 17).
create view reporting_window as
select id, year, kind, number, due_on, status = 'OPEN' as open
from reporting_period;

comment on view reporting_window is
    'Reporting periods with their due date and whether they are open (reporting; docs/architecture.md).';
