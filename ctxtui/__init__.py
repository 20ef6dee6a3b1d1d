"""ctxtui: minute a Context Safeguarding Conference live in the terminal.

The packages, lowest first; each may import only those below it (``tests/test_layers.py`` holds
this, with ``docs/architecture.json``): ``core`` (the record) · ``guard`` (privacy) and
``storage`` (disk) · ``export`` (Markdown, DOCX, PDF) · ``mail`` · ``meeting`` (the application
API: one open conference and many, headless) · ``widgets`` · ``screens`` · ``app`` · ``cli``.
Only ``app``, ``screens`` and ``widgets`` import Textual, and no module imports another round a
circle (``tests/test_import_graph.py``).
"""

__version__ = "0.1.0"
