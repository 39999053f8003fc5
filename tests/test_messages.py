"""Texts made far from any translator (import notes, file errors): kept as key and values, shown in the
reader's language, intact across processes, and exact about what a cell holds."""
from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

from helpers.__main__ import main
from helpers.errors import ExportFormatError, RosterError, WorkbookError
from helpers.i18n import Message, Translator, use_language
from helpers.importers.values import to_number


def test_a_message_is_english_text_and_translates_with_its_values():
    note = Message("imports.quality.negative", count=1234, column="reach",
                   rows=Message("imports.quality.rows", rows="4, 5"))
    assert note == "1,234 negative value(s) in reach (rows 4, 5): a count cannot be negative, so these cells are" \
                   " treated as not reported"
    indonesian = Translator("id").message(note)
    assert indonesian.startswith("1.234 nilai negatif") and "baris 4, 5" in indonesian


def test_numpy_numbers_are_formatted_like_python_numbers():
    assert Message("imports.file_dropped", file="a.csv", count=np.int64(1234), reason="x") == \
        Message("imports.file_dropped", file="a.csv", count=1234, reason="x")


def test_list_items_holding_commas_are_set_apart_by_semicolons():
    listed = Message("imports.importers.one_of", families=["a, b", "c"])
    assert "a, b; c" in listed
    assert "a, c" in Message("imports.importers.one_of", families=["a", "c"])


def test_messages_and_errors_survive_pickling_in_either_language():
    error = ExportFormatError("posts.csv", Message("imports.values.not_dates", count=2, value=repr("x")), row=3,
                              column="Date", hint=Message("imports.values.dates_hint"))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.row, copy.column, str(copy)) == (3, "Date", str(error))
    use_language("id")
    assert str(copy).startswith("berkas posts.csv, baris 3, kolom 'Date': 2 sel bukan tanggal")
    roster = pickle.loads(pickle.dumps(RosterError("r.yml", ["a"], Translator("id"))))
    assert str(roster).startswith("daftar klien r.yml")


def test_a_bad_cell_is_shown_escaped_so_invisible_characters_show(tmp_path):
    with pytest.raises(WorkbookError) as error:
        to_number(pd.Series(["12", "1\u200b234"]), path=tmp_path / "p.csv", column="Reach",
                  rows=pd.Series([2, 3]))
    assert "row 3: '1\\u200b234'" in str(error.value)


def test_command_line_errors_speak_the_chosen_language(capsys):
    assert main(["render", "--client", "nobody", "--language", "id"]) == 2
    assert capsys.readouterr().err.startswith("galat: tidak ada klien 'nobody'")
    assert main(["render", "--jobs", "0"]) == 2
    assert capsys.readouterr().err.startswith("error: --jobs must be at least 1, not 0")
    # argparse reads an abbreviation and the last of two: the language it parsed is the one spoken
    assert main(["render", "--client", "nobody", "--lang", "id"]) == 2
    assert capsys.readouterr().err.startswith("galat: tidak ada klien 'nobody'")
    assert main(["render", "--client", "nobody", "--language", "id", "--language", "en"]) == 2
    assert capsys.readouterr().err.startswith("error: no client 'nobody'")
    with pytest.raises(SystemExit) as stopped:  # argparse's error, before the parsing ends: exit 2
        main(["render", "--jobs", "two", "--language", "id"])
    assert stopped.value.code == 2 and "galat: argument --jobs/-j: perlu bilangan bulat, bukan 'two'" in capsys.readouterr().err


def test_an_unknown_client_id_close_to_a_known_one_is_answered_with_it(capsys):
    """--client Kopi-Senja (a capital, as in the report's title) or kopi-senia: the id meant is named."""
    assert main(["render", "--client", "Kopi-Senja"]) == 2
    assert capsys.readouterr().err == ("error: no client 'Kopi-Senja' in data/demo/clients.yml; did you mean 'kopi-senja'?"
                                       " (known: harbour-books, kopi-senja)\n")
    assert main(["render", "--client", "harbour-bok", "--language", "id"]) == 2
    assert capsys.readouterr().err.startswith("galat: tidak ada klien 'harbour-bok' di data/demo/clients.yml; mungkin maksud"
                                              " Anda 'harbour-books'?")
    assert main(["render", "--client", "nobody"]) == 2
    assert "did you mean" not in capsys.readouterr().err
    assert main(["render", "--client", "Kopi-Senja", "--client", "kopi-senia"]) == 2
    assert capsys.readouterr().err == ("error: no client 'Kopi-Senja', 'kopi-senia' in data/demo/clients.yml; did you mean"
                                       " 'kopi-senja'? (known: harbour-books, kopi-senja)\n")
