"""The journal in the shell: the "How it went" card and the routine chart page."""
