"""System tokens from HMPPS Auth: the client-credentials request, the per-username cache
with its refresh rules, and the token providers handed to the API clients."""
