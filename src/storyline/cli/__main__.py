"""``python -m storyline.cli``: the ``storyline`` command, for scripts that run it by module."""

from . import main

main()
