-- A fixture for DatabaseOwnershipTests: progress puts a trigger on reporting's table (a violation);
-- its function reads targets' published view (none).
create function progress_changed() returns trigger language plpgsql as $$
begin
    insert into progress_change (indicator_id) select indicator_id from target_term where id = 1;
    return null;
end $$;

create trigger indicator_value_progress after insert on indicator_value
    for each row execute function progress_changed();
