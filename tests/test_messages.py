"""Messages made below the web: English as text (for the command line and logs), and their
message id and values kept, so that the web can say them in another language."""

from __future__ import annotations

import pytest

from factcheck.errors import TransitionError
from factcheck.messages import NP_, Message, joined


def test_a_message_is_its_english_text_and_keeps_its_id_and_values():
    message = Message("claim %(key)s is deleted; restore it first", key="c3")
    assert message == "claim c3 is deleted; restore it first"
    assert (message.template, message.params) == (
        "claim %(key)s is deleted; restore it first",
        {"key": "c3"},
    )


@pytest.mark.parametrize(
    ("count", "english"),
    [(1, "1 claim proposed"), (0, "0 claims proposed"), (5, "5 claims proposed")],
)
def test_a_plural_message_chooses_its_form_by_count(count, english):
    assert (
        Message.plural(NP_("%(num)s claim proposed", "%(num)s claims proposed"), count) == english
    )


def test_a_stored_message_comes_back_whole_with_nested_messages_and_terms():
    inner = Message("%(url)s: refused, %(reason)s", url="http://x.example/", reason="too big")
    message = Message(
        "no source could be fetched: %(errors)s; now %(status)s",
        errors=joined([inner, "plain"]),
        status=Message.term("in_review"),
    )
    again = Message.from_json(message.to_json())
    assert (
        again
        == message
        == ("no source could be fetched: http://x.example/: refused, too big; plain; now in_review")
    )
    assert again.params["status"].is_term
    assert again.params["errors"].params["m0"].template == "%(url)s: refused, %(reason)s"


@pytest.mark.parametrize("stored", [None, "", "not json", "[1, 2]", '{"no": "id"}'])
def test_text_that_is_no_stored_message_reads_as_none(stored):
    assert Message.from_json(stored) is None


def test_an_error_says_english_on_the_command_line_and_keeps_its_message():
    error = TransitionError("claim %(key)s needs a verdict before it is verified", key="c1")
    assert str(error) == "claim c1 needs a verdict before it is verified"
    assert error.message.template == "claim %(key)s needs a verdict before it is verified"
    assert str(TransitionError("100% plain")) == "100% plain"  # no values: nothing formatted
