-- Version 1: the replay domain's tables. Times are integer milliseconds of event time (_ms) or of the Unix epoch
-- (_unix_ms); JSON is stored as text exactly as written. STRICT makes SQLite enforce the column types.

CREATE TABLE profiles (
    name            TEXT    NOT NULL PRIMARY KEY,
    revision        INTEGER NOT NULL,
    definition      TEXT    NOT NULL,
    created_unix_ms INTEGER NOT NULL,
    updated_unix_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE plugins (
    name               TEXT    NOT NULL,
    version            TEXT    NOT NULL,
    plugin_class       TEXT    NOT NULL,
    media_type         TEXT    NOT NULL,
    definition         TEXT    NOT NULL,
    enabled            INTEGER NOT NULL,
    registered_unix_ms INTEGER NOT NULL,
    PRIMARY KEY (name, version)
) STRICT;
CREATE INDEX ix_plugins_class ON plugins (plugin_class, name);

CREATE TABLE events (
    event_id                TEXT    NOT NULL PRIMARY KEY,
    program                 TEXT    NOT NULL,
    name                    TEXT    NOT NULL,
    profile_name            TEXT    NOT NULL,
    profile_revision        INTEGER NULL,
    status                  TEXT    NOT NULL,
    scheduled_start_unix_ms INTEGER NULL,
    duration_ms             INTEGER NULL,
    media_end_ms            INTEGER NULL,
    definition              TEXT    NOT NULL,
    created_unix_ms         INTEGER NOT NULL,
    updated_unix_ms         INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX ux_events_program_name ON events (program, name);
CREATE INDEX ix_events_status ON events (status, scheduled_start_unix_ms);

CREATE TABLE chunks (
    event_id         TEXT    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    chunk_number     INTEGER NOT NULL,
    start_ms         INTEGER NOT NULL,
    duration_ms      INTEGER NOT NULL CHECK (duration_ms >= 0),
    location         TEXT    NOT NULL,
    metadata         TEXT    NOT NULL,
    recorded_unix_ms INTEGER NOT NULL,
    PRIMARY KEY (event_id, chunk_number)
) STRICT;
CREATE INDEX ix_chunks_event_start ON chunks (event_id, start_ms);

CREATE TABLE plugin_results (
    event_id         TEXT    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    plugin_name      TEXT    NOT NULL,
    audio_track      INTEGER NOT NULL,
    start_ms         INTEGER NOT NULL,
    end_ms           INTEGER NOT NULL,
    chunk_number     INTEGER NOT NULL,
    plugin_version   TEXT    NULL,
    payload          TEXT    NOT NULL,
    recorded_unix_ms INTEGER NOT NULL,
    PRIMARY KEY (event_id, plugin_name, audio_track, start_ms),
    CHECK (end_ms >= start_ms)
) STRICT;
CREATE INDEX ix_plugin_results_end ON plugin_results (event_id, plugin_name, audio_track, end_ms);
CREATE INDEX ix_plugin_results_chunk ON plugin_results (event_id, plugin_name, audio_track, chunk_number);
CREATE INDEX ix_plugin_results_event_start ON plugin_results (event_id, start_ms);

CREATE TABLE segments (
    event_id           TEXT    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    classifier         TEXT    NOT NULL,
    start_ms           INTEGER NOT NULL,
    end_ms             INTEGER NULL,
    start_chunk        INTEGER NOT NULL,
    end_chunk          INTEGER NULL,
    optimized_start_ms INTEGER NULL,
    optimized_end_ms   INTEGER NULL,
    optimization       TEXT    NULL,
    label              TEXT    NULL,
    label_attributes   TEXT    NULL,
    features           TEXT    NOT NULL,
    created_unix_ms    INTEGER NOT NULL,
    updated_unix_ms    INTEGER NOT NULL,
    PRIMARY KEY (event_id, classifier, start_ms),
    CHECK (end_ms IS NULL OR end_ms > start_ms),
    CHECK (optimized_end_ms IS NULL OR optimized_end_ms > optimized_start_ms)
) STRICT;
CREATE INDEX ix_segments_event_start ON segments (event_id, start_ms);
CREATE INDEX ix_segments_event_end ON segments (event_id, classifier, end_ms);

CREATE TABLE clips (
    event_id           TEXT    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    classifier         TEXT    NOT NULL,
    segment_start_ms   INTEGER NOT NULL,
    variant            TEXT    NOT NULL,
    audio_track        INTEGER NOT NULL,
    format             TEXT    NOT NULL,
    start_ms           INTEGER NOT NULL,
    end_ms             INTEGER NOT NULL,
    status             TEXT    NOT NULL,
    location           TEXT    NULL,
    thumbnail_location TEXT    NULL,
    updated_unix_ms    INTEGER NOT NULL,
    PRIMARY KEY (event_id, classifier, segment_start_ms, variant, audio_track, format)
) STRICT;

CREATE TABLE replays (
    replay_id       TEXT    NOT NULL PRIMARY KEY,
    event_id        TEXT    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    status          TEXT    NOT NULL,
    catchup         INTEGER NOT NULL,
    audio_track     INTEGER NOT NULL,
    request         TEXT    NOT NULL,
    created_unix_ms INTEGER NOT NULL,
    updated_unix_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_replays_event ON replays (event_id, created_unix_ms);

CREATE TABLE replay_results (
    replay_id             TEXT    NOT NULL PRIMARY KEY REFERENCES replays (replay_id) ON DELETE CASCADE,
    revision              INTEGER NOT NULL,
    last_segment_start_ms INTEGER NOT NULL,
    total_score           REAL    NOT NULL,
    updated_unix_ms       INTEGER NOT NULL
) STRICT;

CREATE TABLE replay_result_items (
    replay_id        TEXT    NOT NULL REFERENCES replay_results (replay_id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    classifier       TEXT    NOT NULL,
    segment_start_ms INTEGER NOT NULL,
    start_ms         INTEGER NOT NULL,
    end_ms           INTEGER NOT NULL,
    score            REAL    NULL,
    features         TEXT    NOT NULL,
    PRIMARY KEY (replay_id, position)
) STRICT;

CREATE TABLE feedback (
    event_id         TEXT    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    classifier       TEXT    NOT NULL,
    segment_start_ms INTEGER NOT NULL,
    audio_track      INTEGER NOT NULL,
    variant          TEXT    NOT NULL,
    verdict          TEXT    NOT NULL,
    reviewer         TEXT    NULL,
    detail           TEXT    NULL,
    updated_unix_ms  INTEGER NOT NULL,
    PRIMARY KEY (event_id, classifier, segment_start_ms, audio_track, variant)
) STRICT;

CREATE TABLE exports (
    event_id        TEXT    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    replay_id       TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    audio_track     INTEGER NOT NULL,
    location        TEXT    NOT NULL,
    content_sha256  TEXT    NULL,
    size_bytes      INTEGER NULL,
    created_unix_ms INTEGER NOT NULL,
    PRIMARY KEY (event_id, replay_id, kind, audio_track)
) STRICT;
