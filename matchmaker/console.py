"""The `matchmaker` console script.

`matchmaker rank` ranks profile files without an app or a database: it runs without
importing them (a second less per call). Every other command is Flask's command line with
the project's own commands (`matchmaker.cli`).
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:2] == ["rank"]:
        from matchmaker.commands.rank import rank_command

        rank_command.main(sys.argv[2:], prog_name="matchmaker rank")
    else:
        from sqlalchemy.exc import OperationalError, ProgrammingError

        from matchmaker.cli import main as app_commands

        try:
            app_commands()
        except (OperationalError, ProgrammingError) as error:
            # No database there, or no tables in it yet: one line, not a traceback.
            reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
            sys.exit(
                f"Error: the database cannot be used ({reason}); check DATABASE_URL and run"
                " `matchmaker db upgrade`."
            )
