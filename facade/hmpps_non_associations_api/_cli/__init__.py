"""`hmpps-non-associations`: the client at the command line, an application of the
package's public API (it imports nothing private). `main()` runs it; the console script
and `python -m hmpps_non_associations_api` call it."""

from ._main import main

__all__ = ["main"]
