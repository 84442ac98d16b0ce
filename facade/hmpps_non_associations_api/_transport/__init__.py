"""Getting a request to the service and its reply back: requests and replies as bytes,
the connection layers (a thread pool over http.client, aiohttp, an application's httpx
transport), where requests go (origin, limits, TLS, proxy) and sockets bounded by the
call's deadline."""
