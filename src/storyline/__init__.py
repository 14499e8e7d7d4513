"""storyline: messy multi-outlet news in, cited stories out.

>>> import storyline
>>> corpus = storyline.analyze("demo/corpus", out="out")    # doctest: +SKIP
>>> [s.title for s in corpus.stories]                        # doctest: +SKIP

The same folder ``storyline analyze --out`` writes is then in ``out/`` (read it with
``storyline serve --from out``); see :mod:`storyline.api`.
"""

from .api import analyze, open_store
from .config import Settings
from .model import SCHEMA_VERSION, Corpus
from .outputs import write_outputs

__all__ = ["SCHEMA_VERSION", "Corpus", "Settings", "analyze", "open_store", "write_outputs"]
__version__ = "0.1.0"  # the one place: pyproject.toml reads it (tool.setuptools.dynamic)
