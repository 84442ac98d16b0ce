"""The asyncio clients and their send loop: written by hand in `_async/`, and turned
into the thread clients in `_sync/` by scripts/unasync.py."""
