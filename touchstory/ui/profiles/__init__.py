"""Child profiles in the shell: the "Who is it for tonight?" chooser and the editor."""
