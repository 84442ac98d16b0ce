"""What a failed call raises (`SanitisedError` and its subclasses, `ErrorCode`), and the
server's text made safe to show in a message or a log line."""
