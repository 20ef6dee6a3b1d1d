"""The ``ctxtui`` command (``main``) and the invented sample conference (``demo``).

The top of the house: may import every other package, and starts the app for ``open``, ``demo``
and ``board``.
"""
