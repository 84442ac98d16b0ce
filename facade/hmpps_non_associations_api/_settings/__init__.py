"""What an application sets: `ApiConfig`, `AuthConfig`, `Timeout`, `RetryPolicy`,
`Limits`, the environment variables, and the headers it may add (with a reply's
headers as every layer reads them)."""
