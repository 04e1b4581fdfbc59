"""Screen-free export, Qt-free: a story's whole narrated session as one audio file
(session.py) and what such a file is called and how long it is (files.py)."""
