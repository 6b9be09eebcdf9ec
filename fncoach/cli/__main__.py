"""``python -m fncoach.cli``."""

import sys

from . import main

sys.exit(main())
