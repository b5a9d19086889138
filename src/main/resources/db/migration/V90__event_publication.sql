-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc, as its
-- schema-postgresql.sql): an event for a module listener (@ApplicationModuleListener) is stored here
-- in the publisher's transaction and marked done when the listener completed, so an event whose
-- listener failed or never ran (a crash after the commit) is resubmitted at the next start.
-- Owned by system (the registry is infrastructure, like shedlock).
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
