-- Public progress (政务公开): what the office has chosen to publish. A document appears on the
-- public site only while it has a row here (and is in force); a year's statuses only while the
-- year has a row for the document's region or a region above it. Withdrawal deletes the row; both
-- acts are in audit_log.
create table published_document (
    document_id  bigint       primary key references policy_document (id),
    published_at timestamptz  not null default now(),
    published_by varchar(64)  not null
);

create table published_year (
    region_code  varchar(6)   not null references region (code),
    year         integer      not null check (year between 1949 and 2100),
    published_at timestamptz  not null default now(),
    published_by varchar(64)  not null,
    primary key (region_code, year)
);
