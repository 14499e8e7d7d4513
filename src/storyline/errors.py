"""The one family of errors storyline raises for its user.

Every ``StorylineError`` is a problem the user can act on (a file that cannot be read, a model
that is not installed, a folder another run is writing), and ``str(error)`` is one line that names
it. The CLI prints that line and picks the exit code by subclass; a script can catch the family
with one ``except StorylineError`` and leave programming errors to surface as they are.
"""

from __future__ import annotations


class StorylineError(Exception):
    """A user-facing failure; ``str()`` is one line naming the file, folder or setting involved."""


class EarlierRunUnreadable(StorylineError):
    """``--extend-stories``: the previous run's story state or per-article results are missing or
    damaged, so it cannot be extended (nothing has been done yet)."""
