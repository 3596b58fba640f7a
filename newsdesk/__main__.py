"""`python -m newsdesk` is the `newsdesk` command."""

import sys

from newsdesk.cli import main

if __name__ == "__main__":  # not again in a spawned child (`serve --workers`)
    sys.exit(main())
