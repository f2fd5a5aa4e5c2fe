"""Business operations: the only code that changes state and commits."""
