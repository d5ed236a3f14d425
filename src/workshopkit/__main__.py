"""`workshopkit` and `python -m workshopkit`: the command line (cli.py), with a head start.

A command that renders starts the render workers' server before anything else is loaded: the
server imports WeasyPrint and fills its caches (about two seconds) on the other core while
this process loads the toolkit and reads and composes the definition, which takes about as
long. The command's language is chosen first, because every worker the server forks speaks
the language the server was started with.

A build that has written its pack and said so leaves at once: the interpreter's tidying up
(freeing all it loaded, about 0.15 s) would only keep its caller waiting. Its files are written
and closed by then (output.py), its worker and helpers have ended, and it holds nothing else.
"""
import contextlib
import os
import sys

from . import i18n
from .render import bounded

RENDERING = {"build", "watch", "results", "scan", "studio"}


def main() -> None:
    """The command line, the render workers' server started first when it will be needed."""
    args = sys.argv[1:]
    if RENDERING.intersection(args):
        i18n.choose_for(args)
        bounded.prepare()
    from .cli import main as command_line

    try:
        command_line()
    except SystemExit as done:
        if "build" not in args or not isinstance(done.code, int | None):
            raise
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a reader that has gone (| head)
                stream.flush()
        os._exit(done.code or 0)


if __name__ == "__main__":
    main()
