"""What a command says when the Python running it lacks one of the workbook's packages (python3 without the
`.venv/bin/` in front, or the Conda environment not active): which package, which Python, and the command to run
instead. Imports nothing but the standard library, so that it works without the very packages missing; shared by
`python -m helpers` and `python -m helpers.slides`.
"""
from __future__ import annotations

import os
import shlex
import sys
import tomllib
from functools import cache
from pathlib import Path

#: What to do, in English and Bahasa Indonesia. Kept here, outside the catalogue (helpers/locales): reading the
#: catalogue needs PyYAML and Babel, which may be the very packages missing, so this sentence is said without them.
NOT_INSTALLED = {
    "en": "This Python ({python}) does not have the workbook's package {package}: run `make reports` once in {root}"
          " (it creates .venv and installs the packages into it), then run {command}, or activate the Conda"
          " environment first (conda activate reach-engagement-workbook).",
    "id": "Python ini ({python}) tidak memiliki paket buku kerja ini, {package}: jalankan `make reports` sekali di"
          " {root} (perintah itu membuat .venv dan memasang paket-paketnya di sana), lalu jalankan {command}, atau"
          " aktifkan dulu lingkungan Conda-nya (conda activate reach-engagement-workbook).",
}
#: Characters cmd.exe gives a meaning of its own outside double quotes (a word holding one is quoted).
CMD_SPECIAL = frozenset(" \t&|;%^<>(),@'\"=!")


def shell_command(words, windows: bool | None = None) -> str:
    """`words` as one command to paste into the user's shell: quoted for a POSIX shell ('out dir'), or, on
    Windows (`windows`, default: this machine's), for the Command Prompt (cmd.exe), which keeps single quotes
    as part of the word: a word holding a space or a character cmd.exe reads (& | ; ^ < > …) in double
    quotes ("out dir", "R&D"), a double quote in it doubled."""
    if windows if windows is not None else os.name == "nt":
        return " ".join(f'"{word.replace(chr(34), chr(34) * 2)}"' if not word or CMD_SPECIAL & set(word) else word
                        for word in map(str, words))
    return shlex.join(str(word) for word in words)


#: A package whose import name is not the name pip and conda install it by.
PACKAGE_NAMES = {"yaml": "pyyaml", "jupyter_client": "jupyter-client"}
#: The project folder, whose pyproject.toml declares the packages and whose .venv holds them.
ROOT = Path(__file__).resolve().parent.parent


@cache
def declared_packages() -> frozenset[str]:
    """The names of the packages the workbook declares (pyproject.toml's dependencies), as pip names them, in
    lower case; none when the file cannot be read (an installed copy without it)."""
    try:
        with (ROOT / "pyproject.toml").open("rb") as file:
            requirements = tomllib.load(file).get("project", {}).get("dependencies", [])
    except (OSError, tomllib.TOMLDecodeError):
        return frozenset()
    names = (requirement.split(";")[0].split("[")[0] for requirement in requirements)
    return frozenset(_normal(name.split("<")[0].split(">")[0].split("=")[0].split("~")[0].split("!")[0])
                     for name in names)


def _normal(name: str) -> str:
    """A package name as pip compares them: lower case, with - for _ and ."""
    return name.strip().lower().replace("_", "-").replace(".", "-")


def in_project_venv() -> bool:
    """Whether the running Python is the project's own .venv, where `make reports` has nothing more to install
    (a package missing there is a fault to see, not a setup step)."""
    try:
        return Path(sys.prefix).resolve() == (ROOT / ".venv").resolve()
    except OSError:
        return False


def missing_package(exc: ModuleNotFoundError) -> str | None:
    """The package a failed import lacks, as pip and conda name it, when it is one the workbook declares and
    the Python running is not the project's .venv; None otherwise (a module of the workbook's own, or of the
    standard library such as _ctypes or zoneinfo on a Python built without it: a fault that keeps its
    traceback, which `make reports` cannot mend)."""
    top = (exc.name or "").split(".")[0]
    package = PACKAGE_NAMES.get(top, top)
    if _normal(package) not in declared_packages() or in_project_venv():
        return None
    return package


def language_values(argv: list[str]) -> list[str | None]:
    """The value given to each --language on the command line, in order (None for one given none), as argparse
    reads them: the option, or a prefix of it (--lang, --lan; no other option of the commands starts with --l),
    followed by its value or joined to it by '=' (--lang=id); none after a bare `--`, which ends the options.
    The one reading of --language, for the language a command speaks before argparse has parsed its arguments."""
    argv = argv[:argv.index("--")] if "--" in argv else argv
    values = []
    for index, word in enumerate(argv):
        option, joined, value = word.partition("=")
        if len(option) > 2 and "--language".startswith(option):
            values.append(value if joined else argv[index + 1] if index + 1 < len(argv) else None)
    return values


def _language(argv: list[str]) -> str:
    """The sentence's language: the last --language (language_values: an abbreviation argparse accepts too) on
    the command line, else the locale (LC_ALL, LC_MESSAGES, LANG); Indonesian for id, indo…, bahasa…."""
    asked = [value or "" for value in language_values(argv)]
    locale = next((os.environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(name)), "")
    wanted = (asked or [locale])[-1].strip().casefold()
    return "id" if wanted.startswith(("id", "indo", "bahasa")) else "en"


def not_installed(package: str, argv: list[str], module: str = "helpers") -> str:
    """The sentence for `python -m <module> argv` run by a Python without `package`: which Python, and how to
    run the same command with the workbook's own (.venv's, from the project folder), in the command's language."""
    here = Path.cwd().resolve() == ROOT
    inside = ("Scripts", "python.exe") if os.name == "nt" else ("bin", "python")  # a Windows venv's own layout
    python = Path(".venv", *inside) if here else ROOT.joinpath(".venv", *inside)
    return NOT_INSTALLED[_language(argv)].format(python=sys.executable or "python", package=package, root=ROOT,
                                                 command=shell_command([str(python), "-m", module, *argv]))


def say_not_installed(exc: ModuleNotFoundError, argv: list[str], module: str = "helpers") -> int:
    """For a command whose import or run failed with `exc`: the sentence (not_installed) on stderr, and the exit
    status 1, when a declared package is missing; otherwise `exc` raised again, with its traceback."""
    if (package := missing_package(exc)) is None:
        raise exc
    print(not_installed(package, argv, module), file=sys.stderr)
    return 1
