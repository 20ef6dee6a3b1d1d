"""ctxtui: minute a Context Safeguarding Conference live in the terminal.

The packages, lowest first; each may import only those below it (``tests/test_layers.py`` holds
this, with ``docs/architecture.json``): ``core`` (the record) · ``guard`` (privacy) and
``storage`` (disk) · ``export`` (Markdown, DOCX) · ``mail`` · ``meeting`` (one open conference,
headless) · ``widgets`` · ``screens`` · ``app`` · ``cli``. Only ``app``, ``screens`` and
``widgets`` import Textual.
"""

__version__ = "0.1.0"
