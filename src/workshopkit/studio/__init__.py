"""Beside the command line: the studio, a local web app over the same use cases (app.py)."""
