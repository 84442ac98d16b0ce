"""What the API's document says, applied: the packaged openapi.json read once, the
checks made before sending, the code lists and Europe/London time."""
