-- What a figure held when a reviewer last returned it, kept on the figure, so a resubmission can be
-- compared with it (unchanged needs a new note; the reviewer's queue shows what changed) without
-- reading the audit trail, whose rows are purged after the retention period.
alter table indicator_value
    add column returned_at          timestamptz,
    add column returned_reason      text,
    add column returned_value       numeric(18, 4),
    add column returned_numerator   numeric(18, 4),
    add column returned_denominator numeric(18, 4),
    add column returned_note        text;

update indicator_value v
set returned_at = r.occurred_at,
    returned_reason = r.reason,
    returned_value = (r.new_state ->> 'value')::numeric,
    returned_numerator = (r.new_state ->> 'numerator')::numeric,
    returned_denominator = (r.new_state ->> 'denominator')::numeric,
    returned_note = r.new_state ->> 'note'
from (select distinct on (entity_id) entity_id, occurred_at, reason, new_state
      from audit_log
      where entity = 'indicator_value' and action = 'RETURN'
      order by entity_id, occurred_at desc, id desc) r
where r.entity_id = v.id;

-- A figure returned without a RETURN row in the trail (loaded data, purged rows): as it stands now.
update indicator_value
set returned_at = updated_at, returned_reason = return_reason, returned_value = value,
    returned_numerator = numerator, returned_denominator = denominator, returned_note = note
where status = 'RETURNED' and returned_at is null;
