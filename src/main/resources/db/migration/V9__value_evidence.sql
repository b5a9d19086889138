-- Evidence for a reported figure (scanned certificates, inspection reports, spreadsheets), kept in
-- PostgreSQL with the figure so a backup holds both. Sizes are limited by the application too.
create table value_evidence (
    id           bigserial    primary key,
    value_id     bigint       not null references indicator_value (id) on delete cascade,
    filename     varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null check (size_bytes > 0 and size_bytes <= 10485760),
    content      bytea        not null,
    uploaded_at  timestamptz  not null default now(),
    uploaded_by  varchar(64)  not null
);

create index value_evidence_value on value_evidence (value_id);
