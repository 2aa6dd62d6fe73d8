/// The store's tables. Each change is a new migration with the next `user_version`; old
/// migrations are never edited, because stores in production have already run them.
public enum Schema {
    public static let migrations: [Database.Migration] = [
        Database.Migration(version: 1, sql: """
        -- Every message taken from the Maildir, once: the SHA-256 of its raw bytes is the key that
        -- makes a crash between commit and the move to cur/ harmless. The bytes stay in the Maildir.
        CREATE TABLE messages (
            id            INTEGER PRIMARY KEY,
            sha256        TEXT NOT NULL UNIQUE,
            message_id    TEXT,
            sender        TEXT,
            subject       TEXT,
            maildir_path  TEXT NOT NULL,
            size          INTEGER NOT NULL,
            received_at   INTEGER NOT NULL,
            case_id       INTEGER REFERENCES cases(id)
        );
        CREATE INDEX messages_by_message_id ON messages(message_id, sender);

        CREATE TABLE applicants (
            id                 INTEGER PRIMARY KEY,
            kind               TEXT,
            full_name          TEXT,
            organization_name  TEXT,
            iin                TEXT,
            bin                TEXT,
            email              TEXT,
            phone              TEXT
        );
        CREATE INDEX applicants_by_iin ON applicants(iin);
        CREATE INDEX applicants_by_bin ON applicants(bin);
        CREATE INDEX applicants_by_email ON applicants(email);

        -- A case's state is what its events say; `state` here is a projection kept in the same
        -- transaction as the event that changes it, so lists need not replay history.
        CREATE TABLE cases (
            id            INTEGER PRIMARY KEY,
            human_id      TEXT NOT NULL UNIQUE,
            kind          TEXT,
            state         TEXT NOT NULL,
            applicant_id  INTEGER REFERENCES applicants(id),
            flag_reason   TEXT,
            opened_at     INTEGER NOT NULL
        );

        -- Append-only: the history of every case, who did what, when and why.
        CREATE TABLE events (
            id       INTEGER PRIMARY KEY,
            case_id  INTEGER NOT NULL REFERENCES cases(id),
            at       INTEGER NOT NULL,
            actor    TEXT NOT NULL,
            type     TEXT NOT NULL,
            reason   TEXT,
            data     TEXT
        );
        CREATE INDEX events_by_case ON events(case_id, id);
        CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

        -- Deadlines as rows with due times, not sleeping tasks: they survive restarts.
        CREATE TABLE timers (
            id        INTEGER PRIMARY KEY,
            case_id   INTEGER NOT NULL REFERENCES cases(id),
            kind      TEXT NOT NULL,
            due_at    INTEGER NOT NULL,
            fired_at  INTEGER
        );
        CREATE INDEX timers_due ON timers(due_at) WHERE fired_at IS NULL;

        -- Notices to send, written in the transaction of the transition that causes them.
        CREATE TABLE outbox (
            id               INTEGER PRIMARY KEY,
            case_id          INTEGER REFERENCES cases(id),
            notice           TEXT NOT NULL,
            recipient        TEXT NOT NULL,
            message_id       TEXT NOT NULL UNIQUE,
            bytes            BLOB NOT NULL,
            created_at       INTEGER NOT NULL,
            state            TEXT NOT NULL DEFAULT 'queued',
            attempts         INTEGER NOT NULL DEFAULT 0,
            next_attempt_at  INTEGER NOT NULL,
            last_error       TEXT,
            sent_at          INTEGER
        );
        CREATE INDEX outbox_queue ON outbox(state, next_attempt_at);

        CREATE TABLE register_entries (
            id             INTEGER PRIMARY KEY,
            number         INTEGER NOT NULL UNIQUE,
            applicant_id   INTEGER NOT NULL REFERENCES applicants(id),
            columns        TEXT NOT NULL,
            created_at     INTEGER NOT NULL,
            updated_at     INTEGER NOT NULL,
            terminated_at  INTEGER
        );

        CREATE TABLE register_entry_cases (
            entry_id  INTEGER NOT NULL REFERENCES register_entries(id),
            case_id   INTEGER NOT NULL REFERENCES cases(id),
            PRIMARY KEY (entry_id, case_id)
        );

        -- Where the IMAP fetcher stopped, per folder.
        CREATE TABLE imap_folders (
            folder       TEXT PRIMARY KEY,
            uidvalidity  INTEGER NOT NULL,
            last_uid     INTEGER NOT NULL
        );
        """),
        Database.Migration(version: 2, sql: """
        -- The case machine's whole snapshot is projected, so the daemon and the CLI rebuild a
        -- case without replaying events; `flags` is a comma-separated list of flag names.
        ALTER TABLE cases DROP COLUMN flag_reason;
        ALTER TABLE cases ADD COLUMN intent TEXT NOT NULL DEFAULT 'application';
        ALTER TABLE cases ADD COLUMN flags TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN review_deadline INTEGER;
        ALTER TABLE cases ADD COLUMN refinement_deadline INTEGER;
        -- The fields the applicant was told, or found, to be missing, one per line.
        ALTER TABLE cases ADD COLUMN missing TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN language TEXT;
        -- Where notices go: the applicant's Reply-To or From, as first received.
        ALTER TABLE cases ADD COLUMN reply_to TEXT;
        ALTER TABLE cases ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX cases_by_state ON cases(state);

        -- What the daemon made of a message ("opened", "resubmitted", "automatic", "bounce",
        -- "ignored: …") and what it read from it, as JSON, for staff to check.
        ALTER TABLE messages ADD COLUMN disposition TEXT;
        ALTER TABLE messages ADD COLUMN application TEXT;
        CREATE INDEX messages_by_case ON messages(case_id);

        -- A deadline that no longer applies is cancelled, not deleted: the history keeps it.
        ALTER TABLE timers ADD COLUMN cancelled_at INTEGER;
        DROP INDEX timers_due;
        CREATE INDEX timers_due ON timers(due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
        CREATE INDEX outbox_by_case ON outbox(case_id);
        CREATE INDEX outbox_by_recipient ON outbox(recipient, created_at);
        """),
        Database.Migration(version: 3, sql: """
        -- What staff typed in for a field read wrong or not at all (a scan, a garbled form):
        -- `tizilim cases edit`. The message's reading stays as it was; a correction overrides it
        -- until the applicant sends that field again. Values are JSON, as in messages.application.
        CREATE TABLE corrections (
            id        INTEGER PRIMARY KEY,
            case_id   INTEGER NOT NULL REFERENCES cases(id),
            field     TEXT NOT NULL,
            value     TEXT NOT NULL,
            previous  TEXT,
            actor     TEXT NOT NULL,
            at        INTEGER NOT NULL
        );
        CREATE INDEX corrections_by_case ON corrections(case_id, id);
        CREATE TRIGGER corrections_are_never_updated BEFORE UPDATE ON corrections
            BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
        """),
        Database.Migration(version: 4, sql: """
        -- Addresses are compared as mail writes them, in any case (COLLATE NOCASE), and an index
        -- in the default collation cannot answer that: every letter scanned the open cases for
        -- its sender's refinement and the whole outbox for its sender's daily notice limit.
        CREATE INDEX cases_by_reply_to ON cases(reply_to COLLATE NOCASE, id);
        DROP INDEX outbox_by_recipient;
        CREATE INDEX outbox_by_recipient ON outbox(recipient COLLATE NOCASE, created_at);
        DROP INDEX applicants_by_email;
        CREATE INDEX applicants_by_email ON applicants(email COLLATE NOCASE);
        """),
        Database.Migration(version: 5, sql: """
        -- Every letter that opens a case looks up its applicant's live register entry (by IIN,
        -- BIN or e-mail); without this index the join read the whole register each time.
        CREATE INDEX register_entries_by_applicant ON register_entries(applicant_id);
        """),
        Database.Migration(version: 6, sql: """
        -- A case is one applicant's, not one mailbox's (issue 17). `reply_to` is the applicant's own
        -- address (a forwarded letter's inner From, else the form's e-mail, else the sender);
        -- `office_address` is the office that forwarded the application, which gets a copy of
        -- each notice and may answer a refinement for the applicant.
        ALTER TABLE cases ADD COLUMN office_address TEXT;
        CREATE INDEX cases_by_office ON cases(office_address COLLATE NOCASE, id);

        -- A letter with several applicants opens a case for each: the letter is one row of
        -- `messages` (its `case_id` the first applicant's case) and one row here per case, with
        -- that applicant's own reading as JSON.
        CREATE TABLE message_cases (
            message_id   INTEGER NOT NULL REFERENCES messages(id),
            case_id      INTEGER NOT NULL REFERENCES cases(id),
            applicant    INTEGER NOT NULL,
            application  TEXT,
            PRIMARY KEY (message_id, case_id)
        );
        CREATE INDEX message_cases_by_case ON message_cases(case_id);

        -- What staff must see between cases: a possible duplicate (the same IIN or BIN in another
        -- open case), a merge and a split. Never deleted: undoing a merge is a split, recorded too.
        CREATE TABLE case_links (
            id             INTEGER PRIMARY KEY,
            case_id        INTEGER NOT NULL REFERENCES cases(id),
            other_case_id  INTEGER NOT NULL REFERENCES cases(id),
            kind           TEXT NOT NULL,
            reason         TEXT,
            actor          TEXT NOT NULL,
            at             INTEGER NOT NULL
        );
        CREATE INDEX case_links_by_case ON case_links(case_id);
        CREATE INDEX case_links_by_other ON case_links(other_case_id);

        -- The forwarding office's copy of a notice: RCPT TO beside the applicant.
        ALTER TABLE outbox ADD COLUMN cc TEXT;
        """),
    ]
}
