CREATE TABLE ledger_entries (id integer PRIMARY KEY);
INSERT INTO ledger_missing (id) VALUES (1);
