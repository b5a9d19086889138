-- Separation of duties (三员分立): a security administrator grants roles; the system administrator,
-- the security administrator and the auditor hold their role alone (checked by RoleGrants).
alter table user_account_role drop constraint user_account_role_role_check;
alter table user_account_role add constraint user_account_role_role_check
    check (role in ('ADMIN', 'SECURITY_ADMIN', 'OFFICE', 'REVIEWER', 'REPORTER', 'LEADER', 'AUDITOR'));
