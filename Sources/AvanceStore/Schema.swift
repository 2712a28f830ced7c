import Foundation
import GRDB

/// The store's schema, as a list of named migrations.
///
/// A released migration is never edited: a change to the schema is a new migration
/// appended at the end. Migrations speak SQL with raw column names, never the Swift
/// record types, so that a later change to a type cannot rewrite history.
public enum Schema {
    /// One migration in its two dialects. SQLite runs `sqlite` through GRDB's migrator (table
    /// `grdb_migrations`); PostgreSQL runs `postgres`, one statement after another, in one
    /// transaction (table `avance_migrations`). Where both dialects can say the same, `postgres`
    /// is `sqlite`'s text through `Schema.postgres(_:)`, which only renames the types.
    ///
    /// `postgres` is made when asked for: `Schema.postgres(_:)` rewrites with regular
    /// expressions (Foundation's, over ICU), which cost about 8 % of an unchanged rerun of 1,000
    /// files when every SQLite store made them on opening.
    struct Migration: Sendable {
        let name: String
        let sqlite: @Sendable (Database) throws -> Void
        private let postgresStatements: @Sendable () -> [String]

        init(name: String, sqlite: @escaping @Sendable (Database) throws -> Void, postgres: @escaping @autoclosure @Sendable () -> [String]) {
            self.name = name
            self.sqlite = sqlite
            postgresStatements = postgres
        }

        var postgres: [String] { postgresStatements() }
    }

    static let migrations: [Migration] = [
        Migration(
            name: "v1: documents, locations, records, findings, runs, failures",
            sqlite: { db in try db.execute(sql: v1) }, postgres: postgres(v1)
        ),
        // SQLite cannot change a CHECK constraint in place: the table is made anew with the
        // wider list and its rows copied, the way SQLite documents (GRDB runs a migration with
        // foreign keys off and checks them before it commits). The view that reads the table
        // is dropped and made again around it, and the AUTOINCREMENT counter kept, so a
        // deleted document's id is never handed out again. PostgreSQL replaces the constraint.
        Migration(
            name: "v2: documents.format takes xlsx and csv",
            sqlite: { db in try rebuildDocuments(db, sql: v2) }, postgres: widenFormats(v2Formats)
        ),
        Migration(
            name: "v3: documents.format takes xls",
            sqlite: { db in try rebuildDocuments(db, sql: v3) }, postgres: widenFormats(v3Formats)
        ),
        Migration(
            name: "v4: documents.format takes ods",
            sqlite: { db in try rebuildDocuments(db, sql: v4) }, postgres: widenFormats(v4Formats)
        ),
        // A failure is one row per episode (same path, content, reason and avance version),
        // so the table keeps the history; a file that is not a report is a kind of its own;
        // a run counts the failures it met again and the files that are not reports.
        Migration(
            name: "v5: failures keep their history, their content and kind; runs count known failures",
            sqlite: { db in try db.execute(sql: v5) }, postgres: v5Postgres
        ),
        // A finding's message in Spanish beside the English one in `message`; null for the
        // findings stored before, which were made in English only.
        Migration(
            name: "v6: findings.message_es",
            sqlite: { db in try db.execute(sql: v6) }, postgres: postgres(v6)
        ),
        // The auditor's waivers: a finding, by its fingerprint (rule, documents' content, quoted
        // words), waived with a reason; it holds across runs and re-ingests of the same documents.
        Migration(
            name: "v7: waivers",
            sqlite: { db in try db.execute(sql: v7) }, postgres: postgres(v7)
        ),
    ]

    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.name, migrate: migration.sqlite)
        }
        return migrator
    }

    private static func rebuildDocuments(_ db: Database, sql: String) throws {
        let sequence = try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'documents'")
        try db.execute(sql: sql)
        if let sequence {
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'documents'", arguments: [sequence])
        }
    }

    /// The names of every migration, in order.
    public static var migrationNames: [String] { migrator.migrations }

    // Timestamps are ISO 8601 text in UTC; modification times are integer nanoseconds
    // since 1970 so that a rerun compares them exactly.
    static let v1 = """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted', 'failed')),
            avance_version TEXT NOT NULL,
            pid INTEGER,
            host TEXT,
            paths TEXT NOT NULL,
            files_seen INTEGER NOT NULL DEFAULT 0,
            files_read INTEGER NOT NULL DEFAULT 0,
            new INTEGER NOT NULL DEFAULT 0,
            changed INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            settling INTEGER NOT NULL DEFAULT 0,
            ignored INTEGER NOT NULL DEFAULT 0,
            findings_error INTEGER NOT NULL DEFAULT 0,
            findings_warning INTEGER NOT NULL DEFAULT 0,
            findings_info INTEGER NOT NULL DEFAULT 0,
            exit_code INTEGER
        );

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sha256 TEXT NOT NULL UNIQUE,
            format TEXT NOT NULL CHECK (format IN ('text', 'html', 'pdf')),
            declared_format TEXT,
            encoding TEXT,
            pages INTEGER,
            bytes INTEGER NOT NULL,
            record_count INTEGER NOT NULL,
            first_seen_at TEXT NOT NULL,
            first_run_id INTEGER REFERENCES runs(id),
            superseded_by INTEGER REFERENCES documents(id),
            superseded_at TEXT
        );

        CREATE TABLE locations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
            first_seen_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            replaced_at TEXT,
            run_id INTEGER REFERENCES runs(id),
            UNIQUE (path, document_id)
        );
        CREATE UNIQUE INDEX locations_current_path ON locations(path) WHERE is_current = 1;
        CREATE INDEX locations_document ON locations(document_id);

        CREATE TABLE records (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            institution TEXT,
            institution_acronym TEXT,
            responsible_unit TEXT,
            program_code TEXT,
            program_name TEXT,
            component_code TEXT,
            component_name TEXT,
            activity_code TEXT,
            activity_name TEXT,
            indicator_code TEXT,
            indicator_name TEXT,
            year INTEGER,
            quarter INTEGER,
            unit TEXT,
            annual_target REAL,
            period_target REAL,
            period_is_cumulative INTEGER NOT NULL DEFAULT 0,
            achieved REAL,
            compliance_percent REAL,
            action_count INTEGER NOT NULL DEFAULT 0,
            json TEXT NOT NULL,
            UNIQUE (document_id, ordinal)
        );
        CREATE INDEX records_indicator_period
            ON records(program_code, component_code, activity_code, indicator_code, year, quarter);
        CREATE INDEX records_period ON records(year, quarter);

        CREATE TABLE findings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            rule TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
            message TEXT NOT NULL,
            path TEXT NOT NULL,
            page INTEGER,
            line INTEGER,
            "column" INTEGER,
            quote TEXT,
            evidence TEXT NOT NULL
        );
        CREATE INDEX findings_rule ON findings(rule);
        CREATE INDEX findings_severity ON findings(severity);
        CREATE INDEX findings_record ON findings(record_id);
        CREATE INDEX findings_document ON findings(document_id);

        CREATE TABLE failures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL UNIQUE,
            size INTEGER,
            mtime_ns INTEGER,
            reason TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            first_failed_at TEXT NOT NULL,
            last_failed_at TEXT NOT NULL,
            last_run_id INTEGER REFERENCES runs(id),
            resolved_at TEXT
        );

        -- What an auditor usually wants: the records of documents not replaced by a newer version.
        CREATE VIEW current_records AS
            SELECT records.*, documents.sha256 AS sha256
            FROM records JOIN documents ON documents.id = records.document_id
            WHERE documents.superseded_by IS NULL;
        """

    static let v2Formats = ["text", "html", "pdf", "xlsx", "csv"]
    static let v3Formats = v2Formats + ["xls"]
    static let v4Formats = v3Formats + ["ods"]

    static let v2 = rebuildingDocuments(formats: v2Formats)

    static let v3 = rebuildingDocuments(formats: v3Formats)

    static let v4 = rebuildingDocuments(formats: v4Formats)

    static let v5 = """
        CREATE TABLE new_failures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'failure' CHECK (kind IN ('failure', 'not-a-report')),
            sha256 TEXT,
            size INTEGER,
            mtime_ns INTEGER,
            reason TEXT NOT NULL,
            avance_version TEXT,
            attempts INTEGER NOT NULL DEFAULT 1,
            first_failed_at TEXT NOT NULL,
            last_failed_at TEXT NOT NULL,
            last_run_id INTEGER REFERENCES runs(id),
            resolved_at TEXT
        );
        INSERT INTO new_failures (
            id, path, size, mtime_ns, reason, attempts, first_failed_at, last_failed_at, last_run_id, resolved_at
        )
        SELECT id, path, size, mtime_ns, reason, attempts, first_failed_at, last_failed_at, last_run_id, resolved_at
        FROM failures;
        DROP TABLE failures;
        ALTER TABLE new_failures RENAME TO failures;
        CREATE INDEX failures_path ON failures(path);
        CREATE UNIQUE INDEX failures_open_path ON failures(path) WHERE resolved_at IS NULL;

        ALTER TABLE runs ADD COLUMN known_failures INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE runs ADD COLUMN not_reports INTEGER NOT NULL DEFAULT 0;
        """

    /// The SQL that makes the documents table anew with `formats` as the list its CHECK
    /// allows, rows copied, the view that reads it dropped and made again (v2, v3).
    static func rebuildingDocuments(formats: [String]) -> String {
        let allowed = formats.map { "'\($0)'" }.joined(separator: ", ")
        return """
        DROP VIEW current_records;

        CREATE TABLE new_documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sha256 TEXT NOT NULL UNIQUE,
            format TEXT NOT NULL CHECK (format IN (\(allowed))),
            declared_format TEXT,
            encoding TEXT,
            pages INTEGER,
            bytes INTEGER NOT NULL,
            record_count INTEGER NOT NULL,
            first_seen_at TEXT NOT NULL,
            first_run_id INTEGER REFERENCES runs(id),
            superseded_by INTEGER REFERENCES documents(id),
            superseded_at TEXT
        );
        INSERT INTO new_documents (
            id, sha256, format, declared_format, encoding, pages, bytes, record_count,
            first_seen_at, first_run_id, superseded_by, superseded_at
        )
        SELECT
            id, sha256, format, declared_format, encoding, pages, bytes, record_count,
            first_seen_at, first_run_id, superseded_by, superseded_at
        FROM documents;
        DROP TABLE documents;
        ALTER TABLE new_documents RENAME TO documents;

        CREATE VIEW current_records AS
            SELECT records.*, documents.sha256 AS sha256
            FROM records JOIN documents ON documents.id = records.document_id
            WHERE documents.superseded_by IS NULL;
        """
    }

    static let v6 = "ALTER TABLE findings ADD COLUMN message_es TEXT"

    static let v7 = """
        CREATE TABLE waivers (
            fingerprint TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            waived_at TEXT NOT NULL
        )
        """

    // MARK: - PostgreSQL

    /// v5 in PostgreSQL, which changes a table in place: the path's uniqueness gives way to one
    /// open failure per path, and the new columns are added (at the end of the table, where
    /// SQLite's copy puts them after `path`: columns are always named, never taken by position).
    static let v5Postgres = [
        "ALTER TABLE failures DROP CONSTRAINT failures_path_key",
        "ALTER TABLE failures ADD COLUMN kind TEXT COLLATE \"C\" NOT NULL DEFAULT 'failure' CHECK (kind IN ('failure', 'not-a-report'))",
        "ALTER TABLE failures ADD COLUMN sha256 TEXT COLLATE \"C\"",
        "ALTER TABLE failures ADD COLUMN avance_version TEXT COLLATE \"C\"",
        "CREATE INDEX failures_path ON failures(path)",
        "CREATE UNIQUE INDEX failures_open_path ON failures(path) WHERE resolved_at IS NULL",
        "ALTER TABLE runs ADD COLUMN known_failures BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE runs ADD COLUMN not_reports BIGINT NOT NULL DEFAULT 0",
    ]

    /// v2 to v4 in PostgreSQL: the CHECK of `documents.format` replaced by a wider one.
    static func widenFormats(_ formats: [String]) -> [String] {
        let allowed = formats.map { "'\($0)'" }.joined(separator: ", ")
        return [
            "ALTER TABLE documents DROP CONSTRAINT documents_format_check",
            "ALTER TABLE documents ADD CONSTRAINT documents_format_check CHECK (format IN (\(allowed)))",
        ]
    }

    /// SQLite's text of a migration in PostgreSQL's dialect: the same tables, columns,
    /// constraints, indexes and view, with PostgreSQL's names for the types (an id counter
    /// that never hands out an id twice, 64-bit integers, double-precision reals), split into
    /// statements (PostgreSQL's extended protocol takes one at a time), text collated
    /// byte by byte as SQLite collates it. Flags such as `is_current` stay integers 0 and 1,
    /// so the same queries read both.
    static func postgres(_ sql: String) -> [String] {
        var text = sql.replacingOccurrences(
            of: "INTEGER PRIMARY KEY AUTOINCREMENT", with: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
        )
        text = text.replacingOccurrences(of: #"\bINTEGER\b"#, with: "BIGINT", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\bREAL\b"#, with: "DOUBLE PRECISION", options: .regularExpression)
        // Text compared and sorted byte by byte, as SQLite does (paths in the same order).
        text = text.replacingOccurrences(of: #"\bTEXT\b"#, with: "TEXT COLLATE \"C\"", options: .regularExpression)
        return text.components(separatedBy: ";\n").map {
            $0.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }.map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }
}
