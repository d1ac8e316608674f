"""The Jinja templates: base.html, then one folder per blueprint.

They stay at the repository's root and ship inside the wheel as ``factcheck.templates``
(pyproject.toml maps the folder); ``create_app`` finds them with importlib.resources.
"""
