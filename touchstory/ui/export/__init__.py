"""The export dialog (dialog.py), its choice tables (choices.py) and the
background job that makes the file (job.py)."""
