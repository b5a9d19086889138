-- The number of decimals an indicator's figures are shown with (issue #11: "91.8000", "21.52家").
-- Null means the default of its kind: 1 for rates (%), 2 for per mille, amounts and indices, 0 for counts.
alter table indicator add column decimals integer check (decimals between 0 and 4);
