"""Domain errors raised by services and turned into messages by the views."""


class DomainError(Exception):
    """A request the domain refuses; `str(error)` is a message fit for the user."""


class EmailAlreadyRegistered(DomainError):
    pass


class InvalidToken(DomainError):
    pass


class AuthenticationFailed(DomainError):
    pass


class WeakPassword(DomainError):
    pass


class InvalidAccountData(DomainError):
    pass
