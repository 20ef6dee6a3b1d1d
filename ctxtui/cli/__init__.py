"""The ``ctxtui`` command (``main``, its grammar in ``parser``, the commands by group) and the
invented sample conference (``demo``).

The top of the house: starts the app for ``open``, ``demo`` and ``board``; every other command
goes through the application API (``ctxtui.meeting.meeting``), never round it to the store or
the editor (``tests/test_layers.py`` holds this).
"""
