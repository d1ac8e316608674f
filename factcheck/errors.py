"""Errors a user can cause. The CLI turns them into a one-line message, the web into a page.

An error is raised with a message id and its values, as a ``Message``
(``TransitionError(N_("claim %(key)s is deleted; restore it first"), key=claim.key)``):
``str(error)`` is the English line for the CLI and logs, ``error.message`` lets the web say
it in the viewer's language.
"""

from factcheck.messages import Message


class FactcheckError(Exception):
    """Base class for every error caused by input rather than by a bug."""

    def __init__(self, message: str = "", /, **params):
        self.message = message if isinstance(message, Message) and not params else None
        if self.message is None:
            self.message = Message(message, **params)
        super().__init__(str(self.message))


class InputError(FactcheckError):
    """Bad input: an empty or binary file, a malformed claim file, a failed URL."""


class NotFound(FactcheckError):
    """An article, claim, source or user that does not exist."""


class TransitionError(FactcheckError):
    """A status change or verdict the workflow does not allow."""


class PermissionDenied(FactcheckError):
    """The user's role (or the two-person rule) does not allow this action."""


class StaleClaim(FactcheckError):
    """Someone else saved the claim since this version was loaded (optimistic locking)."""

    def __init__(
        self,
        message: str,
        claim_id: int | None = None,
        current_version: int | None = None,
        **params,
    ):
        super().__init__(message, **params)
        self.claim_id = claim_id
        self.current_version = current_version
