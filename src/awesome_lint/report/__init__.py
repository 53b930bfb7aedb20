"""Reporters turn lint results into output; each is a pure function of the results."""
