"""The ``claims/`` files: one article with its sources, claims, verdicts, evidence and history
per YAML file, human-readable, diff-friendly and lossless.

In: a file's text (``load``: parse, validate with file, line and field in every error, import).
Out: the same text from the database (``dump``), byte for byte for a file the tool wrote.
``schema`` defines the format.
"""
