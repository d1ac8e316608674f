"""Claim files (one YAML file per article): the demo ``factcheck serve`` imports into an empty
database.

They stay at the repository's root and ship inside the wheel as ``factcheck.demo``
(pyproject.toml maps the folder); ``create_app`` finds them with importlib.resources.
"""
