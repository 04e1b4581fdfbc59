"""touchstory: story massage, line by line.

This package's top level imports nothing heavy, so `python -m touchstory --help`
stays fast and the setup script can import it with the standard library alone.
"""

__version__ = "0.1.0"
