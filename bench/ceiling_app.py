"""The ceiling for bench/load.py: the smallest Flask page, served by the same gunicorn.

No page of the real app can be faster than this one under the same server settings, so the
load bench reports verdict-page throughput as a fraction of it.
"""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    """A short constant string: routing and WSGI overhead only."""
    return "Hello, reader."
