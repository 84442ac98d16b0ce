"""The asyncio clients and send loop, written by hand; `_sync/` holds their generated twins."""
