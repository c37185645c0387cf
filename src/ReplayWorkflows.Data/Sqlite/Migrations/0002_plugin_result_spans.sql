-- Version 2: the longest result per (event, plugin, track), kept as an upper bound (never lowered). An overlap query
-- "results that share time with [from, to)" can then bound the start from below (start >= from - longest) and use the
-- (event, start) index instead of scanning every earlier result.

CREATE TABLE plugin_result_spans (
    event_id        TEXT    NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    plugin_name     TEXT    NOT NULL,
    audio_track     INTEGER NOT NULL,
    max_duration_ms INTEGER NOT NULL,
    PRIMARY KEY (event_id, plugin_name, audio_track)
) STRICT;

INSERT INTO plugin_result_spans (event_id, plugin_name, audio_track, max_duration_ms)
SELECT event_id, plugin_name, audio_track, MAX(end_ms - start_ms) FROM plugin_results GROUP BY event_id, plugin_name, audio_track;
