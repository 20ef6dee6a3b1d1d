"""One open conference and the service across conferences, headless: the application API
(``meeting``: ``Meeting`` and ``Conferences``) that the app, its screens and the command line
all drive.

Owns every change to a record and its undo (``editing``), autosave (``autosave``), the layers
of a Meeting (``open_record``, ``guarding``, ``safeguarding``, ``minutes_out``), the data
folder and the service's duties (``data_folder``, ``service``), renaming (``rename``) and
written contributions (``contributions``). May import ``core``, ``guard``, ``storage``,
``export`` and ``mail``; never a screen or a widget.
"""
