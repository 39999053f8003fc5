"""Texts made far from any translator (import notes, file errors): kept as key and values, shown in the
reader's language, intact across processes, and exact about what a cell holds."""
from __future__ import annotations

import os
import pickle
import sys

import numpy as np
import pandas as pd
import pytest

from helpers.__main__ import main
from helpers.errors import ExportFormatError, RosterError, WorkbookError
from helpers.i18n import Message, Translator, use_language
from helpers.importers.values import to_number


def test_a_message_is_english_text_and_translates_with_its_values():
    note = Message("imports.quality.negative", count=1234, metric=Message("metric.reach.label"),
                   rows=Message("imports.quality.rows", rows="4, 5"))
    assert note == "1,234 negative values in reach (rows 4, 5): a count cannot be negative, so these cells are" \
                   " treated as not reported"
    indonesian = Translator("id").message(note)
    assert indonesian.startswith("1.234 nilai jangkauan negatif") and "baris 4, 5" in indonesian


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


def test_an_abbreviated_language_option_gives_argparses_own_errors_in_that_language(capsys):
    """argparse reads --lang id, --lang=id and --l id as --language id; its own errors (a --jobs that is no
    number, an unknown option, a language it refuses) came in English for them, as only the full --language
    was read before parsing. The first language the workbook speaks is the one asked."""
    for argv, expected in (
            (["render", "--lang", "id", "--jobs", "dua"],
             "galat: argument --jobs/-j: perlu bilangan bulat, bukan 'dua' (lihat python -m helpers render --help)\n"),
            (["render", "--l", "id", "--jobs", "dua"],
             "galat: argument --jobs/-j: perlu bilangan bulat, bukan 'dua' (lihat python -m helpers render --help)\n"),
            (["render", "--lang", "id", "--clinet", "x"],
             "galat: python -m helpers render tidak memiliki opsi --clinet; mungkin maksud Anda --client? (lihat"
             " python -m helpers render --help)\n"),
            (["render", "--lang=id", "--language", "indo"],
             "galat: argument --language: 'indo' bukan bahasa yang dikenal buku kerja ini; diharapkan salah satu dari"
             " en, id; mungkin maksud Anda 'id'? (lihat python -m helpers render --help)\n"),
            (["inspect", "a.csv", "--langu=Indonesian", "--maping", "m.yml"],
             "galat: python -m helpers inspect tidak memiliki opsi --maping; mungkin maksud Anda --mapping? (lihat"
             " python -m helpers inspect --help)\n"),
            # after a bare `--` no word is an option: this --lang is no language asked
            (["render", "--", "--lang", "id"],
             "error: unrecognized arguments: -- --lang id (see python -m helpers --help)\n")):
        with pytest.raises(SystemExit) as stopped:
            main(argv)
        assert stopped.value.code == 2 and capsys.readouterr().err.endswith(expected), argv


def test_the_language_options_read_before_parsing_are_the_ones_argparse_reads():
    """languages_given reads each --language as argparse does: a prefix down to --l (no other option of a
    command starts with --l: argparse takes --l for --language, and refuses its value as a language), the
    value after it or after '=', none after a bare `--`."""
    from helpers import slides
    from helpers.__main__ import languages_given

    assert languages_given(["render", "--lang", "id", "--language=en", "--lan", "Indonesian", "--l=fr"]) == [
        "id", "en", "id", None]
    assert languages_given(["render", "--lang"]) == [None]
    assert languages_given(["render", "--", "--lang", "id"]) == []
    assert languages_given(["render", "--out", "x", "--list", "id"]) == []  # --list is no prefix of --language
    for command in (["render"], ["inspect", "a.csv"]):
        with pytest.raises(SystemExit):
            main([*command, "--l", "xx"])
    with pytest.raises(SystemExit):
        slides.main(["--l", "xx"])


def test_of_two_language_options_the_last_speaks_as_argparse_keeps_it(capsys):
    """`render --lang id --language en --jobs two`: argparse keeps the last --language (en), and its error on
    --jobs was in Indonesian, the first one; it is in the last one's language now, as the message of a Python
    without the workbook's packages is (installed.not_installed)."""
    from helpers.installed import not_installed

    for argv, expected in (
            (["render", "--lang", "id", "--language", "en", "--jobs", "two"],
             "error: argument --jobs/-j: needs a whole number, not 'two' (see python -m helpers render --help)\n"),
            (["render", "--language=en", "--lang", "id", "--jobs", "two"],
             "galat: argument --jobs/-j: perlu bilangan bulat, bukan 'two' (lihat python -m helpers render --help)\n")):
        with pytest.raises(SystemExit) as stopped:
            main(argv)
        assert stopped.value.code == 2 and capsys.readouterr().err.endswith(expected), argv
    assert not_installed("pandas", ["render", "--lang", "id", "--language", "en"]).startswith("This Python")

def test_a_language_option_before_the_command_is_said_to_go_after_it(capsys):
    """`--language id render` gave argparse's half-English "invalid choice: 'id'" (its value taken for the
    command), while `--language=id render` was told that options go after the command: both are told so now,
    in the language asked, with an abbreviation (--lang id) and before --help too."""
    indonesian = ("galat: python -m helpers tidak memiliki opsi {option}: opsi sebuah perintah ditulis sesudah namanya"
                  " (render, inspect, atau demo); python -m helpers render --help menampilkan opsi render (lihat python"
                  " -m helpers --help)\n")
    for argv, option in ((["--language", "id", "render"], "--language"), (["--language=id", "render"], "--language"),
                         (["--lang", "id", "render"], "--lang"), (["--language", "id", "--help"], "--language"),
                         (["--lang", "id"], "--lang")):
        with pytest.raises(SystemExit) as stopped:
            main(argv)
        err = capsys.readouterr().err
        assert stopped.value.code == 2 and err == ("usage: python -m helpers [-h] {render,inspect,demo} ...\n"
                                                   + indonesian.format(option=option)), argv
    with pytest.raises(SystemExit):
        main(["--language", "en", "inspect", "a.csv"])
    assert capsys.readouterr().err.endswith(
        "error: python -m helpers has no option --language: a command's options go after its name (render, inspect"
        " or demo); python -m helpers render --help lists render's options (see python -m helpers --help)\n")
    with pytest.raises(SystemExit):  # a word that is no option, before the command, keeps argparse's words
        main(["kopi-senja", "render"])
    assert "invalid choice: 'kopi-senja'" in capsys.readouterr().err


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


def test_an_unknown_option_is_answered_with_the_option_meant(capsys):
    """--clinet (a mistyped --client) is named with the option meant, as a mistyped client id is, after the
    usage of the command it was given to; an option close to none is named with the command's options."""
    usage = "usage: python -m helpers render [-h] [--clients CLIENTS] [--client CLIENT]\n"
    for argv, expected in (
            (["render", "--clinet", "oigetit"],
             "error: python -m helpers render has no option --clinet; did you mean --client? (see python -m helpers"
             " render --help)\n"),
            (["render", "--clinet=oigetit", "--language", "id"],
             "galat: python -m helpers render tidak memiliki opsi --clinet; mungkin maksud Anda --client? (lihat"
             " python -m helpers render --help)\n"),
            (["render", "--jbos", "2", "--cleints", "x.yml", "--frobnicate"],
             "error: python -m helpers render has no option --jbos, --cleints or --frobnicate; did you mean --jobs and"
             " --clients? (see python -m helpers render --help)\n"),
            (["render", "-J", "2"],
             "error: python -m helpers render has no option -J; did you mean -j? (see python -m helpers render --help)\n"),
            (["inspect", "a.csv", "--maping", "m.yml", "--language", "id"],
             "galat: python -m helpers inspect tidak memiliki opsi --maping; mungkin maksud Anda --mapping? (lihat python -m"
             " helpers inspect --help)\n"),
            (["render", "--frobnicate"],
             "error: python -m helpers render has no option --frobnicate; its options: --clients, --client, --out, --jobs,"
             " --pdf, --language, --accept-header-only (see python -m helpers render --help)\n")):
        with pytest.raises(SystemExit) as stopped:
            main(argv)
        err = capsys.readouterr().err
        assert stopped.value.code == 2 and err.endswith(expected), argv
        assert err.startswith(usage if argv[0] == "render" else "usage: python -m helpers inspect "), argv
    with pytest.raises(SystemExit):  # a word that is no option keeps argparse's words
        main(["render", "kopi-senja"])
    assert capsys.readouterr().err.endswith("error: unrecognized arguments: kopi-senja (see python -m helpers --help)\n")


def test_an_option_before_the_command_or_to_a_command_without_options_is_said_so(capsys):
    """`-v render` named the top level's options, an empty list; `demo --foo` too: the top level says options go
    after the command, and a command with none says it has none. After a bare `--` nothing is an option (it was
    counted as one, and `--client` after it "meant" --client): argparse names those words itself."""
    for argv, expected in (
            (["-v", "render"],
             "error: python -m helpers has no option -v: a command's options go after its name (render, inspect or"
             " demo); python -m helpers render --help lists render's options (see python -m helpers --help)\n"),
            (["--verbose", "render", "--language", "id"],
             "galat: python -m helpers tidak memiliki opsi --verbose: opsi sebuah perintah ditulis sesudah namanya"
             " (render, inspect, atau demo); python -m helpers render --help menampilkan opsi render (lihat python -m"
             " helpers --help)\n"),
            (["demo", "--foo"],
             "error: python -m helpers demo has no option --foo: it takes no options (see python -m helpers demo"
             " --help)\n"),
            (["render", "--", "--client"],
             "error: unrecognized arguments: -- --client (see python -m helpers --help)\n")):
        with pytest.raises(SystemExit) as stopped:
            main(argv)
        assert stopped.value.code == 2 and capsys.readouterr().err.endswith(expected), argv


#: Import notes a client reads (in the report, or from `inspect`), with one post and with two: the number
#: agrees with its noun and verb, in English, and the Indonesian keeps the same facts.
CLIENT_READ = [
    ("imports.tiktok_studio.id_day_off", {"count": 1, "total": 6, "zone": "UTC"}, "en",
     "of the 6 posts, 1 post has a video id created on the day before or after the date the export gives (read in"
     " UTC): the export probably writes its dates in another time zone than UTC. No post is given a time of day,"
     " only its date: giving one only to the posts whose id falls on their date would pick posts by their hour,"
     " and the timing analyses compare hours. Give the time zone the dates are written in (the client's timezone"
     " key in the roster, --timezone on the command line, timezone= in a notebook) to read the posts' times of"
     " day"),
    ("imports.tiktok_studio.id_day_off", {"count": 2, "total": 6, "zone": "UTC"}, "en",
     "of the 6 posts, 2 posts have a video id created on the day before or after the date the export gives (read"
     " in UTC): "),
    ("imports.tiktok_studio.id_day_off", {"count": 1, "total": 6, "zone": "UTC"}, "id",
     "dari 6 unggahan, 1 unggahan memiliki ID video yang dibuat sehari sebelum atau sesudah tanggal yang disebut"
     " ekspor (dibaca dalam UTC): ekspor ini kemungkinan menulis tanggalnya dalam zona waktu lain, bukan UTC."
     " Tidak ada unggahan yang diberi jam, hanya tanggalnya: "),
    ("report_note.id_day_off", {"count": 1, "total": 6, "zone": "UTC"}, "en",
     "of the 6 posts, 1 post has a video id created on the day before or after the date the export gives (read in"
     " UTC): the export probably writes its dates in another time zone than UTC. No post is given a time of day,"
     " only its date: giving one only to the posts whose id falls on their date would pick posts by their hour,"
     " and the timing analyses compare hours. The posts' times of day can be read once the time zone the dates"
     " are written in is known"),
    ("report_note.id_day_off", {"count": 2, "total": 12, "zone": "Asia/Tokyo"}, "en",
     "of the 12 posts, 2 posts have a video id created on the day before or after the date the export gives (read"
     " in Asia/Tokyo): the export probably writes its dates in another time zone than Asia/Tokyo."),
    ("report_note.id_day_off", {"count": 2, "total": 12, "zone": "UTC"}, "id",
     "dari 12 unggahan, 2 unggahan memiliki ID video yang dibuat sehari sebelum atau sesudah tanggal yang disebut"
     " ekspor (dibaca dalam UTC)"),
    ("imports.tiktok_studio.times_from_ids", {"count": 1, "total": 3, "zone": "UTC"}, "en",
     "of the 3 posts, 1 post is given a time of day from the video id, which holds the second the video was"
     " created and falls on the date the export gives (read in UTC); the others keep their date without a time"),
    ("imports.tiktok_studio.times_from_ids", {"count": 2, "total": 3, "zone": "UTC"}, "en",
     "of the 3 posts, 2 posts are given a time of day from the video id"),
    ("imports.tiktok_studio.date_disagrees_with_id",
     {"count": 1, "row": "2", "placed": "2025-01-02", "created": "2024-01-02"}, "en",
     "1 post has a date that disagrees with the creation time in the video id (e.g. row 2: placed on 2025-01-02,"
     " id created 2024-01-02)"),
    ("report_note.date_disagrees_with_id",
     {"count": 2, "row": "2", "placed": "2025-01-02", "created": "2024-01-02"}, "en",
     "2 posts have a date that disagrees with the creation time in the video id"),
    ("imports.x_content.times_from_ids", {"moved": 1, "total": 141, "zone": "Asia/Jakarta"}, "en",
     "each post's time comes from its post id, which holds the moment the post was created (shown in Asia/Jakarta,"
     " to the minute). The export's Date gives the day only, written at a clock of X's own: 1 of the 141 posts"
     " falls on the day before or after their Date read in Asia/Jakarta; X's own screens may show those posts on"
     " their Date"),
    ("imports.x_content.times_from_ids", {"moved": 42, "total": 141, "zone": "UTC"}, "en",
     "each post's time comes from its post id, which holds the moment the post was created (shown in UTC, to the"
     " minute). The export's Date gives the day only, written at a clock of X's own: 42 of the 141 posts fall on"
     " the day before or after their Date read in UTC"),
    ("imports.x_content.times_from_ids", {"moved": 42, "total": 141, "zone": "Asia/Jakarta"}, "id",
     "jam unggah setiap unggahan diambil dari ID unggahannya, yang memuat saat unggahan itu dibuat (ditampilkan dalam"
     " Asia/Jakarta, sampai menit). Kolom Date dalam ekspor hanya memberi harinya, ditulis menurut jam X sendiri:"
     " 42 dari 141 unggahan jatuh sehari sebelum atau sesudah Date-nya bila dibaca dalam Asia/Jakarta"),
    ("imports.x_content.ids_off_dates",
     {"count": 1, "total": 2, "zone": "UTC", "example": Message("imports.x_content.id_no_time_example", row="3",
                                                                  date=pd.Timestamp("2006-03-21").date(), id="'20'")},
     "en", "1 of the 2 posts has a post id that does not fit their Date (e.g. row 3: Date 21 March 2006, id '20',"
     " which holds no time between November 2010 and now): "),
    ("imports.x_content.ids_off_dates",
     {"count": 2, "total": 3, "zone": "UTC", "example": Message("imports.x_content.id_day_example", row="3",
                                                                  date=pd.Timestamp("2025-11-01").date(),
                                                                  created=pd.Timestamp("2025-11-05").date())},
     "id", "2 dari 3 unggahan memiliki ID unggahan yang tidak sesuai dengan Date-nya (mis. baris 3: Date 1 November"
     " 2025, ID dibuat 5 November 2025)"),
    ("imports.linkedin_page.campaign_not_run", {"count": 1, "rows": Message("imports.quality.row", rows="43")}, "en",
     "1 post has rows marked 'Sponsored' in the 'Post type' column with no impressions (a campaign that did not"
     " run; sheet row 43): counted as organic"),
    ("imports.linkedin_page.campaign_not_run", {"count": 2, "rows": "43, 50"}, "en",
     "2 posts have rows marked 'Sponsored' in the 'Post type' column with no impressions"),
    ("imports.linkedin_page.campaign_not_run", {"count": 1, "rows": Message("imports.quality.row", rows="43")}, "id",
     "1 unggahan memiliki baris bertanda 'Sponsored' di kolom 'Post type' tanpa impresi (kampanye yang tidak"
     " berjalan; lembar: baris 43): dihitung sebagai organik"),
    ("imports.linkedin_page.rows_summed", {"count": 1}, "en",
     "1 post has several rows but no 'Total' row in the 'Post type' column: their rows were summed"),
    ("imports.linkedin_page.rows_summed", {"count": 2}, "id",
     "2 unggahan memiliki beberapa baris tetapi tidak memiliki baris 'Total' di kolom 'Post type'"),
    ("imports.linkedin_page.boosted_rows_merged", {}, "id",
     "baris tambahan dari unggahan yang dipromosikan (baris-baris satu unggahan yang bertanda 'Organic' dan"
     " 'Sponsored' di kolom 'Post type', dihitung sebagai satu unggahan)"),
    ("imports.meta_business_suite.clock_found",
     {"given": "Asia/Jakarta", "fits": 3, "checked": 4, "zone": "America/Los_Angeles", "offsets": "UTC−7",
      "given_fits": 1, "row": 2, "written": "04/02/2025 09:48", "shown": "2025-04-02 23:48"}, "en",
     "'Publish time' is not written at the clock of Asia/Jakarta, the time zone given: of the 4 posts whose link"
     " holds the time Instagram received them, 3 posts match America/Los_Angeles (UTC−7) and 1 post matches"
     " Asia/Jakarta."),
    ("imports.meta_business_suite.clock_why_far", {"far": 1, "held": 2, "minimum": 3}, "en",
     "of the 2 posts whose link holds the time Instagram received them, 1 post is written further from that time"),
    ("imports.meta_business_suite.day_first_month_far", {"far": 1}, "en",
     "and 1 post is further from it than that when read month-first"),
    ("imports.explore.month_cut", {"count": 1, "months": "2014-03"}, "en",
     "of the chosen posts, 1 post is dated only to the month, in a month the period cuts (2014-03): their day is"
     " unknown"),
    ("imports.explore.month_cut", {"count": 2, "months": "2014-03"}, "en",
     "of the chosen posts, 2 posts are dated only to the month, in a month the period cuts (2014-03)"),
]


@pytest.mark.parametrize("key, values, language, expected", CLIENT_READ)
def test_import_notes_a_client_reads_agree_with_their_number(key, values, language, expected):
    assert Translator(language).message(Message(key, **values)).startswith(expected)


@pytest.mark.parametrize("language, one, two", [
    ("en", "some cells are blank and are read as not reported, not as 0: 1 cell in the 'like' column, 2 cells in"
           " the 'Paid' column",
     "this dataset gives no dates and no post ids: each post is named by its row (uci-0001 is the first row) and"
     " placed in 2014 on the first day of its month that falls on its weekday, at its hour. The month, weekday"
     " and hour are the dataset's own, the day of the month is not: the posts can be compared by month, weekday"
     " and hour, but not by date"),
    ("id", "sebagian sel kosong dan dibaca sebagai tidak dilaporkan, bukan 0: 1 sel di kolom 'like', 2 sel di"
           " kolom 'Paid'",
     "dataset ini tidak memuat tanggal maupun ID unggahan: setiap unggahan dinamai menurut barisnya (uci-0001"
     " untuk baris pertama) dan ditempatkan di tahun 2014 pada tanggal pertama dalam bulannya yang jatuh pada"
     " hari yang sama dengan hari unggahan tersebut, pada jam unggahannya. Bulan, hari dalam seminggu, dan jamnya"
     " berasal dari dataset, tetapi tanggalnya tidak: unggahan dapat dibandingkan per bulan, per hari dalam"
     " seminggu, dan per jam, tetapi tidak per tanggal")])
def test_the_uci_notes_name_each_columns_blank_cells_and_say_what_the_dates_hold(language, one, two):
    """The dataset's blank cells by column, with how many each (1 and 2), read as not reported; its dates in
    plain words: no internal names (precision values, "synthetic")."""
    tr = Translator(language)
    blanks = Message("imports.uci_facebook_metrics.blank_cells", columns=[
        Message("imports.uci_facebook_metrics.blank_column", column="like", count=1),
        Message("imports.uci_facebook_metrics.blank_column", column="Paid", count=2)])
    assert tr.message(blanks) == one
    assert tr.message(Message("imports.uci_facebook_metrics.synthetic_dates", year="2014")) == two


#: A Python outside any virtual environment (this one's own interpreter): not the project's .venv, whose
#: missing package is a fault rather than a setup step, wherever the tests run.
OUTSIDE_PYTHON = os.path.realpath(sys._base_executable)


def _without(package: str, folder, *command: str, cwd=None, **environment):
    """The command run by a Python outside .venv, with this one's packages, as by one without `package`: a module
    of its name ahead on the path raises what a missing package raises."""
    import site
    import subprocess

    from helpers.paths import PROJECT_ROOT

    folder = folder / f"without-{package}"
    folder.mkdir()
    (folder / f"{package}.py").write_text(f"raise ModuleNotFoundError(\"No module named '{package}'\", name='{package}')\n")
    env = {**os.environ, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8", **environment,
           "PYTHONPATH": os.pathsep.join([str(folder), str(PROJECT_ROOT), *site.getsitepackages()])}
    return subprocess.run([OUTSIDE_PYTHON, *command], cwd=cwd or PROJECT_ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_python_without_the_workbooks_packages_is_told_how_to_run_the_command(tmp_path):
    """python3 -m helpers render without .venv/bin/ in front, or without the Conda environment active: Babel
    (imported with the command line) or pandas (imported by inspect) is missing. One sentence says which package,
    which Python, and the command to run instead; no traceback, and the exit status is 1."""
    from helpers.paths import PROJECT_ROOT

    done = _without("babel", tmp_path, "-m", "helpers", "render", "--client", "kopi-senja")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        f"This Python ({OUTSIDE_PYTHON}) does not have the workbook's package babel: run `make reports` once in"
        f" {PROJECT_ROOT} (it creates .venv and installs the packages into it), then run .venv/bin/python -m helpers"
        " render --client kopi-senja, or activate the Conda environment first (conda activate"
        " reach-engagement-workbook).\n")
    # the `workbook` command, from another folder, in Indonesian (the locale): PyYAML named as pip names it
    console = "import sys; from helpers.__main__ import console; sys.exit(console())"
    done = _without("yaml", tmp_path, "-c", console, "demo", cwd=tmp_path, LANG="id_ID.UTF-8")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"Python ini ({OUTSIDE_PYTHON}) tidak memiliki paket buku kerja ini, pyyaml: jalankan"
                                  f" `make reports` sekali di {PROJECT_ROOT} ")
    assert f"lalu jalankan {PROJECT_ROOT}/.venv/bin/python -m helpers demo, atau aktifkan" in done.stderr
    # pandas, imported once the command runs; --language id is the language asked, whatever the locale
    done = _without("pandas", tmp_path, "-m", "helpers", "inspect", "a b.csv", "--language", "id")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("Python ini (") and " paket buku kerja ini, pandas: " in done.stderr
    assert "lalu jalankan .venv/bin/python -m helpers inspect 'a b.csv' --language id, atau" in done.stderr


def test_the_slides_command_without_the_packages_says_so_in_the_language_abbreviated(tmp_path):
    """`python -m helpers.slides` (make slides) without Babel printed a traceback; it now says what the other
    commands say, and `--lang id`, which argparse reads as --language id, gives it in Indonesian (it was English)."""
    done = _without("babel", tmp_path, "-m", "helpers.slides", "--lang", "id")
    assert done.returncode == 1 and done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"Python ini ({OUTSIDE_PYTHON}) tidak memiliki paket buku kerja ini, babel: ")
    assert "lalu jalankan .venv/bin/python -m helpers.slides --lang id, atau" in done.stderr
    done = _without("pandas", tmp_path, "-m", "helpers", "inspect", "a.csv", "--lang=id")
    assert done.returncode == 1 and done.stderr.startswith("Python ini (")


def test_a_missing_module_of_the_workbook_itself_keeps_its_traceback(monkeypatch):
    """Only a package the workbook installs is a setup to fix; a module of its own missing is a fault, shown as one.
    (Judged as by a Python other than the project's .venv, which this test may itself be running in.)"""
    from helpers import installed
    from helpers.installed import missing_package

    monkeypatch.setattr(installed, "in_project_venv", lambda: False)

    assert missing_package(ModuleNotFoundError("No module named 'helpers.nothing'", name="helpers.nothing")) is None
    assert missing_package(ModuleNotFoundError("No module named 'yaml'", name="yaml")) == "pyyaml"
    assert missing_package(ModuleNotFoundError("No module named 'babel.dates'", name="babel.dates")) == "babel"
    assert missing_package(ModuleNotFoundError("No module named 'jupyter_client'", name="jupyter_client")) == (
        "jupyter-client")


def test_a_missing_standard_module_or_a_package_missing_from_venv_keeps_its_traceback(tmp_path, monkeypatch):
    """`make reports` installs the packages pyproject.toml declares into .venv: a module of Python's own (_ctypes,
    zoneinfo on a Python built without them), or any package missing from .venv itself, is not mended by it, so
    the command fails with its traceback rather than advise it."""
    from helpers import installed
    from helpers.installed import missing_package

    assert missing_package(ModuleNotFoundError("No module named '_ctypes'", name="_ctypes")) is None
    assert missing_package(ModuleNotFoundError("No module named 'zoneinfo'", name="zoneinfo")) is None
    done = _without("zoneinfo", tmp_path, "-m", "helpers", "inspect", "a.csv")
    assert done.returncode == 1 and "make reports" not in done.stderr
    assert done.stderr.startswith("Traceback") and done.stderr.endswith(
        "ModuleNotFoundError: No module named 'zoneinfo'\n")
    monkeypatch.setattr(sys, "prefix", str(installed.ROOT / ".venv"))
    assert missing_package(ModuleNotFoundError("No module named 'yaml'", name="yaml")) is None


def test_a_command_to_paste_is_quoted_for_the_shell_it_is_pasted_into():
    """A folder with a space: single quotes in a POSIX shell, double quotes on Windows (cmd.exe keeps single
    quotes as part of the word, so 'out dir' would name a folder called "'out")."""
    from helpers.installed import shell_command

    words = ["python", "-m", "helpers", "render", "--clients", "my roster.yml", "--client", "acme", "--out", "out dir"]
    assert shell_command(words, windows=False) == (
        "python -m helpers render --clients 'my roster.yml' --client acme --out 'out dir'")
    assert shell_command(words, windows=True) == (
        'python -m helpers render --clients "my roster.yml" --client acme --out "out dir"')
    # words cmd.exe would split or expand are quoted too
    assert shell_command(["--out", "R&D", "--clients", "roster;v2.yml", "C:\\laporan\\%USERNAME%"], windows=True) == (
        '--out "R&D" --clients "roster;v2.yml" "C:\\laporan\\%USERNAME%"')
