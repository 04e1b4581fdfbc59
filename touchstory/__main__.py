"""`python -m touchstory` runs the same command as `touchstory`."""

import sys

from touchstory.cli.main import main

sys.exit(main())
