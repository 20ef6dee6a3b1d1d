"""ctxtui: minute a Context Safeguarding Conference live in the terminal."""

__version__ = "0.1.0"
