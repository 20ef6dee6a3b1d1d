"""The privacy guard: what in the text may identify a child, and what may be shown.

Owns the live flags (``privacy``), the name knowledge and its word lists (``names``, ``data/``),
the names check before sending (``names_check``) and the board's text with flagged details held
back (``board_text``). May import ``ctxtui.core`` only: no disk beyond its own word lists.
"""
