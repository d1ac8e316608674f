"""Interface messages made where Flask is not at hand (the domain layer and the jobs).

``N_("Fetching sources")`` returns its text unchanged; `factcheck i18n update` finds it and puts
it in the catalogues, and the web translates it when it shows it (``_(label)``).

A message with values in it is a ``Message``: ``Message(N_("claim %(key)s is deleted"),
key="c3")`` *is* the English text (a ``str``: the CLI prints it, logs and the jobs table keep
it), and remembers its message id and values, so that the web shows it in the viewer's
language (``factcheck.web.i18n.translate``). ``Message.plural`` does the same for ngettext.
A value that is itself a ``Message`` is translated too; ``Message.term`` marks a stored word
(a status, a role) that the web shows through ``term()``.
"""

from __future__ import annotations

import json


def N_(message: str) -> str:  # noqa: N802  (gettext's name for it)
    """``message``, marked for the catalogues."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802
    """A singular and plural pair, marked for the catalogues (for ``Message.plural``)."""
    return singular, plural


class Message(str):
    """An English message that remembers how to say it again in another language.

    In: a message id with ``%(name)s`` placeholders and the values. Out: the text in English
    (this object, as a ``str``); ``template``, ``plural``, ``count`` and ``params`` for the web;
    ``to_json``/``from_json`` to store it beside the English text.
    """

    template: str
    plural_template: str | None
    count: int | None
    params: dict
    is_term: bool

    def __new__(cls, template: str, /, **params) -> Message:
        return cls._make(template, None, None, params)

    @classmethod
    def plural(cls, forms: tuple[str, str], count: int, /, **params) -> Message:
        """``forms[0]`` when ``count`` is 1, else ``forms[1]`` (ngettext's rule in English);
        ``%(num)s`` in either stands for ``count``."""
        return cls._make(forms[0], forms[1], count, params)

    @classmethod
    def term(cls, word: str) -> Message:
        """A stored word (a status, a role) that pages show in their language: term()."""
        made = cls._make(str(word), None, None, {})
        made.is_term = True
        return made

    @classmethod
    def _make(cls, template, plural, count, params) -> Message:
        values = dict(params, num=count) if count is not None else params
        chosen = template if count is None or count == 1 else plural
        made = super().__new__(cls, chosen % values if values else chosen)
        made.template, made.plural_template, made.count = template, plural, count
        made.params, made.is_term = params, False
        return made

    def as_dict(self) -> dict:
        """The message as JSON values (nested messages too)."""
        found = {"id": self.template}
        if self.is_term:
            found["term"] = True
        if self.plural_template is not None:
            found["plural"], found["count"] = self.plural_template, self.count
        if self.params:
            found["params"] = {
                name: value.as_dict() if isinstance(value, Message) else value
                for name, value in self.params.items()
            }
        return found

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, found: dict) -> Message:
        """The message ``as_dict`` gave."""
        params = {
            name: cls.from_dict(value) if isinstance(value, dict) else value
            for name, value in (found.get("params") or {}).items()
        }
        if found.get("term"):
            return cls.term(found["id"])
        if "plural" in found:
            return cls.plural((found["id"], found["plural"]), found["count"], **params)
        return cls(found["id"], **params)

    @classmethod
    def from_json(cls, text: str | None) -> Message | None:
        """The message ``to_json`` stored; None for none (or for text that is not one)."""
        try:
            found = json.loads(text) if text else None
        except ValueError:
            return None
        return cls.from_dict(found) if isinstance(found, dict) and "id" in found else None


def joined(messages: list, separator: str = "; ") -> Message:
    """Messages one after another, each translated on its own."""
    names = [f"m{i}" for i in range(len(messages))]
    template = separator.join(f"%({name})s" for name in names)
    return Message(template, **dict(zip(names, messages, strict=True)))
