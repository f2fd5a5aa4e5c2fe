"""What no text from outside may hold: one definition for forms, imports and the command
line."""

from __future__ import annotations

import re

# Control characters have no place in names and texts (PostgreSQL refuses NUL outright);
# tab and line breaks are text. (C1 controls, U+0080-U+009F, are left to texts: profiles
# saved before would otherwise no longer save.)
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_BREAK = re.compile(r"[\r\n\u2028\u2029]")
# What a one-line name may not hold: any control character or line break, and lone
# surrogates (a terminal's undecodable bytes).
NOT_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
