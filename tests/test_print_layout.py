"""The printed report: pages filled where they can be, long tables broken with their header repeated, short
tables, figures and headings kept with what belongs to them; tables and figures readable on A4.

The layout checks print small pages laid out as the exporter lays out a notebook (each output a
.jp-OutputArea-child, which its CSS keeps whole in print) and are skipped where Chromium or pdftotext is
not installed."""
import dataclasses
import datetime as dt
import html as html_module
import io
import re
import shutil
import subprocess

import pandas as pd
import pytest

from helpers import display
from helpers.clients import Client
from helpers.drawing import DPI
from helpers.paths import DEMO_DIR
from helpers.pdf import find_chromium, print_pdf
from helpers.report_page import PAGE_CSS, SHORT_TABLE_ROWS, finish_page

from conftest import page_elements

#: What the notebook exporter's own CSS does to outputs in print and on a narrow screen (nbconvert's lab template).
EXPORTER_CSS = """
.jp-OutputArea-child { display: table; table-layout: fixed; width: 100%; overflow: hidden; }
.jp-OutputArea-output { display: table-cell; width: 100%; height: auto; overflow: auto; }
@media print { .jp-OutputArea-child { break-inside: avoid-page; } }
@media only screen and (max-width: 760px) {
  .jp-OutputArea-child .jp-OutputArea-output { display: table-row; margin-left: 10px; } }
"""

#: The exporter's font for outputs (its theme's --jp-content-font-family).
EXPORTER_FONT = (".jp-RenderedHTMLCommon { font-family: system-ui, -apple-system, blinkmacsystemfont, 'Segoe UI',"
                 " helvetica, arial, sans-serif; }")


def client() -> Client:
    return Client(id="acme", name="Acme Coffee", exports=(f"{DEMO_DIR}/kopi-senja/*.csv",), timezone="UTC",
                  period_start=dt.date(2026, 9, 1), period_end=dt.date(2026, 10, 31),
                  comparison_start=dt.date(2026, 7, 1), comparison_end=dt.date(2026, 8, 31))


def cell(*outputs: str) -> str:
    """A notebook cell as the exporter writes it, one output area child per output."""
    children = "".join(f'<div class="jp-OutputArea-child"><div class="jp-RenderedHTMLCommon jp-RenderedHTML'
                       f' jp-OutputArea-output">{output}</div></div>' for output in outputs)
    return (f'<div class="jp-Cell jp-CodeCell jp-Notebook-cell jp-mod-noInput"><div class="jp-Cell-outputWrapper">'
            f'<div class="jp-OutputArea jp-Cell-outputArea">{children}</div></div></div>')


def page(*cells: str) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><style>{EXPORTER_CSS}</style>'
            f'</head><body class="jp-Notebook"><main>{"".join(cells)}</main></body></html>')


def block(text: str, height_mm: int) -> str:
    return f'<div style="height:{height_mm}mm">{text}</div>'


def rows_table(rows: int) -> str:
    frame = pd.DataFrame({"metric": [f"row{i} name" for i in range(rows)], "value": list(range(rows))})
    return display.table(frame, index=False, caption="TableCaption").data


needs_printing = pytest.mark.skipif(find_chromium() is None or shutil.which("pdftotext") is None,
                                    reason="Chromium or pdftotext (poppler-utils) is not installed")


def printed_pages(tmp_path, exported: str, for_client: Client | None = None) -> list[str]:
    """The text of each printed page of the finished page (of `for_client`, by default client())."""
    html = tmp_path / "report.html"
    html.write_text(finish_page(exported, for_client or client()), encoding="utf-8")
    print_pdf(html, tmp_path / "report.pdf", find_chromium(), tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def page_of(pages: list[str], word: str) -> list[int]:
    return [number for number, text in enumerate(pages, 1) if re.search(rf"\b{word}\b", text)]


def print_rules() -> str:
    return PAGE_CSS[PAGE_CSS.index("@media print"):]


def test_the_print_css_lets_outputs_break_and_keeps_what_belongs_together():
    rules = print_rules()
    # the exporter's 'keep every output whole' is undone: a long table or list may start where there is room
    assert re.search(r"\.jp-OutputArea-child[^{]*\{[^}]*break-inside: auto !important", rules)
    assert re.search(r"thead \{ display: table-header-group; \}", rules)
    assert re.search(r"tr \{ break-inside: avoid;", rules)
    # no header row alone at a page's foot (the first two rows go with it), no last row alone at the top
    assert re.search(r"tbody > tr:nth-child\(-n\+2\), \.jp-RenderedHTMLCommon tbody > tr:last-child \{\s*"
                     r"break-before: avoid;", rules)
    assert f"table:not(:has(> tbody > tr:nth-child({SHORT_TABLE_ROWS + 1})))" in rules
    assert re.search(r"figure, \.jp-RenderedHTMLCommon img \{ break-inside: avoid;", rules)
    assert re.search(r"h1, h2, h3, h4, caption, \.section-intro \{ break-after: avoid;", rules)
    assert re.search(r"\.jp-OutputArea-child:has\(h1, h2, h3, h4\) \{ break-inside: avoid !important;", rules)


@needs_printing
def test_a_long_table_starts_where_there_is_room_and_repeats_its_header_a_short_one_stays_whole(tmp_path):
    """Half a page of text, then a 30-row table: the exporter's CSS moved the whole table to the next page and
    left half of this one empty. A short table that does not fit still moves, caption and all."""
    pages = printed_pages(tmp_path, page(cell(block("Opening", 150)), cell(rows_table(30))))
    assert page_of(pages, "Opening") == [1]
    assert 1 in page_of(pages, "row0")  # the table begins on the first page
    last = page_of(pages, "row29")[0]
    assert last > 1 and last in page_of(pages, "metric")  # the header row again above the rest
    pages = printed_pages(tmp_path, page(cell(block("Opening", 230)), cell(rows_table(SHORT_TABLE_ROWS))))
    assert page_of(pages, "row0") == page_of(pages, f"row{SHORT_TABLE_ROWS - 1}") == [2]
    assert page_of(pages, "TableCaption") == [2]


@needs_printing
def test_a_breaking_table_never_leaves_its_header_or_its_last_row_alone(tmp_path):
    """Tables of twelve rows (long enough to break) below openings of growing height, each on a page of its
    own: wherever the page ends, the caption and header row have the first two rows below them, and the last
    row has the one before it. Before, a header row could sit alone at the foot of a page, its rows on the
    next (the openings of 227 to 233 mm did so)."""
    rows = SHORT_TABLE_ROWS + 4
    cells = []
    for case, height in enumerate(range(200, 262, 3)):
        frame = pd.DataFrame({"metric": [f"c{case}r{i}" for i in range(rows)], "value": list(range(rows))})
        cells += [f'<div style="break-before: page">{cell(block(f"Opening{case}", height))}</div>',
                  cell(display.table(frame, index=False, caption=f"Caption{case}").data)]
    pages = printed_pages(tmp_path, page(*cells))
    broken = 0
    for case in range(len(range(200, 262, 3))):
        first, second, last = (page_of(pages, f"c{case}r{i}") for i in (0, 1, rows - 1))
        assert page_of(pages, f"Caption{case}") == first == second, case
        assert last == page_of(pages, f"c{case}r{rows - 2}"), case
        broken += first != last
    assert broken  # some tables did break across pages: the rules keep rows together, not whole tables


@needs_printing
def test_a_heading_and_its_opening_sentence_go_with_what_follows(tmp_path):
    heading = display.section("ClosingHeading", "An opening sentence long enough to run over two lines of the"
                              " printed page, as a section's opening sentence often does in the report, so that"
                              " the lines could be split.").data
    figure = '<figure class="report-figure">' + block("FigureBody", 80) + "</figure>"
    # the heading and its two lines fit below the opening block; the figure does not
    pages = printed_pages(tmp_path, page(cell(block("Opening", 205)), cell(heading, figure)))
    assert page_of(pages, "ClosingHeading") == page_of(pages, "FigureBody") == [2]


def test_text_columns_are_marked_to_align_left_and_numbers_are_not():
    frame = pd.DataFrame({"metric": ["posts", "reach <b>", "rate"], "this period": ["58", "not reported", "1.2%"],
                          "count": [1, 2, 3]})
    html = display.table(frame, index=False).data
    assert '<th scope="col" class="text">metric</th>' in html and '<td class="text">reach &lt;b&gt;</td>' in html
    assert '<th scope="col">this period</th>' in html and "<td>not reported</td>" in html and "<td>3</td>" in html
    indexed = display.table(frame.set_index("metric")).data
    assert '<th scope="row" class="text">posts</th>' in indexed and "<td>58</td>" in indexed
    assert ".report-table .text { text-align: left; }" in PAGE_CSS


def test_a_column_is_text_by_whether_its_cells_read_as_values_not_by_their_first_character():
    """Posts beginning with an emoji, a hashtag, a handle or a number are text (an X report's posts on top
    under one lens only were right-aligned and squeezed); values as either language writes them are not:
    money with its currency's letters, a month, an interval, "pp", "8 of 10 (...), p < 0.001", a mark; and a
    column of "t/a" (Indonesian for n/a) is no more text than one of "n/a"."""
    posts = ["🔥 New drop today, come by the shop", "#tbt to our first shop", "@partner thanks for the help",
             "10 tips for better photos"]
    values = {"spend": ["Rp 1.234.568", "IDR 1,234", "US$12.50", "£3.40"],
              "published": ["Aug 2014", "3 Okt 2026", "28 Oct 2026", "1 Sept 2020"],
              "rate": ["0,62 (0,48 hingga 0,73)", "3,5%", "1.234", "-0.32 pp (95% CI -1.36 to 0.77)"],
              "overlap": ["8 of 10 (about 2.7 by chance), p < 0.001", "5 dari 10 (sekitar 1,9 secara kebetulan)",
                          "0.0% (0.0% to 0.0%): 40 of 47 posts drew no interactions", "+0,99 poin persentase"],
              "Facebook": ["✓", "✓ (reposts)", "37 / 37", "26–27"],
              "you": ["t/a", "n/a", "t/a", "not reported"]}
    frame = pd.DataFrame({"text": posts, **values})
    html = display.table(frame, index=False).data
    assert html.count('<td class="text">') == len(posts) and '<th scope="col" class="text">text</th>' in html
    assert html.count('class="text') == len(posts) + 1  # no other column's cells
    assert all(not display._is_text(pd.Series([post])) for post in ("2025", "Rp 500"))
    assert display._is_text(pd.Series(["median 5.07%", "not compared (see Data coverage)", "Jan"]))
    # posts without text said so, "(no text)", are set aside as "n/a" is: the one post with a text is words
    assert display._is_text(pd.Series(["(no text)", "(tanpa teks)", "Latte art, step by step."]))
    assert not display._is_text(pd.Series(["(no text)", "n/a"]))


def test_a_mark_is_read_as_its_word_and_a_note_after_it_is_kept():
    """display.table's `spoken`: "✓ (reposts)" shows as it did and is read "carried (reposts)"; a mark inside a
    text ("a ✓ b"), a header and a cell of another mark are left as they are."""
    frame = pd.DataFrame({"X": ["✓ (reposts)", "a ✓ b", "✓✓", "—"]}, index=["shares", "a", "b", "saves"])
    html = display.table(frame, spoken={"✓": "carried", "—": "not carried"}).data
    hidden = f'<span style="{display.SCREEN_READER_ONLY}">'
    assert (f'<td><span aria-hidden="true">✓</span>{hidden}carried</span> (reposts)</td>' in html
            and f'<td><span aria-hidden="true">—</span>{hidden}not carried</span></td>' in html)
    assert "<td>a ✓ b</td>" in html and "<td>✓✓</td>" in html and html.count("aria-hidden") == 2
    assert display.table(frame).data.count("<span") == 0  # nothing to say: as before


def test_a_figure_is_shown_at_the_size_it_was_drawn():
    """A CSS inch is 96 pixels: a 4.6-inch figure drawn at DPI is shown 4.6 inches wide (then its points are
    points on paper), never wider than the page."""
    import matplotlib

    matplotlib.use("Agg")
    from helpers import plots

    fig, _ = plots.new_figure(figsize=(4.6, 3))
    html = display.figure(fig, "alt").data
    pixels = round(4.6 * DPI)
    assert f'width="{round(pixels * 96 / DPI)}"' in html and "max-width:100%" in html
    assert display.png_width(b"not a png") is None


@needs_printing
def test_a_sentence_introducing_a_table_never_ends_a_page_alone(tmp_path):
    """A one-line sentence, then a twelve-row table (long enough to break), below openings of growing height,
    each on a page of its own: wherever the page ends, the sentence is on the page of the table's caption.
    Before, the report's "The posts on top under one lens only, with their text, ..." could end a page alone,
    its table on the next (some of these openings did so)."""
    rows = SHORT_TABLE_ROWS + 4
    heights = range(230, 262, 3)
    cells = []
    for case, height in enumerate(heights):
        frame = pd.DataFrame({"metric": [f"i{case}r{i}" for i in range(rows)], "value": list(range(rows))})
        cells += [f'<div style="break-before: page">{cell(block(f"Opening{case}", height))}</div>',
                  cell(display.finding(f"Intro{case} introduces the table below it.").data,
                       display.table(frame, index=False, caption=f"Caption{case}").data)]
    pages = printed_pages(tmp_path, page(*cells))
    moved = 0
    for case in range(len(heights)):
        assert page_of(pages, f"Intro{case}") == page_of(pages, f"Caption{case}") == page_of(pages, f"i{case}r0"), case
        moved += page_of(pages, f"Intro{case}") != page_of(pages, f"Opening{case}")
    assert moved  # some sentences did go to the next page with their table


@needs_printing
def test_a_section_with_only_its_opening_sentence_does_not_follow_the_next_section_to_a_new_page(tmp_path):
    """A section that has nothing to show but its opening sentence ("No export reports watch time"), then a
    section whose heading stays with its short table, which does not fit below: the first stays on its page
    (4 mm of heading and sentence fit in the 50 mm left), and only the second moves. Before, the second
    pulled the first along and left the page nearly empty."""
    quiet = display.section("QuietSection", "Nothing to show here.").data
    busy = display.section("BusySection", "A table follows.").data
    pages = printed_pages(tmp_path, page(cell(block("Opening", 200)), cell(quiet),
                                         cell(busy, rows_table(SHORT_TABLE_ROWS))))
    assert page_of(pages, "Opening") == page_of(pages, "QuietSection") == [1]
    assert page_of(pages, "BusySection") == page_of(pages, "row0") == [2]


def test_header_cells_have_a_scope_and_a_row_label_is_its_rows_header():
    """A screen reader names a cell's column and row from the header cells' scope: the header row's cells head
    columns, the index's cells head rows, and so does the cell of a column `row_labels` names (the metric of a
    lens table, the text of a post: -1, the last column), still looking like the cells beside it."""
    frame = pd.DataFrame({"metric": ["posts", "reach <b>"], "this period": [58, 1200], "text": ["a", "b"]})
    elements = page_elements(display.table(frame, index=False, row_labels=(0, -1)).data)
    rows = [[(e["tag"], e["attrs"].get("scope"), e["text"]) for e in elements
             if e["tag"] in ("th", "td") and any(outer is row for outer in e["inside"])]
            for row in [e for e in elements if e["tag"] == "tr"]]
    assert rows == [[("th", "col", "metric"), ("th", "col", "this period"), ("th", "col", "text")],
                    [("th", "row", "posts"), ("td", None, "58"), ("th", "row", "a")],
                    [("th", "row", "reach <b>"), ("td", None, "1,200"), ("th", "row", "b")]]
    labels = [e["attrs"]["class"].split() for e in elements if e["attrs"].get("scope") == "row"]
    assert all(display.ROW_LABEL in classes and display.TEXT_CELL in classes for classes in labels)
    assert f".report-table th.{display.ROW_LABEL} {{ font-weight: normal; }}" in PAGE_CSS  # not bold as a header
    plain = page_elements(display.table(frame, index=False).data)
    assert [e["attrs"].get("scope") for e in plain if e["tag"] == "th"] == ["col"] * 3  # no row label unless asked
    assert [e["tag"] for e in plain if e["text"] == "posts"] == ["td"]
    indexed = page_elements(display.table(frame.set_index("metric")).data)
    assert [(e["attrs"].get("scope"), e["text"]) for e in indexed if e["tag"] == "th" and e["text"] in
            ("posts", "reach <b>")] == [("row", "posts"), ("row", "reach <b>")]  # the index heads its rows


@needs_printing
def test_a_post_text_among_many_columns_keeps_room_for_a_few_words_a_line(tmp_path):
    """A top-posts table of nine columns on A4: its text column was left the width of its longest word (about
    60 px: "Ten books" a line, each post on 4 to 7 lines). A column of sentences keeps at least 14em."""
    text = "Ten books under ten pounds, signed copies just in: first come first served this week at the shop"
    frame = pd.DataFrame({"on top by": ["reach only", "interactions only"], "published": ["28 Oct 2026"] * 2,
                          "format": ["reel", "photo"], "reach": [8543, 946], "interactions": [58, 95],
                          "rank by reach": ["2", "19"], "rank by interactions": ["7–9", "2–3"],
                          "engagement rate by reach": ["0.68%", "10.04%"], "text": [text, "Short post"]})
    html = display.table(frame, index=False, row_labels=(-1,), caption="TopPosts").data
    assert html.count(f'class="{display.TEXT_CELL} {display.PROSE_CELL}') == 3  # the column: its header, 2 posts
    # the exporter's font for outputs (system-ui), whose metrics left the text column its narrowest
    exported = page(cell(html)).replace("</head>", f"<style>{EXPORTER_FONT}</style></head>")
    pages = printed_pages(tmp_path, exported)
    lines = [line for line in pages[0].splitlines() if re.search(r"\b(Ten|pounds|signed|first|served|shop)\b", line)]
    assert any("Ten books under ten" in line for line in lines), lines
    assert len(lines) <= 4, lines


def word_heights(tmp_path, exported: str, word: str) -> list[float]:
    """The printed height (pdftotext -bbox, in points) of each occurrence of `word` in the finished page."""
    html = tmp_path / "sized.html"
    html.write_text(finish_page(exported, client()), encoding="utf-8")
    print_pdf(html, tmp_path / "sized.pdf", find_chromium(), tmp_path)
    boxes = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "sized.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout
    return [float(bottom) - float(top) for top, bottom, text in
            re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', boxes) if text == word]


def printed_scale(tmp_path, *outputs: str) -> float:
    """How large the body text prints beside `outputs`, against a page of that text alone: 1.0 at full size.
    Chromium prints the whole document smaller when anything in it is wider than the page."""
    sentence = display.finding("Bodyword sets the size of the report's text.").data
    font = f"<style>{EXPORTER_FONT}</style></head>"  # the exporter's font for outputs, as in a rendered report
    alone = word_heights(tmp_path, page(cell(sentence)).replace("</head>", font), "Bodyword")
    beside = word_heights(tmp_path, page(cell(sentence, *outputs)).replace("</head>", font), "Bodyword")
    return beside[0] / alone[0]


@needs_printing
def test_a_long_file_name_does_not_shrink_the_printed_report(tmp_path):
    """The files table of an X export: file names without a space (tweet_activity_metrics_rOpenSci_…) made the
    table wider than A4, and Chromium printed the whole report at 80% to fit it. The name now breaks at its
    underscores (display.breakable), and the text prints at full size."""
    name = "tweet_activity_metrics_rOpenSci_20161201_20170101_en.csv"
    frame = pd.DataFrame({"file": [name, name.replace("2016", "2017")], "platform": ["X", "X"],
                          "content": ["posts", "posts"], "rows in file": [37, 20], "imported": [37, 20],
                          "rows dropped": [0, 0], "replaced by a newer export": [0, 0],
                          "first date imported": ["1 Dec 2016", "1 May 2017"],
                          "last date imported": ["23 Dec 2016", "31 May 2017"]})
    table = display.table(frame, index=False, caption="Export files read").data
    assert printed_scale(tmp_path, table) > 0.99


@needs_printing
def test_several_columns_of_sentences_do_not_shrink_the_printed_report(tmp_path):
    """The benchmarks table: four of its eight columns are sentences, and each kept 14em in print, wider than A4
    together (the demo's Harbour Books printed at 90%). In print they ask for 14em and give way."""
    sentence = "a published figure of another definition, compared with yours as closely as the exports allow"
    frame = pd.DataFrame({"platform": ["Facebook"], "source": [sentence], "industry": ["all industries"],
                          "definition": [sentence], "benchmark": ["0.15%"], "you": ["0.68%"], "verdict": [sentence],
                          "how compared": [sentence]})
    table = display.table(frame, index=False, caption="Benchmarks").data
    assert table.count(f'class="{display.TEXT_CELL} {display.PROSE_CELL}"') == 8  # four columns: header and cell
    assert printed_scale(tmp_path, table) > 0.99


#: Appended to a finished page (its Content-Security-Policy taken out): the width of each report table, of the
#: output holding it, and of each header cell, in CSS pixels, into a <pre id="widths"> `--dump-dom` prints.
SCREEN_PROBE = """<script>
window.addEventListener("load", function () {
    var out = document.createElement("pre");
    out.id = "widths";
    out.textContent = JSON.stringify(Array.prototype.map.call(document.querySelectorAll("table.report-table"),
        function (table) {
            return {table: table.getBoundingClientRect().width,
                    room: table.closest(".jp-OutputArea-output").clientWidth,
                    em: parseFloat(getComputedStyle(table.querySelector("th")).fontSize),
                    columns: Array.prototype.map.call(table.querySelectorAll("thead th"), function (cell) {
                        return cell.getBoundingClientRect().width; })};
        }));
    document.body.appendChild(out);
});
</script></body>"""


def screen_widths(tmp_path, exported: str, width: int) -> list[dict]:
    """The widths SCREEN_PROBE measures in the finished page shown in a window `width` pixels wide."""
    import json
    import os

    from helpers.pdf import FLAGS

    finished = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", finish_page(exported, client()))
    html = tmp_path / "screen.html"
    html.write_text(finished.replace("</body>", SCREEN_PROBE, 1), encoding="utf-8")
    command = [find_chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},900",
               "--virtual-time-budget=10000", "--dump-dom", html.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL,
                         env={**os.environ, "HOME": str(tmp_path)}).stdout
    return json.loads(html_module.unescape(re.search(r'<pre id="widths">(.*?)</pre>', dom, re.S).group(1)))


@needs_printing
def test_several_columns_of_sentences_fit_a_1280_pixel_screen_and_one_keeps_its_room(tmp_path):
    """On screen, the benchmarks table's four columns of sentences kept at least 14em each: with its four other
    columns, wider than the page (1107 pixels in the 1090 of rOpenSci's report on a 1280-pixel screen), to be
    scrolled sideways. They ask for 14em and give way, as in print. A posts table's one column of text keeps
    its 14em at least, and takes the room the other columns leave."""
    sentence = "a published figure of another definition, compared with yours as closely as the exports allow"
    benchmarks = pd.DataFrame({"platform": ["Facebook"], "source": [sentence], "industry": ["all industries"],
                               "definition": [sentence], "benchmark": ["0.15% (median of 1,000 pages)"],
                               "you": ["0.68%"], "verdict": [sentence], "how compared": [sentence]})
    posts = pd.DataFrame({"on top by": ["reach only"], "published": ["28 Oct 2026"], "format": ["reel"],
                          "reach": [8543], "interactions": [58], "rank by reach": ["2"],
                          "rank by interactions": ["7–9"], "engagement rate by reach": ["0.68%"], "text": [sentence]})
    exported = page(cell(display.table(benchmarks, index=False, caption="Benchmarks").data,
                         display.table(posts, index=False, caption="Posts").data))
    shown, listed = screen_widths(tmp_path, exported.replace("</head>", f"<style>{EXPORTER_FONT}</style></head>"), 1280)
    assert shown["table"] <= shown["room"], shown
    assert listed["table"] <= listed["room"] and listed["columns"][-1] >= 14 * listed["em"], listed


def test_a_long_word_gets_places_to_break():
    """After its underscores, dots and slashes, and every 20 characters of a run without one; short words, tags
    and entities stay as they are."""
    assert (display.breakable("tweet_activity_metrics_rOpenSci_20161201_en.csv")
            == "tweet_<wbr>activity_<wbr>metrics_<wbr>rOpenSci_<wbr>20161201_<wbr>en.<wbr>csv")
    assert display.breakable("see example.com/a_b &amp; more") == "see example.com/a_b &amp; more"
    assert display.breakable("x" * 45) == "x" * 20 + "<wbr>" + "x" * 20 + "<wbr>" + "x" * 5
    # an entity is one character: never cut, and '&' is a place to break after
    assert display.breakable("Fish&amp;chips_and_mushy_peas") == "Fish&amp;<wbr>chips_<wbr>and_<wbr>mushy_<wbr>peas"
    html = display.table(pd.DataFrame({"file": ["page_posts_2025_1019826952924933.csv"]}), index=False).data
    assert ">page_<wbr>posts_<wbr>2025_<wbr>1019826952924933.<wbr>csv</td>" in html


def test_a_css_string_cannot_end_early():
    from helpers.report_page import css_string

    assert css_string("Kopi Senja") == '"Kopi Senja"'
    assert css_string('Say "hi" \\ bye') == '"Say \\"hi\\" \\\\ bye"'
    assert css_string("a\nb</style><script>") == '"a\\a b\\3c /style\\3e \\3c script\\3e "'
    assert css_string("nul\x00tab\t") == '"nul\\fffd tab\\9 "'


@pytest.mark.parametrize("word, broken", [
    # a letter and its combining accent (the 20th character is the e): the break comes after the accent
    ("a" * 19 + "e\u0301bbbb", "a" * 19 + "e\u0301<wbr>bbbb"),
    ("a" * 19 + "e&#769;bb", "a" * 19 + "e&#769;<wbr>bb"),  # the accent as an entity: one character, read
    # a skin tone after the 20th character, the thumbs up
    ("x" * 19 + "\U0001f44d\U0001f3fdyy", "x" * 19 + "\U0001f44d\U0001f3fd<wbr>yy"),
    # inside an emoji joined by ZWJ (woman, ZWJ, girl): neither before nor after the joiner
    ("x" * 19 + "\U0001f469\u200d\U0001f467z", "x" * 19 + "\U0001f469\u200d\U0001f467<wbr>z"),
    # three families of 7 code points: the 20th is the last ZWJ, the boy after it belongs to the family
    ("\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466" * 3 + "ab",
     "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466" * 3 + "<wbr>ab"),
    # keycaps of 3 code points (7, U+FE0F, U+20E3): the 20th is 7's U+FE0F, and U+20E3 belongs to it
    ("".join(f"{n}\ufe0f\u20e3" for n in range(1, 9)),
     "".join(f"{n}\ufe0f\u20e3" for n in range(1, 8)) + "<wbr>8\ufe0f\u20e3"),
    # a flag is two regional indicators: after 'a', the 20th code point is the first half of the 10th flag
    ("a" + "\U0001f1ee\U0001f1e9" * 10 + "b", "a" + "\U0001f1ee\U0001f1e9" * 10 + "<wbr>b"),
    # ten flags end at the 20th code point: the break comes between two flags
    ("\U0001f1ee\U0001f1e9" * 11, "\U0001f1ee\U0001f1e9" * 10 + "<wbr>\U0001f1ee\U0001f1e9"),
    # the tags of Scotland's flag
    ("x" * 19 + "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007fy",
     "x" * 19 + "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f<wbr>y"),
    # Thai: the 20th code point is the ม of ไม่, its tone mark U+0E48 comes with it; then the next 20 end at the
    # ง of ระหว่าง
    ("ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ", "ภาษาไทยเป็นภาษาที่ไม่<wbr>มีการเว้นวรรคระหว่าง<wbr>คำ"),
    ("x" * 19 + "คำy", "x" * 19 + "คำ<wbr>y"),  # the vowel AM, a sign on the ค
    # after an underscore, before a combining accent: after the accent
    ("tweet_\u0301activity_metrics", "tweet_\u0301<wbr>activity_<wbr>metrics"),
    # Devanagari: the 20th code point is the virama of त्र (U+0924 U+094D U+0930), one conjunct: the break waits
    # for the vowel sign ि after र, and comes before य
    ("x" * 18 + "त्रिय", "x" * 18 + "त्रि<wbr>य"),
    # a decomposed Hangul syllable (ᄒ ᅡ ᆫ: leading consonant, vowel, final; 한), the first jamo the 20th code
    # point: one visible character, the break after its final
    ("x" * 19 + "\u1112\u1161\u11aby", "x" * 19 + "\u1112\u1161\u11ab<wbr>y"),
])
def test_a_long_word_never_breaks_inside_a_visible_character(word, broken):
    """A break every 20 code points could land between a letter and its accent, inside an emoji sequence or a
    flag, or before a Thai vowel sign, which Chromium then draws apart: it moves to the next place between two
    visible characters."""
    assert display.breakable(word) == broken
    assert display.breakable(word).replace("<wbr>", "") == word


@pytest.mark.parametrize("text, shown", [
    # the cut (the 89th code point, then the ellipsis) falls between a flag's two halves: before the flag
    ("x" * 88 + "\U0001f1ee\U0001f1e9 bendera", "x" * 88 + "…"),
    # ...and after a whole flag when two flags straddle it: the second one's halves at 89 and 90
    ("x" * 86 + "\U0001f1ee\U0001f1e9\U0001f1f2\U0001f1e8 bendera", "x" * 86 + "\U0001f1ee\U0001f1e9…"),
    # inside an emoji sequence (woman, ZWJ, laptop: the 89th is the ZWJ): before the woman
    ("x" * 87 + "\U0001f469\u200d\U0001f4bb coder", "x" * 87 + "…"),
    ("x" * 88 + "e\u0301yy", "x" * 88 + "…"),  # between a letter and its accent: before the letter
    ("x" * 88 + " tail  words", "x" * 88 + "…"),  # the 89th is a space: no space before the ellipsis
    ("word " * 30, ("word " * 18).strip() + "…"),
    ("x" * 87 + " \U0001f1ee\U0001f1e9 bendera", "x" * 87 + "…"),  # nor before a flag it leaves out
    ("x" * 90, "x" * 90),  # whole when it fits
    # a decomposed Hangul syllable (ᄒ ᅡ ᆫ at 88 to 90): the cut falls before its final, then before its vowel;
    # it comes before the syllable, never leaving 하 (하) for 한
    ("x" * 87 + "\u1112\u1161\u11ab yy", "x" * 87 + "…"),
    ("x" * 88 + "\ud558\u11ab yy", "x" * 88 + "…"),  # 하 precomposed (LV) and its final ᆫ
    # a whole syllable (86 to 88) before the cut, which falls before the next one's leading consonant
    ("x" * 86 + "\u1112\u1161\u11ab\u1100\u1161", "x" * 86 + "\u1112\u1161\u11ab…"),
])
def test_a_cut_text_ends_on_a_whole_character_and_a_word(text, shown):
    """A cell cut to 90 characters lost the second half of a flag (a lone regional indicator shows as a letter
    in a box), broke an emoji sequence or a letter from its accent, and left a space before its ellipsis: the cut
    comes before such a character, where a line may break (display._may_break), and after the last word."""
    assert display.shorten(text, 90) == shown
    assert len(display.shorten(text, 90)) <= 90


def css_text(quoted: str) -> str:
    """The text a CSS string stands for, as CSS Syntax reads its escapes: a backslash and up to six hex digits
    (with one white space after them, which the escape takes) is that code point; a backslash and any other
    character is that character."""
    assert quoted[0] == quoted[-1] == '"'
    return re.sub(r"\\([0-9a-fA-F]{1,6})[ \t\n]?|\\(.)", lambda m: chr(int(m.group(1), 16)) if m.group(1)
                  else m.group(2), quoted[1:-1])


def test_a_name_holding_import_or_url_does_not_put_them_into_the_pages_style():
    """'Toko @importir.id' stopped the report: the footer put it into the page's <style>, where the check for a
    stylesheet loading something from elsewhere found '@import'. '@' and '(' are escaped in the CSS string now,
    and the footer still reads the name as it is."""
    from dataclasses import replace
    from html import escape

    from helpers.html_safety import live_content
    from helpers.render import check_html
    from helpers.report_page import css_string

    assert css_string("Toko @importir.id") == '"Toko \\40 importir.id"'
    assert css_string("url(//x)") == '"url\\28 //x)"'
    name = 'Toko @import url(https://evil.example/x.css); url( "//y") (b)'
    assert css_text(css_string(name)) == name
    assert css_text(css_string("Kopi\\ \"Senja\" </style>")) == "Kopi\\ \"Senja\" </style>"
    named = replace(client(), name=name)
    page_ = finish_page(page(cell(f"<h1>{escape(name)}</h1>")), named)
    assert live_content(page_) == [] and check_html(page_, named) == []


def test_a_name_in_the_page_footer_keeps_its_own_direction():
    """A right-to-left override (U+202E) pasted into a brand name printed the rest of the footer backwards, and a
    right-to-left name drew the period's first digits into it: such a name is isolated (U+2068 … U+2069), and a
    left-to-right one is left as it is."""
    from helpers.report_page import isolated_name

    assert isolated_name("Acme Coffee") == "Acme Coffee"
    assert isolated_name("Toko \u202eajneS ipoK") == "\u2068Toko \u202eajneS ipoK\u2069"
    assert isolated_name("مقهى القمر") == "\u2068مقهى القمر\u2069"
    assert isolated_name("7-Eleven (ID)") == "7-Eleven (ID)"


@needs_printing
def test_a_name_prints_in_the_footer_as_it_is_and_the_period_reads_forwards(tmp_path):
    """The footer of a client named with '@import url(…)' prints (the page is not refused) and reads the name as
    it is; a brand name with a right-to-left override prints the period and the page number forwards."""
    from dataclasses import replace

    name = "Toko @import url(https://x.example/y.css) (b)"
    pages = printed_pages(tmp_path, page(cell(block("Opening", 50))), replace(client(), name=name))
    assert f"{name} · 1 September 2026 to 31 October 2026 · page 1 of 1" in pages[0]
    pages = printed_pages(tmp_path, page(cell(block("Opening", 50))),
                          replace(client(), brand_name="Toko \u202eajneS ipoK"))
    assert "1 September 2026 to 31 October 2026 · page 1 of 1" in pages[0]


def test_the_page_footer_names_the_brand_the_period_and_the_page_in_the_reports_language():
    from dataclasses import replace

    from helpers.report_page import page_footer

    assert page_footer(client()) == ('"Acme Coffee · 1 September 2026 to 31 October 2026 · page " counter(page)'
                                     ' " of " counter(pages)')
    branded = replace(client(), brand_name='Acme "Roasters"', language="id")
    assert page_footer(branded) == ('"Acme \\"Roasters\\" · 1 September 2026 hingga 31 Oktober 2026 · halaman "'
                                    ' counter(page) " dari " counter(pages)')
    assert ("@bottom-right { content: \"Acme Coffee · 1 September 2026 to 31 October 2026 · page \" counter(page)"
            in finish_page(page(cell("x")), client()))


@needs_printing
def test_every_printed_page_has_the_footer(tmp_path):
    """Chromium's own footer is off (it prints the file's path): the page's CSS prints the client's name, the
    period and the page number at the foot of every page."""
    pages = printed_pages(tmp_path, page(cell(block("Opening", 200)), cell(block("Closing", 200))))
    assert len(pages) == 2
    assert "Acme Coffee · 1 September 2026 to 31 October 2026 · page 2 of 2" in pages[1]
    assert "Acme Coffee · 1 September 2026 to 31 October 2026 · page 1 of 2" in pages[0]


@needs_printing
def test_a_table_of_few_columns_of_sentences_fits_an_800_pixel_window(tmp_path):
    """The definitions table (metric, formula, lens, source, notes): columns of sentences among five. Each
    kept at least 14em on screen, together about 60 pixels more than the output's room in an 800-pixel window,
    to be scrolled sideways. They now fit it, each keeping a sixth of the room at least."""
    words = "reactions + comments + shares + saves (as the platform reports them)"
    definitions = pd.DataFrame({"metric": ["engagement rate by reach"], "formula": [words], "lens": ["engagement"],
                                "source": ["this workbook; each tool counts other parts (Socialinsider, Rival IQ)"],
                                "notes": [words + "; a post missing one of them has no value, not 0, " + words]})
    exported = page(cell(display.table(definitions, index=False, caption="Definitions").data))
    exported = exported.replace("</head>", f"<style>{EXPORTER_FONT}</style></head>")
    [narrow] = screen_widths(tmp_path, exported, 800)
    assert narrow["table"] <= narrow["room"], narrow
    assert min(narrow["columns"][i] for i in (1, 3, 4)) >= narrow["room"] / 6, narrow  # formula, source, notes


#: Appended to a finished page (its Content-Security-Policy taken out): the page shown again in a frame WIDTH
#: pixels wide (a phone's window: headless Chromium's own is at least 500), where the first report table's output
#: is scrolled to its end; what is where, in CSS pixels, into a <pre id="phone"> `--dump-dom` prints.
PHONE_PROBE = """<script>
if (!window.frameElement) window.addEventListener("load", function () {
    var frame = document.createElement("iframe");
    frame.style.cssText = "width: WIDTHpx; height: 3000px; border: 0";
    frame.srcdoc = document.documentElement.outerHTML;
    frame.onload = function () {
        var doc = frame.contentDocument, table = doc.querySelector("table.report-table");
        var output = table.closest(".jp-OutputArea-output"), label = table.querySelector("th.row-label");
        var box = function (e) { var r = e.getBoundingClientRect(); return [r.left, r.right, r.height]; };
        var before = box(label);
        output.scrollLeft = 100000;
        var brand = doc.querySelector(".report-brand-name"), figure = doc.querySelector("figure");
        var out = document.createElement("pre");
        out.id = "phone";
        out.textContent = JSON.stringify({
            width: doc.documentElement.clientWidth, output: box(output), scrolled: output.scrollLeft,
            table: box(table), caption: box(table.querySelector("caption")), label_before: before,
            label: box(label), label_background: getComputedStyle(label).backgroundColor,
            corner: box(table.querySelector("thead th")), figure: box(figure), figure_output: box(figure.parentNode),
            logo: box(doc.querySelector(".report-logo")), brand: box(brand),
            font: parseFloat(getComputedStyle(brand).fontSize)});
        document.body.appendChild(out);
    };
    document.body.appendChild(frame);
});
</script></body>"""


def phone_layout(tmp_path, exported: str, width: int, for_client: Client) -> dict:
    """What PHONE_PROBE measures in the finished page shown `width` pixels wide."""
    import json
    import os

    from helpers.pdf import FLAGS

    finished = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", finish_page(exported, for_client))
    html = tmp_path / "phone.html"
    html.write_text(finished.replace("</body>", PHONE_PROBE.replace("WIDTH", str(width)), 1), encoding="utf-8")
    command = [find_chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=800,900",
               "--virtual-time-budget=10000", "--dump-dom", html.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL,
                         env={**os.environ, "HOME": str(tmp_path)}).stdout
    return json.loads(html_module.unescape(re.search(r'<pre id="phone">(.*?)</pre>', dom, re.S).group(1)))


@needs_printing
def test_on_a_phone_a_wide_table_scrolls_under_its_caption_and_row_labels_and_a_figure_takes_the_width(tmp_path):
    """At 320 pixels JupyterLab's CSS made an output a table row, which cannot scroll: the table's right-hand
    columns were cut off. It scrolls now, and while it does its caption (as wide as the table: 848 pixels in the
    demo) stays within the output, and so does each row's label, on an opaque background, with the header cell
    above it. A figure is as wide as its output (the browser's 40-pixel margins left it 80 pixels less), and a
    wide logo (6000 by 600 pixels) takes at most 45% of the window, the brand's name below it on one line."""
    from PIL import Image

    metrics = ["summed reach (not unique people)", "engagement rate by reach", "conversation rate (comments per post)"]
    frame = pd.DataFrame({"metric": metrics, **{f"column {n}": [1234567, 2345678, 3456789] for n in range(8)}})
    table = display.table(frame, index=False, row_labels=(0,),
                          caption="Facebook: posts in the top 8 under one lens only, with the posts' text").data
    png = io.BytesIO()
    Image.new("RGB", (1248, 600), "white").save(png, format="PNG")
    figure = display.image(png.getvalue(), "a figure").data
    logo = tmp_path / "logo.png"
    Image.new("RGB", (6000, 600), "black").save(logo)
    exported = page(cell(table), cell(figure)).replace("</head>", f"<style>{EXPORTER_FONT}</style></head>")
    shown = phone_layout(tmp_path, exported, 320, dataclasses.replace(client(), logo=str(logo)))
    assert shown["width"] == 320, shown
    left, right, _ = shown["output"]
    assert right <= 320 and shown["table"][1] - shown["table"][0] > 2 * (right - left), shown  # wider: it scrolls
    assert shown["scrolled"] > 0 and shown["table"][1] <= right + 1, shown  # ...to its last column
    assert left - 1 <= shown["caption"][0] and shown["caption"][1] <= right + 1, shown
    assert abs(shown["label"][0] - left) <= 1 and shown["label"][0] <= shown["label_before"][0], shown  # in view
    assert abs(shown["corner"][0] - left) <= 1, shown  # the label column's header cell stays above it
    assert re.fullmatch(r"rgb\(\d+, \d+, \d+\)", shown["label_background"]), shown  # opaque: no alpha
    assert shown["figure"][:2] == shown["figure_output"][:2], shown
    logo_left, logo_right, _ = shown["logo"]
    assert logo_right - logo_left <= 0.45 * 320 + 1, shown
    assert shown["brand"][2] < 2 * shown["font"], shown  # one line, not squeezed beside the logo


#: Appended to the index of reports (its Content-Security-Policy taken out): the page shown again in a frame WIDTH
#: pixels wide, its table's region scrolled to the end; what is where, in CSS pixels, into a <pre id="index">.
INDEX_PROBE = """<script>
if (!window.frameElement) window.addEventListener("load", function () {
    var frame = document.createElement("iframe");
    frame.style.cssText = "width: WIDTHpx; height: 3000px; border: 0";
    frame.srcdoc = document.documentElement.outerHTML;
    frame.onload = function () {
        var doc = frame.contentDocument, region = doc.querySelector("[role=region]") || doc.querySelector("table");
        var box = function (e) { var r = e.getBoundingClientRect(); return [r.left, r.right]; };
        var page = doc.documentElement.scrollWidth;
        region.scrollLeft = 100000;
        var out = document.createElement("pre");
        out.id = "index";
        out.textContent = JSON.stringify({
            width: doc.documentElement.clientWidth, page: page, heading: box(doc.querySelector("h1")),
            region: box(region), caption: box(doc.querySelector("caption")),
            error: box(doc.querySelector("tbody td:nth-of-type(2)"))});
        document.body.appendChild(out);
    };
    document.body.appendChild(frame);
});
</script></body>"""


@pytest.mark.skipif(find_chromium() is None, reason="needs Chromium")
def test_on_a_phone_the_index_keeps_a_margin_and_a_failed_clients_path_does_not_widen_the_page(tmp_path):
    """At 390 pixels the index's text stood against the window's left edge, and a failed client's error holding
    a path of 150 characters without a space made the whole page scroll sideways, cutting the caption off. The
    page keeps a margin now, the path wraps inside its cell, and the table and its caption stay within the
    window."""
    import json
    import os

    from helpers.index_page import index_html
    from helpers.pdf import FLAGS

    path = "/home/consultant/clients/" + "a-very-long-folder-name-without-spaces/" * 3 + "posts.csv"
    records = [{"client": "kopi-senja", "name": "Kopi Senja", "status": "failed", "failed_cell": 4,
                "attempted_at": "2026-11-01T10:00:00+00:00", "error": f"No such file: {path}", "report": None},
               {"client": "harbour", "name": "Harbour Books", "status": "ok", "attempted_at": "2026-11-01T10:00:00+00:00",
                "report": {"html": "report.html", "period_start": "2026-09-01", "period_end": "2026-10-31"}}]
    shown = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", index_html(records))
    html = tmp_path / "index.html"
    html.write_text(shown.replace("</body>", INDEX_PROBE.replace("WIDTH", "390"), 1), encoding="utf-8")
    command = [find_chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=800,900",
               "--virtual-time-budget=10000", "--dump-dom", html.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL,
                         env={**os.environ, "HOME": str(tmp_path)}).stdout
    layout = json.loads(html_module.unescape(re.search(r'<pre id="index">(.*?)</pre>', dom, re.S).group(1)))
    assert layout["width"] == 390 and layout["page"] <= 390, layout  # nothing scrolls the page sideways
    assert layout["heading"][0] >= 10, layout  # a margin on the left
    assert layout["region"][0] >= 10 and layout["region"][1] <= 380, layout
    assert layout["region"][0] - 1 <= layout["caption"][0] and layout["caption"][1] <= layout["region"][1] + 1, layout
    assert layout["error"][1] <= layout["region"][1] + 1, layout
