"""Errors a user can cause. The CLI turns them into a one-line message, the web into a page."""


class FactcheckError(Exception):
    """Base class for every error caused by input rather than by a bug."""


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
        self, message: str, claim_id: int | None = None, current_version: int | None = None
    ):
        super().__init__(message)
        self.claim_id = claim_id
        self.current_version = current_version
