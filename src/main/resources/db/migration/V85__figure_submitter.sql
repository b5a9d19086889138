-- Who submitted a figure (its 填报人), kept on the figure when it happens: the review queues show
-- the reporter, while updated_by names whoever acted last (after a return or an approval, the
-- reviewer; after a reopening, the level above).
alter table indicator_value add column submitted_by varchar(64);

-- As V16's facts, plus the submitter: a submission is a step from an editable status (draft,
-- returned) to submitted; a reopening (approved → submitted) keeps the reporter. A figure loaded
-- already past draft (the demo, an installation's own data) counts its loader as the submitter.
create or replace function indicator_value_facts() returns trigger language plpgsql as $$
begin
    if new.status = 'SUBMITTED' and new.first_submitted_at is null
       and (tg_op = 'INSERT' or old.status is distinct from 'SUBMITTED') then
        new.first_submitted_at := now();
        new.submitted_late := coalesce((select now() >= (p.due_on + 1)::timestamp at time zone 'Asia/Shanghai'
                                        from reporting_period p where p.id = new.period_id), false);
    end if;
    if new.status = 'RETURNED' and (tg_op = 'INSERT' or old.status is distinct from 'RETURNED') then
        new.return_count := (case when tg_op = 'INSERT' then 0 else old.return_count end) + 1;
    end if;
    if tg_op = 'INSERT' and new.status <> 'DRAFT' then
        new.submitted_by := coalesce(new.submitted_by, new.updated_by);
    elsif tg_op = 'UPDATE' and new.status = 'SUBMITTED' and old.status in ('DRAFT', 'RETURNED') then
        new.submitted_by := new.updated_by;
    end if;
    return new;
end $$;

-- Figures submitted before: the last submission in their history, else (nothing recorded or the
-- history purged) whoever last changed one that is waiting for review.
update indicator_value v
set submitted_by = (select h.actor from audit_history('indicator_value', v.id) h
                    where h.action = 'SUBMIT' order by h.occurred_at desc, h.id desc limit 1)
where v.status <> 'DRAFT';

update indicator_value set submitted_by = updated_by where status = 'SUBMITTED' and submitted_by is null;
