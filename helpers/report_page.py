"""The finished client page: the exported notebook made self-contained, branded, printable and titled.

The HTML exporter writes a page that loads MathJax, require.js and mermaid from a CDN; a client report
needs none of them, so the page is sanitised (nothing runs, nothing is fetched) and a Content-Security-
Policy forbids scripts and remote loads outright. The client's branding is added here rather than in the
notebook: a header with the brand name, the logo embedded as base64 and the report period, and the accent
colour as CSS (headings and brand name in a darker shade of it where it is too light to read on white). Print
CSS lays the page out on A4 with tables that wrap and figures that fit: a long table breaks between rows under
its repeated header row (neither right after the header nor before the last row), while a short table, a
figure, a heading and a sentence introducing a table or figure with what follows them stay together, so that
no page is left mostly empty when what follows could have begun on it. No section is forced onto a new page: a
section begins where the one before it ends, unless what must stay together does not fit. Nothing is wider than
the page, or Chromium would print the whole report smaller. Each page's foot names the client, the period and
the page ("page 2 of 8"). Of the outputs, only those holding a table take the keyboard's focus (a wide table
scrolls sideways), each named by its table's caption; on screen the caption and the rows' labels stay in view
while the numbers scroll.
"""
from __future__ import annotations

import base64
import html
import re
import string
from pathlib import Path

from .clients import COLOUR, DEFAULT_ACCENT, Client
from .colours import readable_shade
from .errors import WorkbookError
from .i18n import Message, Translator, isolated
from .html_safety import sanitize
from .paths import resolve

#: Nothing may run; images and fonts only from the file itself; inline styles allowed.
CONTENT_SECURITY_POLICY = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:;"
                           " base-uri 'none'; form-action 'none'")

#: A table of at most this many rows is printed whole (moved to the next page when it does not fit); a longer
#: one breaks between rows, its header row repeated on each page.
SHORT_TABLE_ROWS = 8

#: A printed table of this many columns or more gives its columns of sentences (display.PROSE_CELL) 14em before
#: its other columns get more than their longest word; in one of fewer, every column shares the room. On screen,
#: such a table with several columns of sentences does the same (one keeps at least 14em).
MANY_COLUMNS = 6

PAGE_CSS = """
:root { --report-accent: ACCENT; --report-accent-text: TEXT_ACCENT; }
main { max-width: 1100px; margin: 0 auto; }
/* The brand row wraps: a wide logo (6000 by 600 pixels) took 220 of a phone's 344 pixels and squeezed the brand's
   name into six lines beside it. The logo takes at most 45% of a narrow window, and the name goes below it where
   fewer than 12em are left beside it. */
.report-brand { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 18px; padding: 10px 0 12px;
  border-bottom: 4px solid var(--report-accent); margin: 8px 0 18px;
  font-family: var(--jp-content-font-family, system-ui, sans-serif); }
.report-brand > div { flex: 1 1 12em; }
.report-logo { max-height: 64px; max-width: min(220px, 45vw); }
.report-brand-name { font-size: 1.35em; font-weight: 600; color: var(--report-accent-text); margin: 0; }
.report-period { margin: 2px 0 0; color: #444; }
/* text in the accent colour uses its readable shade (colours.readable_shade); rules and borders the accent */
.jp-RenderedHTMLCommon h1, .jp-RenderedHTMLCommon h2 { color: var(--report-accent-text); }
.jp-RenderedHTMLCommon h2 { border-bottom: 1px solid var(--report-accent); padding-bottom: 2px; }
.jp-RenderedHTMLCommon table thead th { border-bottom: 2px solid var(--report-accent); }
.jp-RenderedHTMLCommon table caption { caption-side: top; text-align: left; font-weight: 600; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { white-space: normal; overflow-wrap: break-word; }
.jp-RenderedHTMLCommon table.report-table .text { text-align: left; }
/* a cell naming its row is its header (display.ROW_LABEL) for screen readers, and looks like the cells beside it */
.jp-RenderedHTMLCommon table.report-table th.row-label { font-weight: normal; }
/* a column of sentences (display.PROSE_CELL: a post's text) keeps room for a few words a line among many
   columns, rather than the width of its longest word (4 to 7 lines a post); on screen a table wider than the
   window scrolls sideways, while in print the page's width comes first (below) */
.jp-RenderedHTMLCommon table.report-table .prose { min-width: 14em; }
/* ...but several such columns among many ask for 14em each and give way where the other columns' words need the
   room, on screen as in print: four columns of at least 14em made the benchmarks table wider than the page's
   1100 pixels, to be scrolled sideways on a 1280-pixel screen. One such column (a post's text) keeps its 14em
   and takes the room left. */
.jp-RenderedHTMLCommon table.report-table:has(> thead > tr > :nth-child(MANY_COLUMNS)):has(> thead > tr > .prose
  ~ .prose) .prose { min-width: 0; width: 14em; }
@media screen {
  /* An output holding a table scrolls sideways when the table is wider than the window. JupyterLab's CSS makes
     an output a table row below 760 pixels, which cannot scroll: a phone cut the table's right-hand columns off. */
  .jp-OutputArea-child > .jp-OutputArea-output:has(table) { display: block; width: auto; margin-left: 0;
    overflow-x: auto; container-type: inline-size; }
  @media (max-width: 760px) {  /* nor does it keep the 20 pixels on its right a table row went without */
    .jp-OutputArea-child > .jp-OutputArea-output:has(table) { padding-right: 0; } }
  /* While the numbers scroll, the caption stays in view, no wider than the output (it was as wide as its table,
     848 pixels on a 320-pixel phone), and so does each row's label (display.ROW_LABEL) in the first column, on
     an opaque background: its row's (the page's where the row has none of its own: JupyterLab's stripes win), and
     the page's for the header cell above it. */
  .jp-RenderedHTMLCommon table caption { position: sticky; left: 0; max-width: 100cqi; }
  .jp-RenderedHTMLCommon table.report-table > tbody > tr > th.row-label:first-child {
    position: sticky; left: 0; z-index: 1; background-color: inherit; }
  :where(.jp-RenderedHTMLCommon table.report-table > tbody > tr) { background-color: var(--jp-layout-color0, #fff); }
  .jp-RenderedHTMLCommon table.report-table:has(> tbody > tr > th.row-label:first-child) > thead > tr > :first-child {
    position: sticky; left: 0; z-index: 1; background: var(--jp-layout-color0, #fff); }
  /* A label of 14em (display.PROSE_CELL) left a phone 100 pixels for the numbers beside it: it keeps at most 40%
     of its output (the rule below, for several columns of sentences, asks less and takes precedence). */
  .jp-RenderedHTMLCommon table.report-table > tbody > tr > th.row-label.prose:first-child,
  .jp-RenderedHTMLCommon table.report-table:where(:has(> tbody > tr > th.row-label:first-child)) > thead > tr
    > .prose:first-child { min-width: min(14em, 40cqi); }
  /* Among fewer columns, several columns of sentences keep at most a sixth of their output's width each, so that
     they always fit it: four of 14em made the definitions table (metric, formula, lens, source, notes) about 60
     pixels wider than an 800-pixel window, to be scrolled sideways. From about 1100 pixels on, 14em is the less. */
  .jp-RenderedHTMLCommon table.report-table:not(:has(> thead > tr > :nth-child(MANY_COLUMNS))):has(> thead > tr
    > .prose ~ .prose) .prose { min-width: min(14em, 100cqi / MANY_COLUMNS); }
}
/* A figure keeps no side margins on screen either: the browser's 40 pixels each side left a phone's figure 264 of
   its 344 pixels. */
figure { margin: 0 0 8px; }
.anchor-link { display: none; }
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-right { content: PAGE_FOOTER; font-family: system-ui, sans-serif; font-size: 7.5pt; color: #555; } }
@media print {
  html, body { font-size: 9.5pt; background: #fff; }
  main { max-width: none; }
  /* Nothing below the last output: its bottom margin or padding, where the last table ends at the foot of a
     page, would print a page holding only the footer. */
  body, .jp-Notebook, .jp-Cell:last-child, .jp-Cell:last-child .jp-OutputArea-child:last-child {
    margin-bottom: 0 !important; padding-bottom: 0 !important; }
  .jp-Cell, .jp-OutputArea, .jp-OutputArea-child, .jp-OutputArea-output, .jp-RenderedHTMLCommon,
  .jp-Cell-outputWrapper { overflow: visible !important; max-width: 100% !important; padding-left: 0 !important; }
  .jp-OutputPrompt, .jp-InputPrompt, .jp-Collapser { display: none !important; }
  /* The exporter keeps every output whole (.jp-OutputArea-child: break-inside: avoid-page), so a long table or
     list that does not fit moved to the next page and left this one mostly empty. Outputs are plain blocks that
     may break; what must stay whole says so below. */
  .jp-Cell, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child, .jp-OutputArea-output {
    display: block !important; break-inside: auto !important; page-break-inside: auto !important; }
  /* A long table breaks between rows, its header row repeated on every page; a short one stays whole. */
  .jp-RenderedHTMLCommon table { width: 100% !important; table-layout: auto !important;
    font-size: 8pt !important; margin-left: 0 !important; break-inside: auto; page-break-inside: auto; }
  .jp-RenderedHTMLCommon table:not(:has(> tbody > tr:nth-child(SHORT_ROWS_PLUS_ONE))) {
    break-inside: avoid; page-break-inside: avoid; }
  .jp-RenderedHTMLCommon thead { display: table-header-group; }
  .jp-RenderedHTMLCommon caption { break-inside: avoid; page-break-inside: avoid; }
  .jp-RenderedHTMLCommon tr { break-inside: avoid; page-break-inside: avoid; }
  /* ...and never leaves its caption and header row alone at the foot of a page (with the first two rows
     below them), nor its last row alone at the top of the next. */
  .jp-RenderedHTMLCommon tbody > tr:nth-child(-n+2), .jp-RenderedHTMLCommon tbody > tr:last-child {
    break-before: avoid; page-break-before: avoid; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { white-space: normal !important;
    overflow-wrap: break-word !important; word-break: normal !important; hyphens: auto;
    max-width: none !important; padding: 2px 4px !important; }
  /* Nothing may make a table wider than the page: Chromium would print the whole report smaller to fit it
     (long words have places to break: display.breakable). So a column of sentences has no minimum width in
     print; among many columns it asks for 14em first, and gives way where the other columns' words need the
     room (four columns of 14em overflowed the benchmarks table). Among few, it takes what its text needs. */
  .jp-RenderedHTMLCommon table.report-table .prose { min-width: 0; }
  .jp-RenderedHTMLCommon table.report-table:has(> thead > tr > :nth-child(MANY_COLUMNS)) .prose { width: 14em; }
  /* Figures stay whole, their caption with them, and no taller than a page. */
  figure, .jp-RenderedHTMLCommon img { break-inside: avoid; page-break-inside: avoid; }
  .jp-RenderedHTMLCommon img, figure img { max-width: 100% !important; max-height: 240mm;
    height: auto !important; object-fit: contain; }
  /* A heading, and a section's opening sentence, stay with what follows: so does the output they are in, kept
     whole (Chromium moves a heading to the next page with what follows only when the lines below it cannot
     break either). */
  h1, h2, h3, h4, caption, .section-intro { break-after: avoid; page-break-after: avoid; }
  .jp-OutputArea-child:has(h1, h2, h3, h4) { break-inside: avoid !important; page-break-inside: avoid !important; }
  .jp-OutputArea-child:has(h1, h2, h3, h4), .jp-Cell:has(.jp-OutputArea-child:last-child :is(h1, h2, h3, h4)) {
    break-after: avoid; page-break-after: avoid; }
  /* ...but a section that ends with its opening sentence (nothing to show: no export reports watch time) is
     whole: the next section may begin on the next page, rather than pull this one there and leave a page
     nearly empty behind it. */
  .jp-OutputArea-child:last-child:has(.section-intro:last-child),
  .jp-OutputArea-child:last-child .section-intro:last-child,
  .jp-Cell:has(.jp-OutputArea-child:last-child .section-intro:last-child) {
    break-after: auto; page-break-after: auto; }
  /* A sentence of its own that introduces the table or figure below it stays with it, rather than end a
     page alone ("The posts on top under one lens only, with their text, ..." above its table). */
  .jp-OutputArea-child:has(> .jp-OutputArea-output > p.finding:only-child):has(+ .jp-OutputArea-child :is(table, figure)) {
    break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
  p, li { orphans: 2; widows: 2; }
  .report-brand { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".replace("SHORT_ROWS_PLUS_ONE", str(SHORT_TABLE_ROWS + 1)).replace("MANY_COLUMNS", str(MANY_COLUMNS))


def report_title(client: Client) -> str:
    """The page title in the client's language: who, what and the period (browser tab, PDF properties)."""
    tr = Translator(client.language)
    return tr.t("report.title", client=client.name, start=tr.date(client.period_start), end=tr.date(client.period_end))


def logo_data_uri(logo: str | Path) -> str:
    """The logo file as a data: URI (PNG or SVG), so the page carries it; an error if it is neither."""
    path = resolve(logo)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookError(Message("cli.logo_unreadable", logo=str(logo), reason=str(exc.strerror))) from None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "image/png"
    elif path.suffix.lower() == ".svg" and b"<svg" in data[:4096].lower():
        kind = "image/svg+xml"  # shown through <img>, where an SVG's scripts never run
    else:
        raise WorkbookError(Message("cli.logo_not_image", logo=str(logo)))
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def brand_header(client: Client) -> str:
    """The branded header: logo, brand name and period, all escaped. The logo's alt text is empty: the brand's
    name follows it as text, which a screen reader would otherwise read twice ("Kopi Senja logo Kopi Senja"),
    and "logo" in English on an Indonesian page."""
    brand = client.brand_name or client.name
    logo = ""
    if client.logo:
        logo = f'<img class="report-logo" src="{logo_data_uri(client.logo)}" alt="">'
    return (f'<header class="report-brand">{logo}<div>'
            f'<p class="report-brand-name">{html.escape(brand)}</p>'
            f'<p class="report-period">{html.escape(period_label(client))}</p></div></header>')


def isolated_name(name: str) -> str:
    """`name` set apart from the words around it in a line (i18n.isolated): a right-to-left name, or a direction
    override inside one, cannot turn the period and the page number around."""
    return isolated(name)


#: The placeholders of the printed page's footer (report.page_footer) that Chromium fills: CSS page counters.
PAGE_COUNTERS = ("page", "pages")


def css_string(text: str) -> str:
    """`text` as a quoted CSS string that cannot end early: quotes, backslashes, line breaks and other control
    characters escaped, and `<` too, so that a client's name holding `</style>` cannot close the page's style
    element. `@` and `(` are escaped as well: the page's style then never holds `@import` or `url(https:` from a
    name ('Toko @importir.id'), which the check for remote stylesheets (html_safety.live_content) would refuse,
    while the printed text reads the name as it is."""
    def escape(match: re.Match) -> str:
        character = match.group(0)
        if character in '"\\':
            return "\\" + character
        return f"\\{ord(character) or 0xFFFD:x} "  # a hex escape ends at its space; U+0000 is not allowed in CSS

    return '"' + re.sub(r'["\\<>@(\x00-\x1f\x7f\u2028\u2029]', escape, text) + '"'


def page_footer(client: Client) -> str:
    """The CSS content of each printed page's footer, in the client's language: the brand name (or the client's),
    the period as the report's title gives it and "page 2 of 8". Chromium's own footer is off (it would print the
    file's path, pdf.FLAGS), so the page margin carries this one; its {page} and {pages} are Chromium's counters.
    The name is isolated (isolated_name): a right-to-left name, or a direction override inside one, cannot turn
    the period and the page number around."""
    tr = Translator(client.language)
    values = {"client": isolated_name(client.brand_name or client.name), "start": tr.date(client.period_start),
              "end": tr.date(client.period_end)}
    parts, text = [], ""
    for literal, field, _, _ in string.Formatter().parse(tr.t("report.page_footer")):
        text += literal
        if field in PAGE_COUNTERS:
            parts += [css_string(text), f"counter({field})"]
            text = ""
        elif field:
            text += values[field]
    return " ".join(parts + [css_string(text)] if text else parts)


def period_label(client: Client) -> str:
    tr = Translator(client.language)
    return tr.t("report.period_label", start=tr.date(client.period_start), end=tr.date(client.period_end))


#: The opening tag of a cell output, which the exporter makes focusable (tabindex="0") whatever it holds.
_OUTPUT_TAG = re.compile(r'<div\b[^>]*\bjp-OutputArea-output\b[^>]*>')
_DIV_TAG = re.compile(r"<(/?)div\b[^>]*>", re.I)


def _element_end(page: str, start: int) -> int:
    """Where the <div> whose content begins at `start` ends (its closing tag), or the page's end."""
    depth = 1
    for tag in _DIV_TAG.finditer(page, start):
        depth += -1 if tag.group(1) else 1
        if not depth:
            return tag.start()
    return len(page)


_CAPTION_TAG = re.compile(r"<caption\b[^>]*>", re.I)
_ID = re.compile(r'\sid="([^"]*)"')


def unfocusable_outputs(page: str, language: str = "en") -> str:
    """The page without the tabindex="0" the exporter sets on every output: a keyboard user would tab through
    forty stops that do nothing. An output holding a table keeps it: a wide table scrolls sideways inside its
    output on a narrow screen, and can then be scrolled with the arrow keys once focused. Such a stop is named
    (named_region): a screen reader announced it as an unnamed group."""
    parts, position, captions = [], 0, 0
    for match in _OUTPUT_TAG.finditer(page):
        if match.start() < position:  # inside an output already copied (an export never nests them)
            continue
        end = _element_end(page, match.end())
        tag, content = match.group(0), page[match.end():end]
        if "<table" not in content:
            tag = re.sub(r'\s+tabindex="0"', "", tag)
        elif 'tabindex="0"' in tag:
            captions += 1
            while f'id="table-caption-{captions}"' in page:  # an id the page has already
                captions += 1
            tag, content = named_region(tag, content, f"table-caption-{captions}", language)
        parts += [page[position:match.start()], tag, content]
        position = end
    return "".join(parts) + page[position:]


def named_region(tag: str, content: str, caption_id: str, language: str) -> tuple[str, str]:
    """An output's opening `tag` and its `content` with the output made a region named by its table's caption,
    which gets `caption_id` unless it has an id: a tab stop that says which table it scrolls. A table without a
    caption names it "Table" in the page's language."""
    caption = _CAPTION_TAG.search(content)
    if caption is None:
        label = html.escape(Translator(language).t("report.table_region"), quote=True)
        return tag[:-1] + f' role="region" aria-label="{label}">', content
    if given := _ID.search(caption.group(0)):
        caption_id = html.unescape(given.group(1))
    else:
        content = (content[:caption.start()] + caption.group(0)[:-1] + f' id="{caption_id}">'
                   + content[caption.end():])
    return tag[:-1] + f' role="region" aria-labelledby="{html.escape(caption_id, quote=True)}">', content


def finish_page(exported: str, client: Client) -> str:
    """The exported notebook as the page sent to the client: sanitised, titled, branded, printable."""
    accent = client.accent_colour if COLOUR.match(client.accent_colour or "") else DEFAULT_ACCENT
    page = unfocusable_outputs(sanitize(exported), client.language)
    head = (f'<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
            f'<title>{html.escape(report_title(client))}</title>\n')
    page = re.sub(r"<title>.*?</title>\s*", "", page, count=1, flags=re.S)
    page = re.sub(r'<meta charset="[^"]*"\s*/?>\s*', "", page, count=1, flags=re.I)
    page, n = re.subn(r"(<head[^>]*>)", lambda m: m.group(1) + "\n" + head, page, count=1, flags=re.I)
    if not n:
        page = f"<!DOCTYPE html>\n<html><head>{head}</head>{page}</html>"
    # the page's language is the client's (the exporter writes lang="en"): browsers and screen readers read
    # an Indonesian report as Indonesian, rather than offering to translate it from English
    page = re.sub(r"<html\b[^>]*>", f'<html lang="{html.escape(client.language, quote=True)}">', page, count=1,
                  flags=re.I)
    # the page's own CSS comes last in <head>, after the exporter's, so it wins
    css = PAGE_CSS.replace("TEXT_ACCENT", readable_shade(accent)).replace("ACCENT", accent)
    css = css.replace("PAGE_FOOTER", page_footer(client))  # last: the client's name is no placeholder
    page = page.replace("</head>", f'<style>{css}</style>\n</head>', 1)
    header = brand_header(client)
    page, n = re.subn(r"(<main[^>]*>)", lambda m: m.group(1) + header, page, count=1, flags=re.I)
    if not n:
        page = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + header, page, count=1, flags=re.I)
    return page
