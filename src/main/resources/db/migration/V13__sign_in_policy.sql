-- Sign-in policy (MLPS level 3 / ASVS level 2): forced change of an initial or reset password,
-- password history, failed sign-ins for lockout of accounts and source addresses, and the audit
-- trail's retention: rows may be purged only once they are older than 180 days.

alter table user_account add column must_change_password boolean not null default false;
alter table user_account add column password_changed_at timestamptz not null default now();

create table password_history (
    account_id    bigint       not null references user_account (id) on delete cascade,
    password_hash varchar(255) not null,
    changed_at    timestamptz  not null default now()
);
create index password_history_account_idx on password_history (account_id, changed_at desc);

create table sign_in_attempt (
    id         bigint generated always as identity primary key,
    username   varchar(64) not null,
    address    varchar(64),
    succeeded  boolean     not null,
    attempted_at timestamptz not null default now()
);
create index sign_in_attempt_username_idx on sign_in_attempt (username, attempted_at);
create index sign_in_attempt_address_idx on sign_in_attempt (address, attempted_at) where not succeeded;

-- The audit trail stays append-only, with one exception: the retention job may delete rows older
-- than 180 days, and only when it says so for its own transaction (set local portal.audit_purge).
create or replace function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('portal.audit_purge', true) = 'on'
       and old.occurred_at < now() - interval '180 days' then
        return old;
    end if;
    raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end $$;

-- Scheduled jobs run once across application instances (ShedLock's table).
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
