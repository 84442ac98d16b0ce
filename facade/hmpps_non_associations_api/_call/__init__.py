"""One call from start to finish: its rules (tries, waits, outcomes, the deadline) free
of I/O, the send loop that asks them, the token for each try, and what watches a call
(logging, plugins, OpenTelemetry) and explains its failures (hints)."""
