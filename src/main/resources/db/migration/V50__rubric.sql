-- The annual assessment as offices run it (考核评分细则): a rubric per year and ranking region with
-- criteria by category, bonus, deduction and veto items and grade thresholds; each subregion's
-- self-assessment (自评) with evidence, the office's review of every line, and the published
-- results, frozen like those of the scheme (V12).

create table rubric (
    id                 bigserial     primary key,
    year               integer       not null check (year between 1949 and 2100),
    parent_region_code varchar(6)    not null references region (code),
    bonus_cap          numeric(6, 2) not null default 5 check (bonus_cap between 0 and 1000),
    deduction_cap      numeric(6, 2) not null default 10 check (deduction_cap between 0 and 1000),
    grade_excellent    numeric(6, 2) not null default 90 check (grade_excellent between 0 and 1000),
    grade_good         numeric(6, 2) not null default 80 check (grade_good between 0 and 1000),
    grade_pass         numeric(6, 2) not null default 60 check (grade_pass between 0 and 1000),
    version            bigint        not null default 1,
    updated_by         varchar(64)   not null,
    updated_at         timestamptz   not null default now(),
    unique (year, parent_region_code),
    check (grade_excellent >= grade_good and grade_good >= grade_pass)
);

-- kind: CRITERION (scored 0..points), BONUS (加分项, 0..points, all together at most bonus_cap),
-- DEDUCTION (扣分项, likewise up to deduction_cap), VETO (一票否决: decided yes or no, caps the grade).
-- method: how a criterion is scored: from target statuses (of one goal area, or all when area is
-- null), from reporting punctuality, or by hand with evidence.
create table rubric_item (
    id                bigserial     primary key,
    rubric_id         bigint        not null references rubric (id) on delete cascade,
    position          integer       not null,
    kind              varchar(16)   not null check (kind in ('CRITERION', 'BONUS', 'DEDUCTION', 'VETO')),
    category          varchar(100)  not null,
    title             varchar(500)  not null,
    points            numeric(6, 2) not null check (points between 0 and 1000),
    method            varchar(16)   not null default 'MANUAL' check (method in ('TARGETS', 'PUNCTUALITY', 'MANUAL')),
    area              varchar(32),
    evidence_required varchar(1000),
    veto_grade        varchar(16)   check (veto_grade in ('GOOD', 'PASS', 'FAIL')),
    check (method = 'MANUAL' or kind = 'CRITERION'),
    check ((kind = 'VETO') = (veto_grade is not null)),
    check (area is null or method = 'TARGETS')
);
create index rubric_item_rubric on rubric_item (rubric_id, position);

create table self_assessment (
    id            bigserial     primary key,
    rubric_id     bigint        not null references rubric (id),
    region_code   varchar(6)    not null references region (code),
    status        varchar(16)   not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'CONFIRMED')),
    return_reason varchar(1000),
    version       bigint        not null default 1,
    submitted_at  timestamptz,
    submitted_by  varchar(64),
    confirmed_at  timestamptz,
    confirmed_by  varchar(64),
    unique (rubric_id, region_code)
);

-- One line per rubric item: the district's score and explanation (for automatic criteria the
-- portal's score and its lines in detail), the office's score and reason, the veto decision.
create table self_assessment_line (
    self_assessment_id bigint        not null references self_assessment (id) on delete cascade,
    item_id            bigint        not null references rubric_item (id) on delete cascade,
    self_score         numeric(6, 2) check (self_score >= 0),
    explanation        varchar(2000),
    detail             jsonb,
    review_score       numeric(6, 2) check (review_score >= 0),
    review_reason      varchar(2000),
    vetoed             boolean,
    primary key (self_assessment_id, item_id)
);

-- Evidence per line, under the rules of a figure's evidence (type by content, 10 MB, 10 per line).
create table self_assessment_evidence (
    id                 bigserial    primary key,
    self_assessment_id bigint       not null references self_assessment (id) on delete cascade,
    item_id            bigint       not null references rubric_item (id) on delete cascade,
    filename           varchar(255) not null,
    content_type       varchar(100) not null,
    size_bytes         integer      not null check (size_bytes > 0 and size_bytes <= 10485760),
    content            bytea        not null,
    uploaded_at        timestamptz  not null default now(),
    uploaded_by        varchar(64)  not null
);
create index self_assessment_evidence_line on self_assessment_evidence (self_assessment_id, item_id);

create table rubric_publication (
    rubric_id    bigint      primary key references rubric (id),
    results      jsonb       not null,
    published_at timestamptz not null default now(),
    published_by varchar(64) not null
);

create trigger rubric_publication_frozen before update or delete on rubric_publication
    for each row execute function assessment_is_frozen();

-- After publication nothing that made the results may change: the rubric, its items, the
-- self-assessments, their lines and evidence.
create function rubric_guard_published() returns trigger language plpgsql as $$
declare
    the_rubric bigint;
    row_data record;
begin
    if tg_op = 'DELETE' then
        row_data := old;
    else
        row_data := new;
    end if;
    if tg_table_name = 'rubric' then
        the_rubric := row_data.id;
    elsif tg_table_name in ('rubric_item', 'self_assessment') then
        the_rubric := row_data.rubric_id;
    else
        select s.rubric_id into the_rubric from self_assessment s where s.id = row_data.self_assessment_id;
    end if;
    if exists (select 1 from rubric_publication p where p.rubric_id = the_rubric) then
        raise exception 'published assessments are frozen: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end if;
    return row_data;
end $$;

create trigger rubric_frozen before update or delete on rubric
    for each row execute function rubric_guard_published();
create trigger rubric_item_frozen before insert or update or delete on rubric_item
    for each row execute function rubric_guard_published();
create trigger self_assessment_frozen before insert or update or delete on self_assessment
    for each row execute function rubric_guard_published();
create trigger self_assessment_line_frozen before insert or update or delete on self_assessment_line
    for each row execute function rubric_guard_published();
create trigger self_assessment_evidence_frozen before insert or update or delete on self_assessment_evidence
    for each row execute function rubric_guard_published();
