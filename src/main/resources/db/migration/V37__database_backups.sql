-- Base backups the portal takes of its embedded database (issue 19): what the system administrator
-- sees on /admin/backups, and what tells the scheduled job when the last one was taken.
create table database_backup (
    id          bigint generated always as identity primary key,
    name        varchar(64),
    trigger     varchar(16)  not null check (trigger in ('SCHEDULED', 'MANUAL')),
    requested_by varchar(100),
    started_at  timestamptz  not null default now(),
    finished_at timestamptz,
    status      varchar(16)  not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    size_bytes  bigint check (size_bytes >= 0),
    message     varchar(2000)
);

create index database_backup_started on database_backup (started_at desc);
