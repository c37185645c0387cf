-- Version 1: the replay domain's tables. Times are integer milliseconds of event time (_ms) or of the Unix epoch
-- (_unix_ms); JSON is stored as text exactly as written (not jsonb, which reorders keys).

CREATE TABLE profiles (
    name            text    NOT NULL PRIMARY KEY,
    revision        integer NOT NULL,
    definition      text    NOT NULL,
    created_unix_ms bigint  NOT NULL,
    updated_unix_ms bigint  NOT NULL
);

CREATE TABLE plugins (
    name               text    NOT NULL,
    version            text    NOT NULL,
    plugin_class       text    NOT NULL,
    media_type         text    NOT NULL,
    definition         text    NOT NULL,
    enabled            boolean NOT NULL,
    registered_unix_ms bigint  NOT NULL,
    PRIMARY KEY (name, version)
);
CREATE INDEX ix_plugins_class ON plugins (plugin_class, name);

CREATE TABLE events (
    event_id                text    NOT NULL PRIMARY KEY,
    program                 text    NOT NULL,
    name                    text    NOT NULL,
    profile_name            text    NOT NULL,
    profile_revision        integer NULL,
    status                  text    NOT NULL,
    scheduled_start_unix_ms bigint  NULL,
    duration_ms             bigint  NULL,
    media_end_ms            bigint  NULL,
    definition              text    NOT NULL,
    created_unix_ms         bigint  NOT NULL,
    updated_unix_ms         bigint  NOT NULL
);
CREATE UNIQUE INDEX ux_events_program_name ON events (program, name);
CREATE INDEX ix_events_status ON events (status, scheduled_start_unix_ms);

CREATE TABLE chunks (
    event_id         text    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    chunk_number     integer NOT NULL,
    start_ms         bigint  NOT NULL,
    duration_ms      bigint  NOT NULL CHECK (duration_ms >= 0),
    location         text    NOT NULL,
    metadata         text    NOT NULL,
    recorded_unix_ms bigint  NOT NULL,
    PRIMARY KEY (event_id, chunk_number)
);
CREATE INDEX ix_chunks_event_start ON chunks (event_id, start_ms);

CREATE TABLE plugin_results (
    event_id         text    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    plugin_name      text    NOT NULL,
    audio_track      integer NOT NULL,
    start_ms         bigint  NOT NULL,
    end_ms           bigint  NOT NULL,
    chunk_number     integer NOT NULL,
    plugin_version   text    NULL,
    payload          text    NOT NULL,
    recorded_unix_ms bigint  NOT NULL,
    PRIMARY KEY (event_id, plugin_name, audio_track, start_ms),
    CHECK (end_ms >= start_ms)
);
CREATE INDEX ix_plugin_results_end ON plugin_results (event_id, plugin_name, audio_track, end_ms);
CREATE INDEX ix_plugin_results_chunk ON plugin_results (event_id, plugin_name, audio_track, chunk_number);
CREATE INDEX ix_plugin_results_event_start ON plugin_results (event_id, start_ms);

CREATE TABLE segments (
    event_id           text    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    classifier         text    NOT NULL,
    start_ms           bigint  NOT NULL,
    end_ms             bigint  NULL,
    start_chunk        integer NOT NULL,
    end_chunk          integer NULL,
    optimized_start_ms bigint  NULL,
    optimized_end_ms   bigint  NULL,
    optimization       text    NULL,
    label              text    NULL,
    label_attributes   text    NULL,
    features           text    NOT NULL,
    created_unix_ms    bigint  NOT NULL,
    updated_unix_ms    bigint  NOT NULL,
    PRIMARY KEY (event_id, classifier, start_ms),
    CHECK (end_ms IS NULL OR end_ms > start_ms),
    CHECK (optimized_end_ms IS NULL OR optimized_end_ms > optimized_start_ms)
);
CREATE INDEX ix_segments_event_start ON segments (event_id, start_ms);
CREATE INDEX ix_segments_event_end ON segments (event_id, classifier, end_ms);

CREATE TABLE clips (
    event_id           text    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    classifier         text    NOT NULL,
    segment_start_ms   bigint  NOT NULL,
    variant            text    NOT NULL,
    audio_track        integer NOT NULL,
    format             text    NOT NULL,
    start_ms           bigint  NOT NULL,
    end_ms             bigint  NOT NULL,
    status             text    NOT NULL,
    location           text    NULL,
    thumbnail_location text    NULL,
    updated_unix_ms    bigint  NOT NULL,
    PRIMARY KEY (event_id, classifier, segment_start_ms, variant, audio_track, format)
);

CREATE TABLE replays (
    replay_id       text    NOT NULL PRIMARY KEY,
    event_id        text    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    status          text    NOT NULL,
    catchup         boolean NOT NULL,
    audio_track     integer NOT NULL,
    request         text    NOT NULL,
    created_unix_ms bigint  NOT NULL,
    updated_unix_ms bigint  NOT NULL
);
CREATE INDEX ix_replays_event ON replays (event_id, created_unix_ms);

CREATE TABLE replay_results (
    replay_id             text    NOT NULL PRIMARY KEY REFERENCES replays (replay_id) ON DELETE CASCADE,
    revision              integer NOT NULL,
    last_segment_start_ms bigint  NOT NULL,
    total_score           double precision    NOT NULL,
    updated_unix_ms       bigint  NOT NULL
);

CREATE TABLE replay_result_items (
    replay_id        text    NOT NULL REFERENCES replay_results (replay_id) ON DELETE CASCADE,
    position         integer NOT NULL,
    classifier       text    NOT NULL,
    segment_start_ms bigint  NOT NULL,
    start_ms         bigint  NOT NULL,
    end_ms           bigint  NOT NULL,
    score            double precision    NULL,
    features         text    NOT NULL,
    PRIMARY KEY (replay_id, position)
);

CREATE TABLE feedback (
    event_id         text    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    classifier       text    NOT NULL,
    segment_start_ms bigint  NOT NULL,
    audio_track      integer NOT NULL,
    variant          text    NOT NULL,
    verdict          text    NOT NULL,
    reviewer         text    NULL,
    detail           text    NULL,
    updated_unix_ms  bigint  NOT NULL,
    PRIMARY KEY (event_id, classifier, segment_start_ms, audio_track, variant)
);

CREATE TABLE exports (
    event_id        text    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    replay_id       text    NOT NULL,
    kind            text    NOT NULL,
    audio_track     integer NOT NULL,
    location        text    NOT NULL,
    content_sha256  text    NULL,
    size_bytes      bigint  NULL,
    created_unix_ms bigint  NOT NULL,
    PRIMARY KEY (event_id, replay_id, kind, audio_track)
);
