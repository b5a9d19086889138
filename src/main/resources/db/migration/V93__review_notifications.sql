-- Review decisions told to the figure's submitter in 站内消息 (worklist's ReviewNotices): a kind of
-- system notification of their own, stored as a message key and arguments like reminders.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('ANNOUNCEMENT', 'REMINDER', 'DIGEST', 'REVIEW'));
