"""The screens: thin views over a ``Meeting``, built on the shared bases in ``base``, ``sub``
and ``forms``.

May import ``widgets``, ``meeting``, ``core``, ``guard``, ``export`` and ``mail``; never
``storage``: every change goes through the meeting.
"""
