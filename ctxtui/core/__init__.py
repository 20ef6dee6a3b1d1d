"""The conference record and everything that is true of it without a disk or a screen.

Owns the record's shape (``record``), the shared lists and section titles (``labels``), the rules
a record keeps (``validation``), the interchange JSON (``interchange``), dates and working days,
the agenda, scaling, reviews and the agency catalogue.
May import nothing else from ctxtui: every other package builds on this one.
"""
