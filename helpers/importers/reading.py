"""Reading export files as they come: any BOM, UTF-16, a `sep=` line, `,` `;` or tab, CRLF, ragged rows.

Every function here reads; none writes. Cells come back as text ("" for blank) so that each importer
decides what a blank means (blank is not zero) and can name the row and column of a bad value.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from bisect import bisect_left, bisect_right
from itertools import islice
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cached_property
from datetime import date, datetime
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, quoted
from ..paths import DOCUMENT_SUFFIXES, SKIPPED_NAME_PREFIXES
from .values import MISSING_WORDS, SeparatorMark, file_decimal

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def detect_encoding(head: bytes, rest: Path | None = None) -> str:
    """The text encoding of a file: a BOM if present, UTF-16 by its zero bytes, else UTF-8, unless no character
    of the file is written as UTF-8 and some byte is not: then cp1252 (what Excel saves on Windows), or Mac Roman
    where its text reads far more plausibly so (_legacy_encoding: what Excel for Mac saves as 'CSV (Macintosh)').

    `head` is the file's first bytes; `rest`, when given, the file itself, read in chunks so that a large
    export is never held whole: a cp1252 file whose first accented letter comes late (a name in row 300) is
    as much cp1252 as one with a '£' in its header. A UTF-8 file with one stray byte (a cp1252 dash pasted
    into a caption) stays UTF-8, so that reading it names that line rather than garbling every 'é' of the
    file into 'Ã©'. A character cut at the very end of the file is no sign of cp1252 (a cut-off download).
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    if len(head) > 3 and head[1:2] == b"\x00" and head[3:4] == b"\x00":
        return "utf-16-le"  # UTF-16 without a BOM: every other byte of ASCII text is zero
    chunks = (lambda: _chunks(rest)) if rest is not None else (lambda: (head,))
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in chunks():
            decoder.decode(chunk)  # a character split between chunks waits for the next one
    except UnicodeDecodeError:
        return "utf-8" if _holds_utf8(chunks()) else _legacy_encoding(chunks())
    return "utf-8"


#: The encodings a file that is not UTF-8 is read in (detect_encoding), each a byte a character.
LEGACY_ENCODINGS = ("cp1252", "mac_roman")
#: How much of a file the guess reads: its first chunks (of 1 MB) that hold a byte other than ASCII, up to this
#: many: plenty of evidence, and a 50 MB file is guessed in under a tenth of a second.
_SAMPLE_CHUNKS = 2
#: The non-ASCII letters either encoding has, as regular-expression classes: all, small, capital.
_LEGACY_CHARS = {c for encoding in LEGACY_ENCODINGS for c in bytes(range(0x80, 0x100)).decode(encoding, "ignore")}
_LETTER = "A-Za-z" + "".join(sorted(c for c in _LEGACY_CHARS if c.isalpha()))
_SMALL = "a-z" + "".join(sorted(c for c in _LEGACY_CHARS if c.islower()))
_CAPITAL = "".join(sorted(c for c in _LEGACY_CHARS if c.isupper()))
#: Signs that no text sets beside a letter, in each reading: what the other encoding's accented letters become.
#: Mac Roman reads cp1252's 'á ã õ â ä ü ú' as '· „ ı ‚ ‰ ¸ ˙' ('S„o') and '½ ² ³ º' as 'Ω ≤ ≥ ∫'; cp1252 reads
#: Mac Roman's 'á à ò É Ü' as '‡ ˆ ˜ ƒ †' ('est‡'). Its '‹ › ‰' (Mac Roman's 'ã õ â') are guillemets and per mille
#: in cp1252 text, so they count only between two letters ('S‹o'), not in '‹Text›', 'Read more ›' or '5‰'.
_ODD_SIGNS = {"cp1252": ("‡†ˆ˜ƒ", "‹›‰"),
              "mac_roman": ("·„ı‚ˆ˜¸˛ˇ◊Ω∂∑∏π∫≈≠≤≥‰˙˚˝¯˘", "")}
#: The implausible text each reading is scored for (_implausible), as patterns that each start with the character
#: they count (a fast scan) and their weights: a capital inside a word ('donÕt', 'IÕve', 'SŽrgio') weighs 2; one
#: ending a word of small letters ('cafŽ', 'liveÓ') or standing alone ('blood Ð it's'), and an odd sign beside a
#: letter ('est‡', 'S„o'), 1.
_IMPLAUSIBLE = {encoding: [
    (re.compile(f"[{_CAPITAL}](?<=[{_LETTER}].)(?=[{_SMALL}])"), 2),
    (re.compile(f"[{_CAPITAL}](?<=[{_SMALL}].)(?![{_SMALL}])"), 1),
    (re.compile(f"[{_CAPITAL}](?<![{_LETTER}].)(?![{_LETTER}])"), 1),
    (re.compile(f"[{re.escape(beside)}](?:(?<=[{_LETTER}].)|(?=[{_LETTER}]))"), 1),
    *([(re.compile(f"[{re.escape(between)}](?<=[{_LETTER}].)(?=[{_LETTER}])"), 1)] if between else []),
] for encoding, (beside, between) in _ODD_SIGNS.items()}
#: A hashtag, whose words may be joined with capitals ('#FeriaDeÁlava', '#BlackFridayÉAgora'): in the cp1252
#: reading, a capital inside one is scored only if no camel case would write it (_CAMEL_NEVER: what Mac Roman's
#: 'é ü ä å' read as, '#MŸnchen', '#MontrŽal'), since a caption of hashtags may hold all the evidence there is.
_CAMEL_NEVER = "ŽŸŠŒ"
_HASHTAG = re.compile(f"#\\w*[{_CAPITAL}]\\w*")  # only those holding such a capital are rewritten
_CAMEL_CASE = str.maketrans({c: c.lower() for c in _CAPITAL if c not in _CAMEL_NEVER})
#: The weight of a byte a reading has no character for, and the score cp1252's reading needs for Mac Roman: at
#: least _MAC_EVIDENCE, and _MAC_MARGIN times Mac Roman's own.
_UNDEFINED_WEIGHT, _MAC_EVIDENCE, _MAC_MARGIN = 2, 3, 3


def _legacy_encoding(chunks) -> str:
    """cp1252 or Mac Roman for a file that is not UTF-8. Each reads the other's accented letters, quotes and
    dashes as implausible text (_implausible): 'café', 'don’t', 'São' saved on a Mac read 'cafŽ', 'donÕt', 'S‹o'
    as cp1252; saved on Windows, 'São' and 'café' read 'S„o' and 'cafÈ' as Mac Roman. Both readings of the
    file's first chunks holding such bytes (_SAMPLE_CHUNKS) are scored, and Mac Roman is chosen only with a
    clear margin (_MAC_EVIDENCE, _MAC_MARGIN): cp1252 is by far the more common, and a wrong Mac Roman garbles
    every accented letter. A tie, or a few bytes that read plausibly both ways (a lone 'é'), stays cp1252."""
    sample = list(islice((chunk for chunk in chunks if not chunk.isascii()), _SAMPLE_CHUNKS))
    score = {encoding: sum(_implausible(chunk.decode(encoding, errors="replace"), encoding) for chunk in sample)
             for encoding in LEGACY_ENCODINGS}
    mac_roman = score["cp1252"] >= _MAC_EVIDENCE and score["cp1252"] >= _MAC_MARGIN * score["mac_roman"]
    return "mac_roman" if mac_roman else "cp1252"


def _implausible(text: str, encoding: str) -> int:
    """How implausible `text`, read as `encoding`, is: bytes it has no character for (_UNDEFINED_WEIGHT each), and
    for each of _IMPLAUSIBLE's patterns (a capital after a letter or alone, a sign beside letters) its weight per
    match. In the cp1252 reading, a capital in a hashtag counts only if camel case never writes it (_HASHTAG):
    a wrong cp1252 is what a false count would choose. The Mac Roman reading counts every one."""
    if encoding == "cp1252":
        text = _HASHTAG.sub(lambda tag: tag.group().translate(_CAMEL_CASE), text)
    return (_UNDEFINED_WEIGHT * text.count("\ufffd")
            + sum(weight * len(pattern.findall(text)) for pattern, weight in _IMPLAUSIBLE[encoding]))


#: A character a UTF-8 decoder made of several bytes: anything but ASCII and the bytes it could not decode
#: (which the 'surrogateescape' error handler turns into U+DC80..U+DCFF).
_DECODED_MULTIBYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _holds_utf8(chunks) -> bool:
    """Whether the bytes hold one valid multi-byte UTF-8 sequence (cp1252 text seldom spells one by chance)."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    return any(_DECODED_MULTIBYTE.search(decoder.decode(chunk)) for chunk in chunks)


def _chunks(path: Path, size: int = 1 << 20):
    with Path(path).open("rb") as handle:
        while chunk := handle.read(size):
            yield chunk


#: Encodings by the names a user knows them by (Python's "utf-8-sig" is UTF-8 with a BOM).
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
                  "cp1252": "Windows-1252", "mac_roman": "Mac Roman"}


def decode_error(path: Path, encoding: str) -> ExportFormatError:
    """The error for a file that does not decode as `encoding`: the line (a spreadsheet's row, unless a cell
    above it holds a line break) and what is wrong in plain words, with the byte's position for whoever looks
    at the file in a hex viewer. A UTF-8 file is by far the usual case: a spreadsheet saved it in another
    encoding, or pasted such a character in."""
    raw = Path(path).read_bytes()  # only when reading has failed: the file is read once more, whole
    bom = 3 if encoding == "utf-8-sig" and raw.startswith(b"\xef\xbb\xbf") else 0  # counted, unlike utf-8-sig
    try:
        raw[bom:].decode("utf-8" if bom else encoding)
        start = len(raw)
    except UnicodeDecodeError as exc:
        start = bom + exc.start
        if bom + exc.end == len(raw) and exc.reason in ("unexpected end of data", "truncated data"):
            # the file's last character lacks its last bytes: a download that stopped, not another encoding
            text = raw[bom:start].decode("utf-8" if bom else encoding, errors="replace")
            return cut_off(path, _line_breaks_outside_quotes(text) + 1, Message("imports.reading.cut_off_in_character"))
    line = raw[:start].decode(encoding, errors="replace").count("\n") + 1
    name = ENCODING_NAMES.get(encoding, encoding)
    problem = (Message("imports.reading.decode_utf8", line=str(line), byte=str(start)) if name == "UTF-8"
               else Message("imports.reading.decode_other", line=str(line), byte=str(start), encoding=name))
    return ExportFormatError(path, problem, hint=Message("imports.reading.save_utf8_hint"))


@dataclass
class TextTable:
    """A delimited file read as text: original header names, a frame of strings, where rows start."""

    path: Path
    header: list[str]  # names as written in the file (may repeat)
    frame: pd.DataFrame  # columns named by position-unique keys (see `keys`), cells are str
    keys: list[str]  # unique column keys, parallel to `header` ("Views", "Views#2")
    first_data_row: int  # spreadsheet row number of the first data row (header row + 1)
    encoding: str  # "xlsx" for a sheet of a workbook
    delimiter: str  # "" for a sheet of a workbook
    row_numbers: pd.Series | None = None  # set when rows are not consecutive (a sheet with blank rows)
    # cells present in each row shorter than the header, by frame index (blank lines left out)
    short_rows: pd.Series | None = None
    unwrapped: bool = False  # lines a spreadsheet had saved as one quoted cell were read back (read_delimited)
    blank_rows_skipped: int = 0  # rows with no cell filled that reading left out already (read_sheet)

    @cached_property
    def decimal_mark(self) -> str | None:
        """The decimal mark the file tells, for numbers whose own column does not (values.to_number). A
        ','-separated file has '.': a decimal comma cannot be written there unquoted, and platforms write '.'
        (YouTube's '6.105' watch hours, trailing zeros dropped, are 6.105). A ';'-separated file has ',', as
        spreadsheets in decimal-comma languages (Indonesian, most of Europe) save CSV. Both are what the
        separator implies (values.SeparatorMark): a column that reads either way only with the other
        convention ('211,326' quoted in a ','-separated file) is decided as a tab-separated file's columns are.
        A sheet of a workbook has '.', as Python writes its number cells here. Any other file (tab-separated)
        tells nothing by its form: a cell of any column that only one mark reads ('6.35', '0,5') decides
        (values.file_decimal); else None."""
        if self.delimiter == "":
            return "."
        if self.delimiter in (",", ";"):
            return SeparatorMark({",": ".", ";": ","}[self.delimiter], self.frame, self.delimiter)
        return file_decimal(self.frame)

    def source_rows(self) -> pd.Series:
        """Row number of each data row as a spreadsheet shows it (header = row 1 when it is first)."""
        if self.row_numbers is not None:
            return self.row_numbers
        return pd.Series(range(self.first_data_row, self.first_data_row + len(self.frame)),
                         index=self.frame.index, dtype="Int64")

    def blank_rows(self) -> pd.Series:
        """True for each row with no value in any cell: a blank line, a line of separators alone (',,,,', as a
        spreadsheet's re-save adds) or of spaces, or of missing-value marks alone (values.MISSING_WORDS, which
        values.is_blank reads as no value: X's tweet activity writes '-' in the promoted columns of a row
        otherwise blank). Such a row holds no post and says nothing. read_delimited keeps these rows, so that
        the rows after them keep their numbers; the importers leave them out (base.begin_report). Rows are
        narrowed column by column: in a large export, most rows are told filled by their first cell."""
        blank = np.ones(len(self.frame), dtype=bool)
        for key in self.keys:
            at = np.flatnonzero(blank)
            if not len(at):
                break
            cells = self.frame[key].to_numpy(dtype=object)[at]
            blank[at] = np.fromiter((not isinstance(v, str) or v.strip().casefold() in MISSING_WORDS for v in cells),
                                    dtype=bool, count=len(at))
        return pd.Series(blank, index=self.frame.index)

    def without_rows(self, left_out: pd.Series) -> "TextTable":
        """The table without the rows where `left_out` is True, the others keeping their row numbers."""
        keep = ~left_out.to_numpy(dtype=bool)
        short = self.short_rows
        if short is not None:
            short = short[short.index.isin(self.frame.index[keep])]
        return replace(self, frame=self.frame[keep], row_numbers=self.source_rows()[keep],
                       short_rows=short if short is not None and len(short) else None)

    def resave_notes(self) -> list[Message]:
        """A note that the file was read back from a spreadsheet's re-save with each line in one cell: its
        figures are the export's, but the file is not as downloaded, so whoever reads it knows why."""
        return [Message("imports.reading.unwrapped", delimiter=quoted(self.delimiter))] if self.unwrapped else []

    def short_row_notes(self, *, short_rows_expected: bool = False, own_file: bool = False) -> list[Message]:
        """Warnings about rows with fewer cells than the header, whose missing cells are read as blank.

        A short row inside a file is what a damaged file leaves; its missing cells become not reported (NA),
        so the user is told which rows and what to do. (A short last row with no line break after it is a
        download cut off, which read_delimited refuses.) An export family whose files have short rows of their
        own (Business Suite leaves out trailing cells of some posts) passes `short_rows_expected`: nothing
        tells its short rows from damaged ones, so none is warned about. Blank lines are no short rows
        (importers count them). `own_file`: a file of the user's own tool (mapped_csv), which may leave out a
        row's empty cells at its end, is not said to be an export to download again.
        """
        short = self.short_rows
        if short_rows_expected or short is None or short.empty:
            return []
        rows = self.source_rows()[short.index]
        shown = [Message("imports.reading.short_row", row=str(int(row)), cells=str(int(cells)))
                 for row, cells in zip(rows.head(5), short.head(5))]
        more = len(short) - len(shown)
        if own_file:
            key = "imports.reading.short_rows_own_more" if more else "imports.reading.short_rows_own"
        else:
            key = "imports.reading.short_rows_more" if more else "imports.reading.short_rows"
        return [Message(key, count=len(short), columns=str(named_width(self.header)), rows=shown, more=more)]


DELIMITERS = (",", ";", "\t")


def sniff_delimiter(line: str) -> str:
    """The delimiter of one line: whichever of `,` `;` tab occurs most outside quotes (`,` if none)."""
    return _delimiter_in(line) or ","


def _delimiter_in(line: str) -> str | None:
    """The delimiter occurring most often in `line` outside quotes, or None when the line has none."""
    counts = dict.fromkeys(DELIMITERS, 0)
    in_quotes = False
    for ch in line:
        if ch == '"':
            in_quotes = not in_quotes
        elif not in_quotes and ch in counts:
            counts[ch] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] else None


#: The first bytes of a zip file, which an xlsx workbook is, whatever its name ends in.
WORKBOOK_MAGIC = b"PK\x03\x04"


#: The part every xlsx workbook (an Office Open XML zip) holds, and a zip archive of other files does not.
WORKBOOK_PART = "[Content_Types].xml"
#: The first bytes of an OLE2 compound file, which an Excel 97-2003 workbook (.xls) is; so are Word's and
#: PowerPoint's files of those years (.doc, .ppt) and an xlsx saved with a password.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The part of Excel's binary workbook (.xlsb), an Office Open XML zip openpyxl does not read, in place of
#: xl/workbook.xml.
XLSB_PART = "xl/workbook.bin"
#: The type an OpenDocument spreadsheet (.ods, LibreOffice's own format) writes in its `mimetype` part; a
#: template's (.ots) adds "-template".
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: The part of a Numbers document (a zip as well).
NUMBERS_PART = "Index/Document.iwa"
#: How many of an archive's files a message names.
ARCHIVE_FILES_SHOWN = 5
#: The most a part of an xlsx workbook (a sheet's XML, its shared texts) may unpack to before it is read: the
#: largest exports unpack to a few tens of MB, and openpyxl holds some parts whole in memory. A part over
#: PART_RATIO_FLOOR that unpacks to more than PART_RATIO_LIMIT times its packed size is refused too: exports
#: pack 5 to 30 times, a file made to fill the memory (a 4 MB file unpacking to 4 GB) a thousand times.
PART_SIZE_LIMIT = 500 * 2**20
PART_RATIO_FLOOR = 50 * 2**20
PART_RATIO_LIMIT = 200


def is_workbook(path: Path) -> bool:
    """True for an xlsx workbook (a zip file), whatever its name ends in (an xlsx saved as `.csv` too); False
    for a zip archive of other files (archive_files), which reading as text then refuses with its contents."""
    with Path(path).open("rb") as handle:
        return handle.read(4) == WORKBOOK_MAGIC and archive_files(path) is None


def archive_files(path: Path) -> list[str] | None:
    """The files (not folders) a zip archive holds, when it is an archive and not an xlsx workbook: YouTube
    Studio, Meta and X download their exports zipped. None for anything else; for a zip too damaged to list,
    read as a workbook so that its error says it is damaged; and for a file that cannot be opened, whose read
    then names the file and why (FileUnreadable)."""
    try:
        with Path(path).open("rb") as handle:
            if handle.read(4) != WORKBOOK_MAGIC:
                return None
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        return None
    if WORKBOOK_PART in names and XLSB_PART not in names:  # an .xlsb is no workbook openpyxl reads
        return None
    # folders, and what a Mac adds to a zip it makes (__MACOSX/, ._name, .DS_Store), are no files of the download
    return [n for n in names if not n.endswith("/") and not n.startswith("__MACOSX/")
            and not PurePosixPath(n).name.startswith(SKIPPED_NAME_PREFIXES)]


def archive_error(path: Path, files: list[str]) -> ExportFormatError:
    """The error for a zip archive given as an export: what it holds (its first files) and to extract it. The
    workbook does not read inside archives: a file is named by its path in every message and note, and the
    files of one download (YouTube's Table data and Chart data) are told apart by their names beside each
    other, which an extracted folder keeps. A spreadsheet saved as a zip in a format not read here (a Numbers
    document, an .ods, an .xlsb) is named as what it is, with how to save it in one that is (spreadsheet_error):
    unzipped, it holds no CSV."""
    if (spreadsheet := spreadsheet_error(path)) is not None:
        return spreadsheet
    shown = [PurePosixPath(name).name for name in files[:ARCHIVE_FILES_SHOWN]]
    listed = ", ".join(shown) + (" …" if len(files) > ARCHIVE_FILES_SHOWN else "")
    return ExportFormatError(path, Message("imports.reading.zip_archive", count=len(files), files=listed or "—"),
                             hint=Message("imports.reading.zip_archive_hint"))


def spreadsheet_format(path: Path) -> str | None:
    """The format of a spreadsheet saved in one the workbook does not read, told by the file's content
    whatever its name: 'xls' (an OLE2 compound file, OLE2_MAGIC, unless its name makes it a Word or PowerPoint
    document), 'encrypted' (one named .xlsx or .xlsm: saved with a password, or an .xls renamed), 'xlsb' (a zip holding XLSB_PART), 'ods' (a zip whose mimetype
    is ODS_MIMETYPE) or 'numbers' (a zip holding NUMBERS_PART); None for any other file, and for one that
    cannot be opened, whose read then says why."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(len(OLE2_MAGIC))
        if head == OLE2_MAGIC:  # an .xlsx saved with a password is one: encrypted, or an .xls renamed
            suffix = Path(path).suffix.lower()
            return None if suffix in DOCUMENT_SUFFIXES else "encrypted" if suffix in (".xlsx", ".xlsm") else "xls"
        if head[:4] != WORKBOOK_MAGIC:
            return None
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as part:
                    mimetype = part.read(len(ODS_MIMETYPE) + 16)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, RuntimeError, NotImplementedError):
        return None  # RuntimeError, NotImplementedError: an encrypted part, or one packed in a way zipfile lacks
    if XLSB_PART in names:
        return "xlsb"
    if "mimetype" in names and mimetype.strip().startswith(ODS_MIMETYPE):
        return "ods"
    return "numbers" if NUMBERS_PART in names else None


def spreadsheet_error(path: Path) -> ExportFormatError | None:
    """The error for a spreadsheet saved in a format the workbook does not read (spreadsheet_format): what it
    is, and to save it as .xlsx or CSV from a spreadsheet program (a Numbers document: to export its CSV from
    Numbers). None for any other file. The workbook adds no reader for them: the program that opens one saves
    it as .xlsx in a few clicks."""
    kind = spreadsheet_format(path)
    if kind is None:
        return None
    if kind == "numbers":  # unzipped, it holds no CSV: Numbers exports one
        return ExportFormatError(path, Message("imports.reading.numbers_document"),
                                 hint=Message("imports.reading.numbers_document_hint"))
    if kind == "encrypted":  # Excel encrypts the whole workbook: nothing of it can be read without the password
        return ExportFormatError(path, Message("imports.reading.encrypted_workbook"),
                                 hint=Message("imports.reading.encrypted_workbook_hint"))
    return ExportFormatError(path, Message("imports.reading.other_spreadsheet",
                                           format=Message(f"imports.reading.spreadsheet_format.{kind}")),
                             hint=Message("imports.reading.other_spreadsheet_hint"))


#: The formats a spreadsheet's name gives, of those the workbook does not read (paths.SPREADSHEET_SUFFIXES; a
#: Numbers document is always a zip, told by its content).
NAMED_FORMATS = {".xls": "xls", ".xlsb": "xlsb", ".ods": "ods"}


def named_spreadsheet_error(path: Path) -> ExportFormatError | None:
    """The error for a file named as a spreadsheet of a format not read here (NAMED_FORMATS) whose content is
    text in which no export is found: some tools save a web page or a text table under an .xls name for Excel
    to open, and a spreadsheet program opens it and saves it as .xlsx or CSV as it does a real one. None for any
    other name. A text file of that name holding an export is read as the export (detect_family)."""
    kind = NAMED_FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        return None
    return ExportFormatError(path, Message("imports.reading.other_spreadsheet_named",
                                           format=Message(f"imports.reading.spreadsheet_format.{kind}")),
                             hint=Message("imports.reading.other_spreadsheet_hint"))


def document_error(path: Path) -> ExportFormatError | None:
    """What a document of a type no platform exports in is (a PDF, a Word or PowerPoint file, a picture: see
    paths.DOCUMENT_SUFFIXES), and to download the export instead; None for any other file. Told by its name
    alone: the file is not opened."""
    kind = DOCUMENT_SUFFIXES.get(Path(path).suffix.lower())
    return ExportFormatError(path, Message(f"imports.reading.document.{kind}")) if kind else None


def text_encoding(path: Path, head: bytes) -> str:
    """The encoding of a text export as its first bytes `head` tell it (detect_encoding); an error for empty,
    spreadsheet or binary files. Only the first bytes are read: reading the whole file (read_head,
    read_delimited) settles what they leave open, so a large export is decoded once, not once more for this."""
    if not head.strip(b"\xef\xbb\xbf\xff\xfe\x00 \r\n\t"):
        raise ExportFormatError(path, Message("imports.reading.empty"),
                                expected=Message("imports.reading.empty_expected"),
                                hint=Message("imports.reading.empty_hint"))
    if head[:len(OLE2_MAGIC)] == OLE2_MAGIC and (spreadsheet := spreadsheet_error(path)) is not None:
        raise spreadsheet  # an .xls, under any name: not binary data of no known kind
    if head[:4] == WORKBOOK_MAGIC and (files := archive_files(path)) is not None:
        raise archive_error(path, files)
    if head[:4] == WORKBOOK_MAGIC:
        raise ExportFormatError(path, Message("imports.reading.spreadsheet"),
                                hint=Message("imports.reading.spreadsheet_hint"))
    encoding = detect_encoding(head)
    if not encoding.startswith("utf-16") and b"\x00" in head[:4096]:
        text = head[:head.index(b"\x00")]
        # a header of delimited names and a row, then binary: a damaged or unfinished file, not a picture
        if text.count(b"\n") >= 2 and any(mark in text.split(b"\n", 1)[0] for mark in (b",", b";", b"\t")):
            row = text.count(b"\n") + 1
            raise ExportFormatError(path, Message("imports.reading.binary_after_text"), row=row,
                                    expected=Message("imports.reading.binary_expected"),
                                    hint=Message("imports.reading.binary_after_text_hint"))
        raise ExportFormatError(path, Message("imports.reading.binary"),
                                expected=Message("imports.reading.binary_expected"),
                                hint=Message("imports.reading.binary_hint"))
    return encoding


def read_text(path: Path) -> tuple[str, str]:
    """The whole file as text and the encoding it was read with. Raises for empty or binary files."""
    path = Path(path)
    if not path.exists():
        raise ExportFormatError(path, Message("imports.reading.missing"), hint=Message("imports.reading.missing_hint"))
    raw = path.read_bytes()
    encoding = text_encoding(path, raw)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise decode_error(path, encoding) from None
    return text.lstrip("\ufeff"), encoding


def read_delimited(path: Path, *, skip_lines: int = 0, header_line_hint: str | None = None) -> TextTable:
    """Read a delimited export into text cells, columns matched later by name.

    Handles a first `sep=X` line (Excel's hint), any delimiter among `,`, `;` and tab, quoted multi-line
    cells, rows shorter than the header's named columns (named_width; missing cells are blank; `short_rows`
    names them, for the warning of TextTable.short_row_notes), lines a spreadsheet saved in one cell each
    (read back; one that is no row of the header's, few_cells, is an error), and repeated header names, which are kept apart as "Name",
    "Name#2", ... in `keys`. `skip_lines` drops leading lines before the header. A row with more cells
    than the header, or a quoted cell the file ends inside, is an error naming its row; so is a last row
    short of cells with no line break after it, a download that stopped mid-row (cut_off): its last cell
    may be cut short (6600 read as 66) and the rows after it are missing, so no figure of the file holds.
    Only the first megabyte is decoded here (to find the header); pandas reads the file itself, so a
    large export is never held as one Python string (4 bytes a character once it holds an emoji).
    """
    path = Path(path)
    text, encoding = read_head(path)
    mixed = _mixed_line_ends(text)
    if mixed is not None:
        raise ExportFormatError(path, Message("imports.reading.mixed_line_ends"), row=mixed,
                                expected=Message("imports.reading.line_ends_expected"),
                                hint=Message("imports.reading.mixed_line_ends_hint"))
    lines_before = 0
    if text[:4].lower() == "sep=":
        line_end = _offset_after_records(text, 1, ",")
        delimiter = text[4:line_end].strip("\r\n\"") or ","
        text = text[line_end:]
        lines_before += 1
    else:
        delimiter = None
    for _ in range(skip_lines):
        text = text[_offset_after_records(text, 1, ","):]
        lines_before += 1
    if delimiter is None:
        delimiter = sniff_delimiter(_LINE_END.split(text, 1)[0])
    header_end = _offset_after_records(text, 1, delimiter)
    try:
        header = next(csv.reader(io.StringIO(text[:header_end], newline=""), delimiter=delimiter))
    except StopIteration:
        raise ExportFormatError(path, Message("imports.reading.no_header")) from None
    except csv.Error as exc:
        raise ExportFormatError(path, Message("imports.reading.header_unreadable", error=str(exc)),
                                expected=Message("imports.reading.csv_expected")) from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    source = path
    wrapped_header = len(header) == 1 and _delimiter_in(header[0])
    if wrapped_header:
        delimiter = sniff_delimiter(header[0])
        header = [h.strip().lstrip("\ufeff") for h in next(csv.reader([header[0]], delimiter=delimiter))]
    if wrapped_header or _holds_wrapped_rows(text[header_end:], delimiter, len(header)):
        # a spreadsheet that opened the file with each line in one cell saved the lines it had to quote (all
        # when the header was one of them) as one quoted cell: put each back as it was, then read as usual
        source = _unwrapped(path, lines_before, delimiter)
    keys = unique_keys(header)

    def read(encoding: str) -> pd.DataFrame:
        return pd.read_csv(
            source, encoding="utf-8" if encoding == "utf-8-sig" else encoding, sep=delimiter, header=None,
            names=keys, skiprows=lines_before + 1 if source is path else 1, dtype=str, keep_default_na=False,
            na_filter=False, skip_blank_lines=False, engine="c", quotechar='"', doublequote=True,
            index_col=False,
        )

    try:
        try:
            frame = read(encoding)
        except UnicodeDecodeError:
            # the first megabyte was ASCII: the whole file tells whether a later byte is cp1252 or a stray one
            settled = detect_encoding(b"", path) if encoding == "utf-8" else encoding
            if settled == encoding:
                raise decode_error(path, encoding) from None
            encoding = settled
            frame = read(encoding)
    except UnicodeDecodeError:
        raise decode_error(path, encoding) from None
    except pd.errors.ParserError as exc:
        raise _parser_error(path, exc, header, delimiter, 0 if source is path else lines_before, encoding) from None
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame({k: pd.Series(dtype=str) for k in keys})
    # pandas pads a row short of cells with blank ones, so such a row looks like one whose last cells are
    # blank: only counting each record's cells tells them apart. A short row's last cell is blank, so a file
    # with no blank cell in its last column (most exports) is not counted again; any other is, once.
    last = frame[keys[-1]]
    maybe_short = (last.isna() | last.eq("")).to_numpy(dtype=bool) if len(frame) else np.zeros(0, dtype=bool)
    short_rows = None
    if maybe_short.any():
        cells = _cells_per_record(source, encoding, delimiter, lines_before + 1 if source is path else 1)
        if len(cells) == len(frame):  # else the two parsers disagree on where records end: nothing is said
            width = named_width(header)  # unnamed columns after the last named one ('a,b,,,') need no cell
            short = (cells > 0) & (cells < width) & maybe_short  # no cells: a blank line
            if short.any():
                present = frame[short].apply(lambda column: column.fillna("").str.strip().ne("")).any(axis=1)
                short_rows = pd.Series(cells[short], index=frame.index[short])[present.to_numpy()]
                short_rows = short_rows if len(short_rows) else None
            # a last row short of cells in a file without a final line break: a download cut off mid-row
            # (exports end their files with a line break, or, as TikTok's, with a whole last row)
            if (source is path and short_rows is not None and frame.index[-1] in short_rows.index
                    and not _ends_with_line_break(path, encoding)):
                present = int(short_rows[frame.index[-1]])
                raise cut_off(path, lines_before + 1 + len(frame),
                              Message("imports.reading.cut_off_cells", cells=str(present), count=str(width)),
                              column=header[present - 1])
            # a row saved in one cell that holds the separator: a whole line in column A (_holds_wrapped_rows
            # un-wraps a file whose such rows split into the header; this one does not, or lies past the
            # first megabyte). A row merely short of cells is read, with short_row_notes' warning.
            first = next((int(i) for i in np.flatnonzero(cells == 1) if width > 1
                          and delimiter in str(frame.iat[int(i), 0])), None)
            if first is not None:
                raise few_cells(path, lines_before + 2 + first, 1, width, delimiter)
        frame = frame.fillna("")
    table = _refuse_repeated_header(TextTable(path=path, header=header, frame=frame, keys=keys,
                                              first_data_row=lines_before + 2, encoding=encoding,
                                              delimiter=delimiter, short_rows=short_rows,
                                              unwrapped=source is not path))
    if short_rows is not None and (read := _TABLES_READ.get()) is not None:
        read.append(table)  # for short_rows_explained
    return table


#: The tables with short rows that read_delimited gave while short_rows_explained runs (None outside it).
_TABLES_READ: ContextVar[list[TextTable] | None] = ContextVar("tables_read", default=None)


@contextmanager
def short_rows_explained(*, own_file: bool = False):
    """Run a family's reader so that an error naming a row that read_delimited found short of cells says so
    (short_row_error): a blank or unreadable cell there comes from the row itself, split in two by a line break
    inside a cell written without quotes, or cut short, not from the platform or a spreadsheet's rewriting, and
    the advice for those would mislead. Every family's reader runs inside it (base.Family.read_file);
    `own_file` as for TextTable.short_row_notes."""
    tables: list[TextTable] = []
    token = _TABLES_READ.set(tables)
    try:
        yield
    except ExportFormatError as error:
        explained = short_row_error(error, tables, own_file=own_file)
        if explained is None:
            raise
        raise explained from None
    finally:
        _TABLES_READ.reset(token)


def short_row_error(error: ExportFormatError, tables: list[TextTable], *,
                    own_file: bool = False) -> ExportFormatError | None:
    """`error` told anew when the row it names is one of `tables`' short rows of its file and its shortness
    explains the error (_shortness_explains): its problem, then how many of the header's cells that row holds
    and why it lacks cells (_split_problem), with what to do about it in place of the error's own hint (which
    blames a cell, as a date a spreadsheet rewrote). None for any other error, and for one told so already.
    File, row, column and what was expected stay as they were."""
    if error.row is None or getattr(error.problem, "key", None) in SPLIT_PROBLEMS:
        return None
    for table in tables:
        if table.path != error.path or table.short_rows is None:
            continue
        short = dict(zip(map(int, table.source_rows()[table.short_rows.index]), map(int, table.short_rows)))
        if error.row in short and _shortness_explains(table, short, error.row, error.column,
                                                      own_file=own_file):
            problem = _split_problem(error.problem, error.row, short[error.row], named_width(table.header),
                                     _completing_rows(table, short, error.row))
            hint = Message("imports.reading.short_row_split_own_hint" if own_file
                           else "imports.reading.short_row_split_hint")
            return type(error)(error.path, problem, row=error.row, column=error.column, expected=error.expected,
                               hint=hint)
    return None


#: short_row_error's problems: the rest of the row above, continued on the row below, either, or neither known.
SPLIT_PROBLEMS = ("imports.reading.short_row_split", "imports.reading.short_row_split_rest",
                  "imports.reading.short_row_split_continued", "imports.reading.short_row_split_either")


def _split_problem(problem: Message | str, row: int, cells: int, count: int, completing: list[int]) -> Message:
    """short_row_error's problem for `row`, holding `cells` of the header's `count`: the rest of the row
    above it, split in two by a line break, or the first part of one continued on the row below, where that
    neighbour completes it (`completing`: _completing_rows); either, where both do (a row of one cell beside
    whole rows); else a split row or one cut short, without naming the other part."""
    above = next((beside for beside in completing if beside < row), None)
    below = next((beside for beside in completing if beside > row), None)
    common = {"problem": problem, "row": str(row), "cells": str(cells), "count": str(count)}
    if above is not None and below is not None:
        return Message("imports.reading.short_row_split_either", above=str(above), below=str(below), **common)
    if above is not None:
        return Message("imports.reading.short_row_split_rest", above=str(above), **common)
    if below is not None:
        return Message("imports.reading.short_row_split_continued", below=str(below), **common)
    return Message("imports.reading.short_row_split", **common)


def _shortness_explains(table: TextTable, short: dict[int, int], row: int, column: str | None, *,
                        own_file: bool = False) -> bool:
    """Whether `row`, short of cells (`short`: cells by row), is what an error on its `column` comes from: the
    column is one of the cells the row lacks, or the row is a part of one split by a line break, which a
    filled row beside it completes (_completing_rows). A row Business Suite wrote without its last cells does
    neither: its error (an id in scientific notation) is the cell's own. In a file of the user's own tool
    (`own_file`), which may leave out the empty cells at the end of a row, a lacking cell tells nothing: only a
    row beside it that completes it does."""
    if not own_file:
        wanted = normalise_name(column) if column is not None else None
        position = next((i for i, name in enumerate(table.header) if normalise_name(name) == wanted), None)
        if position is not None and position >= short[row]:
            return True
    return bool(_completing_rows(table, short, row))


def _completing_rows(table: TextTable, short: dict[int, int], row: int) -> list[int]:
    """The filled rows beside `row` (_filled_rows_beside) that could be the other part of a row a line break
    split with it: the two hold no more cells than the header and the one cell the break cut in two (a row
    that is not short counts as whole). Of two, a short row that makes exactly the header's cells with it is
    likelier than one that does not; of two such, one that no other row beside it could complete must be
    this row's other part (rows of 5, 14, 5 and 14 cells of 18 are two rows split in two, not one).
    Both only where neither is likelier."""
    width = named_width(table.header)

    def fits(one: int, other: int) -> bool:
        return short[one] + short.get(other, width) - 1 <= width

    found = [beside for beside in _filled_rows_beside(table, row) if fits(row, beside)]
    if len(found) == 2:
        exact = [b for b in found if b in short and short[row] + short[b] - 1 == width]
        found = exact or found
    if len(found) == 2 and all(b in short for b in found):
        bound = [b for b in found if not any(fits(b, other) for other in _filled_rows_beside(table, b)
                                             if other != row)]
        found = bound if len(bound) == 1 else found
    return found


def _filled_rows_beside(table: TextTable, row: int) -> list[int]:
    """The file's rows nearest above and below `row` that hold a cell, blank rows between left out: a blank
    line inside a cell written without quotes (a caption's paragraph break) splits its row with a blank row
    between the two parts."""
    rows = table.source_rows()[~table.blank_rows().to_numpy(dtype=bool)].astype(int).tolist()
    before, after = bisect_left(rows, row), bisect_right(rows, row)
    return rows[max(before - 1, 0):before] + rows[after:after + 1]


def named_width(header: list[str]) -> int:
    """How many cells a whole row holds: the header's cells up to its last named one. A file whose header
    ends in separators ('Views,Likes,,,', as a spreadsheet's re-save or a tool adds) names no column after
    them, so a row that stops after the last named column misses nothing."""
    named = [i for i, name in enumerate(header) if str(name).strip()]
    return named[-1] + 1 if named else len(header)


def few_cells(path: Path, row: int, cells: int, count: int, delimiter: str) -> ExportFormatError:
    """The refusal of a file with a row saved in one cell that holds the file's separator: a whole line in
    column A, as a spreadsheet that opened the file with each line in one cell saves it, whose cells would
    otherwise be read as blank (a video with no publish time, a post with no figures). Its cells cannot be
    matched to the columns; the file as it was before the spreadsheet saved it can."""
    return ExportFormatError(path, Message("imports.reading.few_cells", cells=str(cells), count=str(count)),
                             row=row, expected=Message("imports.reading.cells_per_row", count=count,
                                                       delimiter=quoted(delimiter)),
                             hint=Message("imports.reading.few_cells_hint", delimiter=quoted(delimiter)))


def _cells_per_record(source, encoding: str, delimiter: str, skip: int) -> np.ndarray:
    """How many cells each record after the first `skip` holds (a blank line: 0), counted by the csv module,
    which, unlike pandas, does not pad a short row. Read as a stream: a large file is never one string."""
    if isinstance(source, io.StringIO):
        handle = io.StringIO(source.getvalue())
    else:
        handle = open(source, encoding=encoding, newline="")
    with handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            for _ in range(skip):
                next(reader, None)
            return np.fromiter(map(len, reader), dtype=np.int64)
        except csv.Error:  # a cell longer than the csv module's limit: the rows are not counted
            return np.zeros(0, dtype=np.int64)


def _ends_with_line_break(path: Path, encoding: str) -> bool:
    """Whether the file's last character ends a line (an empty file counts as ended). A UTF-16 file (Excel's
    "Unicode text") writes each character in two bytes, its line break as 0A 00 (00 0A big-endian): its last
    byte alone tells nothing."""
    width = 2 if encoding.startswith("utf-16") else 1
    with Path(path).open("rb") as handle:
        first = handle.read(2)
        handle.seek(0, 2)
        if handle.tell() < width:
            return True
        handle.seek(-width, 2)
        last = handle.read(width)
    if width == 2:
        last = last.decode("utf-16-be" if first == b"\xfe\xff" else "utf-16-le", errors="replace").encode()
    return last in (b"\n", b"\r")


_EOF_IN_QUOTES = re.compile(r"EOF inside string starting at row (\d+)")
_TOO_MANY = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def _parser_error(path: Path, exc: Exception, header: list[str], delimiter: str, offset: int,
                  encoding: str) -> ExportFormatError:
    """pandas' tokenizing error as the user's problem, in the catalogue's words and with the row as the
    workbook numbers it (header = row 1, or the row under a `sep=` line). pandas counts records from the
    first it read, from 0 in "EOF inside string starting at row N" and from 1 in "Expected K fields in line
    N"; `offset` adds the lines before the text pandas was given (a file unwrapped before reading).
    A file that ends inside a quoted cell with no line break after it is a download cut off (cut_off); one
    whose line break is there may hold a quote never closed. A row with too many cells that repeats the
    header is two exports joined (`cat` of two files, the first without a final line break, as TikTok
    writes them): header_repeated says so."""
    text = str(exc)
    columns = len(header)
    eof = _EOF_IN_QUOTES.search(text)
    if eof:
        row = int(eof.group(1)) + 1 + offset
        if not _ends_with_line_break(path, encoding):
            return cut_off(path, row, Message("imports.reading.cut_off_in_quotes"))
        return ExportFormatError(path, Message("imports.reading.eof_in_quotes"), row=row,
                                 expected=Message("imports.reading.quotes_expected"),
                                 hint=Message("imports.reading.eof_in_quotes_hint"))
    extra = _TOO_MANY.search(text)
    if extra:
        row = int(extra.group(2)) + offset
        if not offset and repeats_header(_record(path, encoding, delimiter, row), header,
                                            family_names(header)):
            return header_repeated(path, row, header)
        return ExportFormatError(path, Message("imports.reading.too_many_cells", cells=extra.group(3),
                                               count=extra.group(1)), row=row,
                                 expected=Message("imports.reading.cells_per_row", count=columns,
                                                  delimiter=quoted(delimiter)),
                                 hint=Message("imports.reading.too_many_cells_hint"))
    return ExportFormatError(path, Message("imports.reading.file_unreadable", error=" ".join(text.split())),
                             expected=Message("imports.reading.cells_per_row", count=columns,
                                              delimiter=quoted(delimiter)),
                             hint=Message("imports.reading.export_again_hint"))


def _record(path: Path, encoding: str, delimiter: str, row: int) -> list[str]:
    """The cells of the file's record `row` (1 for its first line; a quoted cell may span lines), or [] when
    the file cannot be read that far. For an error message only: the file is read from its start."""
    try:
        with open(path, encoding=encoding, newline="") as handle:
            for number, record in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
                if number == row:
                    return record
    except (OSError, UnicodeDecodeError, csv.Error):
        pass
    return []


def cut_off(path: Path, row: int, detail: Message, *, column: str | None = None) -> ExportFormatError:
    """The refusal of a file whose download stopped in the middle of its last row, `row`: `detail` says how the
    row is incomplete (cells missing, a quoted cell or a character left open), `column` names the last cell
    present when it is known. Such a file is never read: its last cell may be cut short and the rows after it
    are missing, so that the user downloads it again rather than reading false figures or looking for a bad
    value, a stray quote or another encoding."""
    return ExportFormatError(path, Message("imports.reading.cut_off", detail=detail), row=row, column=column,
                             expected=Message("imports.reading.cut_off_expected"),
                             hint=Message("imports.reading.cut_off_hint"))


def _bare_name(cell) -> str:
    """A cell compared with header names: a byte-order mark and quotes that a second file's first line
    brings along (`\ufeff"Post ID"`, read unquoted) are left out, then normalise_name."""
    return normalise_name(str(cell).strip().lstrip("\ufeff").strip().strip('"'))


def repeats_header(cells, header: list[str], also: frozenset[str] = frozenset()) -> bool:
    """Whether a row holds the header's names again, in any order and spelling (normalise_name): at least half
    of the header's names, or names in at least half of its non-blank cells; two names at least either way (a
    one-column file: its one name), so that a caption equal to one column name stays data. `also` adds the
    names of the file's family (family_names) that another version of its export may head a column with. A
    data row never does; the header line of a second export pasted below the first does, whichever version of
    the export it comes from (columns renamed, added or in another order)."""
    own = {normalise_name(name) for name in header if str(name).strip()}
    known = own | also
    bare = [name for name in map(_bare_name, cells) if name]
    found = {name for name in bare if name in known}
    if not own or len(found) < min(2, len(own)):
        return False
    return (len(found & own) >= (len(own) + 1) // 2
            or 2 * sum(name in known for name in bare) >= len(bare))


def family_names(header: list[str]) -> frozenset[str]:
    """The header names (normalised) of the export families this header belongs to: those with at least half of
    their signature in it, posts and daily tables alike. A second export of another version of the family
    may head its columns with them, in place of this file's own names."""
    from . import FAMILIES  # the registry imports this module
    from ..daily import DAILY_FAMILIES

    own = {normalise_name(name) for name in header if str(name).strip()}
    return frozenset(name for family in (*FAMILIES, *DAILY_FAMILIES)
                     if 2 * len(own.intersection(family.signature)) >= len(family.signature)
                     for name in family.signature)


def repeated_header_row(frame: pd.DataFrame, header: list[str], keys: list[str],
                        also: frozenset[str] = frozenset()):
    """The index of the first row of `frame` that repeats the header (repeats_header), or None. Only rows whose
    first named column holds one of the names, of this file or of `also` (any of them: the columns may come in
    another order), are looked at: one case-folded pass and a hash lookup, in slices, so that a million-row
    file neither waits nor holds a second copy of the column."""
    named = [key for name, key in zip(header, keys) if name.strip()]
    if not named or not len(frame):
        return None
    names = {normalise_name(name) for name in header if str(name).strip()} | also
    written = {form for name in names for form in (name, f'"{name}"', f"\ufeff{name}", f'\ufeff"{name}"')}
    column = frame[named[0]]
    step = 200_000
    for start in range(0, len(column), step):
        part = column.iloc[start:start + step]
        for index in part.index[part.str.casefold().isin(written).to_numpy()]:
            if repeats_header(frame.loc[index].tolist(), header, also):
                return index
    return None


def header_repeated(path: Path, row: int, header: list[str]) -> ExportFormatError:
    """The refusal of a file with the header line again at `row`: two exports joined into one file (pasted
    below each other in a spreadsheet, or joined with `cat`). Read as data, the line would be refused for a
    bad value in some column; the exports are to be given as the separate files they were, which the workbook
    merges itself (one row per post, from the most recent export)."""
    shown = [quoted(name) for name in header if name.strip()][:3]
    return ExportFormatError(path, Message("imports.reading.header_repeated", names=", ".join(shown)), row=row,
                             expected=Message("imports.reading.header_repeated_expected"),
                             hint=Message("imports.reading.header_repeated_hint"))


def _refuse_repeated_header(table: TextTable) -> TextTable:
    """`table`, or the refusal of a file that repeats its header further down (header_repeated)."""
    index = repeated_header_row(table.frame, table.header, table.keys, family_names(table.header))
    if index is not None:
        raise header_repeated(table.path, int(table.source_rows()[index]), table.header)
    return table


def _holds_wrapped_rows(text: str, delimiter: str, columns: int) -> bool:
    """Whether `text` (the first rows below the header) holds a wrapped row: one cell that holds the file's
    `delimiter` and splits at it into the header's `columns` cells. A spreadsheet that opened the file with
    each line in one cell (column A: one set to a language whose list separator differs, as Indonesian and
    most European ones use ';') saves every line holding a quote (a YouTube date, an X post's text) as one
    quoted cell, and the others (the header, a Total row) as they were."""
    if columns < 2 or delimiter not in text:
        return False
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            if (len(record) == 1 and delimiter in record[0]
                    and len(next(csv.reader([record[0]], delimiter=delimiter))) == columns):
                return True
    except csv.Error:  # the text is cut at the end of the file's first bytes: what was read tells
        pass
    return False


def _wrapping_delimiter(lines: list[str], delimiter: str) -> str:
    """The separator a spreadsheet saved a wrapped file with: where a line held it, the spreadsheet split the
    line there into cells of their own, so it stands outside quotes between them. Only lines holding a quote
    tell (the spreadsheet quoted those); the file's own `delimiter` is not it. None found: no line was split,
    and a separator that occurs nowhere ('\x1f') reads each line as its one cell."""
    counts = {d: 0 for d in DELIMITERS if d != delimiter}
    for line in lines:
        if '"' in line:
            for outside in line.split('"')[::2]:
                for d in counts:
                    counts[d] += outside.count(d)
    best = max(counts, key=counts.get)
    return best if counts[best] else "\x1f"


def _unwrapped(path: Path, lines_before: int, delimiter: str) -> io.StringIO:
    """The text of a file whose lines a spreadsheet saved as quoted cells (_holds_wrapped_rows), from its header
    line on, each line as it was before: the cells a line was saved as, quotes removed, joined again by the
    separator it was split at (_wrapping_delimiter). A line saved as it was reads back unchanged."""
    text, _ = read_text(path)
    lines = text.splitlines()
    separator = _wrapping_delimiter(lines, delimiter)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))[lines_before:]
    return io.StringIO("\n".join(separator.join(record) for record in records))


def read_head(path: Path, n_bytes: int = 1 << 20) -> tuple[str, str]:
    """The first `n_bytes` of a file as text and its encoding, with read_text's checks (empty, xlsx).

    The encoding is final unless the first bytes are ASCII (or the file no longer than them): whether the
    rest is UTF-8 or not then shows when it is read, and read_delimited reads it again if not."""
    path = Path(path)
    if not path.exists():
        raise ExportFormatError(path, Message("imports.reading.missing"), hint=Message("imports.reading.missing_hint"))
    with path.open("rb") as handle:
        raw = handle.read(n_bytes)
        complete = not handle.read(1)
    encoding = text_encoding(path, raw)
    if not complete and encoding in LEGACY_ENCODINGS:  # a UTF-8 character further on makes it UTF-8 after all
        encoding = detect_encoding(raw, path)
    try:
        text = raw.decode(encoding) if complete else raw.decode(encoding, errors="ignore")
    except UnicodeDecodeError:
        raise decode_error(path, encoding) from None
    return text.lstrip("\ufeff"), encoding


def _line_breaks_outside_quotes(text: str) -> int:
    """How many records `text` ends (line breaks outside quoted cells): the row a cut-off last record is on is
    one more, counted as a spreadsheet shows rows (a `sep=` line and blank lines are rows too)."""
    return sum(outside.count("\n") for outside in text.split('"')[::2])  # every other part is inside quotes


#: A line end: CR LF (Windows), LF (Unix) or CR alone (classic Mac).
_LINE_END = re.compile(r"\r\n|\r|\n")


def _mixed_line_ends(text: str) -> int | None:
    """The row of the first line feed alone (LF) outside quoted cells in `text` whose rows end with a carriage
    return alone (CR, as classic Mac programs save: its header line ends so), counted as a spreadsheet shows
    rows; None where there is none. Such a file holds a cell's line break as LF; written without quotes around
    that cell, nothing tells it from the end of a row, and read as one it cuts rows apart (a caption's second
    line read as the next post's id). A quoted cell's line breaks, of any kind, are no line ends; and a stray
    CR in a file whose rows end with LF or CR LF tells nothing ambiguous: the parsers end a row there."""
    outside = "\x00".join(text.split('"')[::2]).removesuffix("\r")  # a CR the first bytes end on may be a CR LF
    row = 1
    for end in _LINE_END.finditer(outside):
        if end.group() == "\n" and row > 1:
            return row
        if row == 1 and end.group() != "\r":
            return None
        row += 1
    return None


def _offset_after_records(text: str, n_records: int, delimiter: str) -> int:
    """Character offset just after the first `n_records` CSV records (quoted line breaks respected; a record
    ends with CR LF, LF or CR alone)."""
    in_quotes = False
    done = 0
    for i, ch in enumerate(text):
        if ch == '"':
            in_quotes = not in_quotes
        elif (ch == "\n" or ch == "\r" and text[i + 1:i + 2] != "\n") and not in_quotes:
            done += 1
            if done == n_records:
                return i + 1
    return len(text)


def unique_keys(header: list[str]) -> list[str]:
    """Position-unique names for a header with repeats: the second 'Views' becomes 'Views#2'."""
    seen: dict[str, int] = {}
    keys = []
    for name in header:
        seen[name] = seen.get(name, 0) + 1
        keys.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return keys


def normalise_name(name: str) -> str:
    """A header name for matching: case-folded, whitespace collapsed."""
    return " ".join(str(name).split()).casefold()


def read_delimited_head(path: Path, n_rows: int = 6, n_bytes: int = 65536) -> list[list[str]]:
    """The first rows of a delimited file as cells, reading only its first bytes (for detection).

    The delimiter is that of the first line holding one: a lone title line above the header (a Meta
    page-level daily file re-saved tab-separated starts with "Views") does not decide it.
    """
    path = Path(path)
    with path.open("rb") as handle:
        raw = handle.read(n_bytes)
    encoding = text_encoding(path, raw)  # the header's encoding is all detection needs
    text = raw.decode(encoding, errors="ignore").lstrip("\ufeff")
    if text[:4].lower() == "sep=":
        text = text[text.find("\n") + 1:]
    lines = text.splitlines()[:max(n_rows, 10)]
    delimiter = next(filter(None, map(_delimiter_in, lines)), ",")
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(row) == 1 and _delimiter_in(row[0]):  # a line wrapped in one quoted field by a spreadsheet
                row = next(csv.reader(io.StringIO(row[0]), delimiter=sniff_delimiter(row[0])), row)
            rows.append([cell.strip().lstrip("\ufeff") for cell in row])
            if len(rows) >= n_rows:
                break
    except csv.Error as exc:
        raise ExportFormatError(path, Message("imports.reading.file_unreadable", error=str(exc)),
                                expected=Message("imports.reading.csv_expected"),
                                hint=Message("imports.reading.export_again_hint")) from None
    return rows


def read_workbook_head(path: Path, n_rows: int = 4) -> list[list[str]]:
    """The first rows of every sheet of an xlsx workbook as text cells (for detection)."""
    book = open_workbook(path)
    rows = []
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows(max_row=n_rows, values_only=True):
                rows.append(["" if v is None else str(v) for v in row])
    finally:
        book.close()
    return rows


def workbook_source(path: Path):
    """What to give openpyxl for an xlsx file: its path, or its bytes when the name does not end in an
    Excel suffix (an xlsx saved or renamed as `.csv`), which openpyxl refuses by name alone."""
    if Path(path).suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xltm"):
        return path
    return io.BytesIO(Path(path).read_bytes())


def refuse_inflating_parts(path: Path) -> None:
    """An ExportFormatError when a part of the xlsx workbook `path` unpacks to more than PART_SIZE_LIMIT, or to
    more than PART_RATIO_LIMIT times its packed size above PART_RATIO_FLOOR: read, it would take all the memory
    (a bare MemoryError naming no file) or hours. Told from the zip's own listing, before anything is unpacked
    (zipfile never gives more than the size listed). A file that is no zip is left to openpyxl's error."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        return
    for part in parts:
        if part.file_size > PART_SIZE_LIMIT or (part.file_size > PART_RATIO_FLOOR and
                                                part.file_size > PART_RATIO_LIMIT * max(part.compress_size, 1)):
            raise ExportFormatError(path, Message("imports.reading.workbook_inflates", part=part.filename,
                                                  size=round(part.file_size / 2**20),
                                                  packed=_megabytes(part.compress_size)),
                                    hint=Message("imports.reading.workbook_inflates_hint"))


def _megabytes(size: int) -> str:
    """A size in whole MB, or in whole KB under 1 MB (at least 1 KB): '4 MB', '3 KB'."""
    return f"{round(size / 2**20)} MB" if size >= 2**20 else f"{max(1, round(size / 2**10))} KB"


def load_read_only(path: Path):
    """An xlsx workbook as openpyxl opens it read-only with cell values (not formulas), each sheet read to its
    last row and column whatever its <dimension> says: read-only openpyxl stops at the size a sheet declares,
    which some tools write wrong (a sheet declared A1:T50 holding 100 rows lost its last 50 without a word).
    openpyxl's "Workbook contains no default style" warning (exports written by tools other than Excel) says
    nothing about the data and is silenced. A part too large to read is refused first (refuse_inflating_parts);
    openpyxl's own errors pass through. The caller closes the book."""
    from openpyxl import load_workbook

    refuse_inflating_parts(path)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Workbook contains no default style", category=UserWarning)
        book = load_workbook(workbook_source(path), read_only=True, data_only=True)
    for sheet in book.worksheets:
        sheet.reset_dimensions()
    return book


def open_workbook(path: Path):
    """An xlsx workbook opened read-only (load_read_only); an ExportFormatError if damaged. The caller closes
    the workbook."""
    try:
        return load_read_only(path)
    except ExportFormatError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        if (files := archive_files(path)) is not None:  # a zip of other files, read as a workbook by family=
            raise archive_error(path, files) from None
        raise ExportFormatError(path, Message("imports.reading.workbook_unreadable", error=str(exc)),
                                hint=Message("imports.reading.workbook_hint")) from None


def read_sheet(path: Path, sheet: str | None, header_has: str, *, date_format: str = "%Y-%m-%d",
               hint: str | None = None) -> TextTable:
    """One sheet of an xlsx workbook as text cells, like `read_delimited` reads a CSV file.

    `sheet` is the sheet's name (case and spacing ignored); None takes the first sheet that has the header.
    The header is the first row, among the first 10, with a cell named `header_has`: exports put a
    sentence above it (LinkedIn: row 1 a sentence, row 2 the header). Blank rows are skipped (those between
    filled rows counted in `blank_rows_skipped`);
    `source_rows()` gives the row numbers the spreadsheet shows. Cells become text: None is blank, a
    whole float loses its '.0', a date cell (in a re-saved file) is written in `date_format`, the
    export's own date text; a column mixing date cells with such text is refused (mixed_date_cells).
    `hint` is what an error about a missing sheet tells the user to do (a Message; by default: use the
    export as downloaded, without renaming sheets).
    """
    path = Path(path)
    book = open_workbook(path)
    try:
        if sheet:
            by_name = {normalise_name(ws.title): ws for ws in book.worksheets}
            if normalise_name(sheet) not in by_name:
                raise ExportFormatError(path, Message("imports.reading.no_sheet", sheet=sheet,
                                                      sheets=list(book.sheetnames)),
                                        expected=Message("imports.reading.sheet_expected", sheet=sheet),
                                        hint=hint or Message("imports.reading.sheet_hint"))
            candidates = [by_name[normalise_name(sheet)]]
        else:
            candidates = book.worksheets
        found, title = None, None
        for ws in candidates:
            found, title = _sheet_rows(ws, header_has, date_format), ws.title
            if found:
                break
        where = (Message("imports.reading.in_sheet", sheet=candidates[0].title) if sheet
                 else Message("imports.reading.in_any_sheet", sheets=list(book.sheetnames)))
    finally:
        book.close()
    if not found:
        raise ExportFormatError(path, Message("imports.reading.no_header_column", column=header_has, where=where),
                                column=header_has, expected=Message("imports.reading.header_expected"),
                                hint=Message("imports.reading.as_downloaded_hint"))
    header, header_row, body, dated, skipped = found
    while header and not header[-1]:
        header.pop()
    keys = unique_keys(header)
    frame = pd.DataFrame([(cells + [""] * len(keys))[:len(keys)] for _, cells in body], columns=keys, dtype=str)
    mixed_date_cells(path, title, header, frame, [n for n, _ in body], dated, date_format)
    return _refuse_repeated_header(TextTable(
        path=path, header=header, frame=frame, keys=keys, first_data_row=header_row + 1, encoding="xlsx",
        delimiter="", row_numbers=pd.Series([n for n, _ in body], index=frame.index, dtype="Int64"),
        blank_rows_skipped=skipped))


def _sheet_rows(ws, header_has: str, date_format: str):
    """(header, its row number, [(row number, cells)] of the non-blank rows below it, {column position:
    [(row number, value)] of its date cells}, how many blank rows lie between those rows), or None without a
    header. Blank rows after the last filled one are no rows of the sheet (a workbook may list formatted empty
    rows to its end) and are not counted."""
    wanted = normalise_name(header_has)
    header, header_row, body, dated = None, 0, [], {}
    for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
        cells = [cell_text(v, date_format) for v in row]
        if header is None:
            if any(normalise_name(c) == wanted for c in cells):
                header, header_row = [c.strip() for c in cells], number
            elif number >= 10:
                return None
            continue
        if any(c.strip() for c in cells):
            body.append((number, cells))
            for position, value in enumerate(row):
                if isinstance(value, (datetime, date)):
                    dated.setdefault(position, []).append((number, value))
    if header is None:
        return None
    skipped = body[-1][0] - header_row - len(body) if body else 0
    return header, header_row, body, dated, skipped


def order_ambiguous(date_format: str) -> bool:
    """Whether dates written in `date_format` read as other dates with day and month swapped: both written as
    numbers, the year not first ('%m/%d/%Y', '%d.%m.%Y'; not ISO '%Y-%m-%d', which every spreadsheet reads
    the same way)."""
    return "%m" in date_format and "%d" in date_format and not date_format.startswith("%Y")


def mixed_date_cells(path: Path, sheet: str, header: list[str], frame: pd.DataFrame, numbers: list[int],
                     dated: dict[int, list[tuple[int, object]]], date_format: str) -> None:
    """Refuse a column that holds date cells beside text dates written in `date_format` (an export's own text,
    day and month both numbers). A spreadsheet set to the other order of day and month turns only the text
    dates it can read in its own order (both numbers 12 or less) into date cells, with day and month swapped
    ('01/02/2025', 2 January, becomes 1 February), and leaves the others as text; written back in
    `date_format`, those cells would read as other days without a word. `numbers` are the frame's sheet rows,
    `dated` the date cells by column position (_sheet_rows)."""
    if not order_ambiguous(date_format):
        return
    for position, cells in dated.items():
        if position >= len(header):
            continue
        text = frame[frame.columns[position]]
        date_rows = {number for number, _ in cells}
        is_text = pd.Series([n not in date_rows for n in numbers], index=frame.index) & text.str.strip().ne("")
        as_text = is_text & pd.to_datetime(text.where(is_text).str.strip(), format=date_format,
                                           errors="coerce").notna()
        if not as_text.any():
            continue
        first_text = as_text.idxmax()
        example = pd.Timestamp("2025-03-18").strftime(date_format)
        raise ExportFormatError(
            path, Message("imports.reading.date_cells_mixed", sheet=sheet, dates=len(cells),
                          date_row=str(cells[0][0]), date=pd.Timestamp(cells[0][1]).date(),
                          texts=int(as_text.sum()), text_row=str(numbers[frame.index.get_loc(first_text)]),
                          text=quoted(text[first_text].strip()), example=example),
            row=cells[0][0], column=header[position],
            expected=Message("imports.reading.date_cells_mixed_expected", example=example),
            hint=Message("imports.reading.date_cells_mixed_hint"))


def cell_text(value, date_format: str = "%Y-%m-%d") -> str:
    """A spreadsheet cell as text: None is blank, whole floats lose '.0', dates are written in `date_format`."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return value.strftime(date_format)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
