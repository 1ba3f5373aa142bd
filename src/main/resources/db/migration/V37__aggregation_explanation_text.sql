-- The explanation of a result is stored as text, not json (docs/decisions.md, 2026-11-26 "The explanation is
-- stored as text"): PostgreSQL's json input check cost half of the whole COPY of a bank-wide run (3.7 of 7.5 CPU
-- seconds for 300,000 results). One serializer writes it and every reader parses it (ExplanationJson), so a
-- malformed one fails loudly when read; SQL that wants its fields casts: explanation::json ->> 'ruleSet'.
alter table review_aggregation alter column explanation type text;
