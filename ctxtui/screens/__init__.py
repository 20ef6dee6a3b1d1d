"""The screens: views over a ``Meeting``, built on the shared bases in ``base``, ``sub`` and
``forms``; each reads and changes a conference only through the application API
(``meeting.meeting``).

May import ``widgets``, ``meeting.meeting``, ``core`` and the guard's, the exports' and the
mail's helpers and errors; never ``storage`` nor the meeting's inner modules (tests/test_layers.py).
"""
