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
        from matchmaker.cli import main as app_commands

        app_commands()
