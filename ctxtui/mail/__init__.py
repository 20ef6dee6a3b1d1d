"""Sending the minutes to the distribution list through the configured relay (``circulate``).

Is handed a record and its minutes; may import ``ctxtui.core`` and ``ctxtui.export`` only, never
the store or a screen.
"""
