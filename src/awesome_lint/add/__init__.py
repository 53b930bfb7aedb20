"""``awesome-lint add``: a new entry written in the list's own template, put where the
section's date order calls for. ``template`` writes it, ``place`` finds where it goes,
``command`` fetches the paper, checks, lints and writes."""
