"""The glossary's loader pauses the garbage collector while it builds its table: however
threads interleave, the collector is running again afterwards."""

from __future__ import annotations

import threading

from factcheck.language import glossary


class _Collector:
    """Stands in for the gc module: the state, and a second thread's read of it held back
    until the first thread has finished (the interleaving that used to leave it off)."""

    def __init__(self, second: threading.Thread, first_done: threading.Event, asked):
        self.enabled, self.second, self.first_done, self.asked = True, second, first_done, asked

    def isenabled(self) -> bool:
        seen = self.enabled
        if threading.current_thread() is self.second:
            self.asked.set()
            self.first_done.wait(5)
        return seen

    def disable(self) -> None:
        self.enabled = False

    def enable(self) -> None:
        self.enabled = True


def test_two_threads_loading_at_once_leave_the_collector_running(monkeypatch):
    inside, asked, first_done = threading.Event(), threading.Event(), threading.Event()

    def read(path):
        if path == "first":
            inside.set()
            asked.wait(0.5)  # the second thread asks while the first still reads, if it can
        return path

    def first():
        glossary._load_glossary("first")
        first_done.set()

    second = threading.Thread(target=glossary._load_glossary, args=("second",))
    collector = _Collector(second, first_done, asked)
    monkeypatch.setattr(glossary, "gc", collector)
    monkeypatch.setattr(glossary, "_read_glossary", read)
    glossary._load_glossary.cache_clear()
    try:
        one = threading.Thread(target=first)
        one.start()
        inside.wait(5)
        second.start()
        one.join(10)
        second.join(10)
    finally:
        glossary._load_glossary.cache_clear()
    assert collector.enabled
