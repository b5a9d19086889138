-- People read names, not account names: history, queues and notes show the account's display
-- name. One function so every query says it the same way; an account that no longer exists (or a
-- system actor such as 'system' or 'import') shows as recorded.
create function person_name(account varchar) returns varchar
    language sql stable parallel safe
    return coalesce((select display_name from user_account where username = account), account);
