"""Lists the packages: pyproject.toml alone cannot both find them and add the two folders
its package-dir maps from the repository's root (templates/ and claims/).

Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["factcheck", "factcheck.*"])
    + ["factcheck.templates", "factcheck.demo"]
)
