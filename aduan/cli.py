"""The `aduan` console command: `aduan serve`, `aduan sweep`, `aduan sms …` — Django's management
commands under a shorter name, with `serve` and `worker` as the two long-running processes."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aduan.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    aliases = {"intake-mail": "intake_mail", "triage-train": "triage_train"}
    if args and args[0] in aliases:
        args[0] = aliases[args[0]]
    from django.core.management import execute_from_command_line

    execute_from_command_line(["aduan", *args])


if __name__ == "__main__":
    main()
