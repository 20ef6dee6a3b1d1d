"""One open conference, headless: the ``Meeting`` the app and the command line both drive.

Owns every change to a record and its undo (``editing``), the meeting that ties a record to its
store, guard, exports and mail (``meeting``), and autosave (``autosave``). May import
``core``, ``guard``, ``storage``, ``export`` and ``mail``; never a screen or a widget.
"""
