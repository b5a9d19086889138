-- Explanations are materialised with the indicator's declared precision (docs/progress.md §6), so a
-- change of `decimals` must recompute them like a change of direction or value type does.
drop trigger indicator_progress on indicator;
create trigger indicator_progress after update on indicator
    for each row when (old.direction is distinct from new.direction or old.value_type is distinct from new.value_type
                       or old.aggregation is distinct from new.aggregation or old.decimals is distinct from new.decimals)
    execute function progress_indicator_changed();
