"""The privacy guard: what in the text may identify a child, and what may be shown.

Owns the live flags (``privacy``, each a ``hits.Hit``) over the texts it reads
(``guarded_text``): details identifying by their form (``identifiers``), people's names
(``names``; the words around a name in ``cues``, initials and nicknames in ``nicknames``, the
shipped word lists in ``word_lists`` and ``data/``), the names check before sending
(``names_check``), the chair's answers that still hold (``confirmations``) and the board's text
with flagged details held back (``board_text``). May import ``ctxtui.core`` only: no disk
beyond its own word lists.
"""
