"""`python -m hmpps_non_associations_api`: the `hmpps-non-associations` command."""

import sys

from ._cli import main

sys.exit(main())
