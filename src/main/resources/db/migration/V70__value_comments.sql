-- The dialogue on one reported figure between its reporter, its reviewers and the office
-- (reporting module): remarks in order, never edited or deleted; each is also in audit_log.
create table value_comment (
    id          bigserial    primary key,
    value_id    bigint       not null references indicator_value (id) on delete cascade,
    author      varchar(64)  not null,
    author_role varchar(20)  not null check (author_role in ('REPORTER', 'REVIEWER', 'OFFICE')),
    body        text         not null check (length(btrim(body)) between 1 and 1000),
    created_at  timestamptz  not null default now()
);

create index value_comment_value_idx on value_comment (value_id, created_at);
