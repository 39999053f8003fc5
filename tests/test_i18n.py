"""Both language catalogues stay complete and consistent, every key the code asks for exists, and numbers,
dates and money come out formatted for each language.

A report in Bahasa Indonesia must never show an English text or crash on a missing key mid-render, so the
catalogues are checked against each other (keys, {placeholders}, untranslated values) and against the code
(literal keys in helpers/ and the report notebook, and every family of keys built at run time).
"""
from __future__ import annotations

import ast
import datetime as dt
import itertools
import json
import re
import string
from collections import Counter

import pandas as pd
import pytest
import yaml
from babel.dates import get_day_names

from helpers import benchmarks, compare, daily, describe, metrics, plots, report, schema, sources, statistics
from helpers.errors import ExportsUnreadable, WorkbookError
from helpers.i18n import (LABELLED_COLUMNS, LANGUAGES, LOCALES_DIR, METRIC_PARTS, SHARES_NAMED, Message, Translator,
                          catalogue, language_code, language_meant, quoted)
from helpers.importers import (facebook_insights_legacy, meta_business_suite, uci_facebook_metrics, x_content,
                               x_tweet_activity, youtube_studio)
from helpers.paid import SAME_DELIVERY_REASONS
from helpers.importers.meta_ads_manager import TIME_COLUMNS
from helpers.importers.reading import NAMED_FORMATS
from helpers.paths import DOCUMENT_SUFFIXES, PROJECT_ROOT

HELPERS_DIR = PROJECT_ROOT / "helpers"
NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))
KEY = re.compile(r"^[a-z_]+(\.[a-z0-9_/]+)+$")

#: Texts that are rightly the same in English and Indonesian: brand and platform names, abbreviations,
#: words Indonesian uses as they are, and cited titles. Anything else identical to English is untranslated.
SAME_IN_BOTH = {
    "Facebook", "Instagram", "X", "YouTube", "TikTok", "LinkedIn",
    "CPM", "Ads Manager", "platform", "format", "median", "video", "reel", "carousel", "status",
    "Avinash Kaushik (2011)", "Avinash Kaushik (2011), 'Best Social Media Metrics'",
}


# ------------------------------------------------------------------------------------------- helpers
class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping (plain safe_load keeps the last)."""


def _no_duplicates(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"key {key!r} appears twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def placeholders(text: str) -> Counter:
    """The {placeholder} names of a text, each counted as often as it is used."""
    return Counter(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def catalogue_problems(source: dict[str, str], target: dict[str, str], target_name: str = "id") -> list[str]:
    """Every way `target` fails to match `source`: keys missing either way and differing placeholders."""
    problems = [f"{key!r} is in en but missing from {target_name}" for key in sorted(source.keys() - target.keys())]
    problems += [f"{key!r} is in {target_name} but not in en" for key in sorted(target.keys() - source.keys())]
    for key in sorted(source.keys() & target.keys()):
        want, got = placeholders(source[key]), placeholders(target[key])
        if want != got:
            problems.append(f"{key!r}: placeholders {dict(want)} in en but {dict(got)} in {target_name}")
    return problems


def untranslated(source: dict[str, str], target: dict[str, str]) -> list[str]:
    """Keys whose target text is still the English text (and not a text that is rightly the same)."""
    return sorted(key for key in source.keys() & target.keys()
                  if target[key] == source[key] and source[key] not in SAME_IN_BOTH
                  and re.search(r"[A-Za-z]", re.sub(r"\{[^}]*\}", "", source[key])))  # not only {placeholders}


def _calls_to_t(tree: ast.AST):
    """Every call `<something>.t(arg, ...)`, `t(arg, ...)` or `Message(arg, ...)` in a syntax tree, with the
    function it is in (a Message is a key and its values, translated when shown)."""
    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Call) and child.args:
                func = child.func
                if ((isinstance(func, ast.Attribute) and func.attr in ("t", "Message"))
                        or (isinstance(func, ast.Name) and func.id in ("t", "Message"))):
                    yield child, function
            yield from visit(child, inner)
    yield from visit(tree, tree)


def _prefix(node: ast.AST) -> str | None:
    """The constant start of a key built at run time: f"weekday.{d}" -> 'weekday.', 'quadrant.' + x -> 'quadrant.'."""
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return node.values[0].value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
        return node.left.value
    return None


def keys_used_in(tree: ast.AST, where: str, sections: set[str]):
    """(literal keys, run-time prefixes, unresolvable calls) of the .t() calls in a syntax tree.

    A key held in a variable (`tr.t(key)`) is resolved to the key-shaped string constants of the function
    around the call (e.g. the finding.* names chosen by a conditional).
    """
    literal, prefixes, unresolved = {}, {}, []
    for call, function in _calls_to_t(tree):
        arg = call.args[0]
        if isinstance(arg, ast.IfExp):  # tr.t("a" if x else "b"): every branch is a literal key
            branches = [n for n in ast.walk(arg) if n is not arg.test and isinstance(n, ast.Constant)
                        and isinstance(n.value, str) and KEY.match(n.value)]
            if branches:
                literal.update({n.value: f"{where}:{call.lineno}" for n in branches})
                continue
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            literal[arg.value] = f"{where}:{call.lineno}"
        elif _prefix(arg) is not None:
            prefixes[_prefix(arg)] = f"{where}:{call.lineno}"
        elif isinstance(arg, ast.Name) and function is not tree:
            found = {n.value for n in ast.walk(function) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                     and KEY.match(n.value) and n.value.split(".")[0] in sections}
            if not found:
                unresolved.append(f"{where}:{call.lineno}")
            literal.update({key: f"{where}:{call.lineno}" for key in found})
        else:
            unresolved.append(f"{where}:{call.lineno}")
    return literal, prefixes, unresolved


def _code_trees():
    """(where, syntax tree) for every helpers module and every code cell of the notebooks."""
    for path in sorted(HELPERS_DIR.rglob("*.py")):
        if path.name == "i18n.py":  # the translation machinery passes keys through; it chooses none
            continue
        yield str(path.relative_to(PROJECT_ROOT)), ast.parse(path.read_text(encoding="utf-8"))
    for notebook in NOTEBOOKS:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for number, cell in enumerate(cells):
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            source = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
            yield f"{notebook.relative_to(PROJECT_ROOT)} cell {number}", ast.parse(source)


def _all_code_keys():
    sections = {key.split(".")[0] for key in catalogue("en")}
    literal, prefixes, unresolved = {}, {}, []
    for where, tree in _code_trees():
        lit, pre, unres = keys_used_in(tree, where, sections)
        literal.update(lit)
        prefixes.update(pre)
        unresolved += unres
    return literal, prefixes, unresolved


def _format_values() -> set[str]:
    """The canonical format names the importers map export post types to."""
    mappings = (facebook_insights_legacy.FORMATS, meta_business_suite.FORMATS, uci_facebook_metrics.FORMATS,
                youtube_studio.CONTENT_TYPES)
    return {value for mapping in mappings for value in mapping.values()}


def _quadrant_names() -> set[str]:
    """The four quadrant names compare.quadrants gives, from posts placed in each quadrant."""
    posts = pd.DataFrame({"platform": ["x"] * 5, "reach": [10, 10, 1000, 1000, 100],
                          "reactions": [5, 0, 500, 0, 5], "comments": [pd.NA] * 5, "shares": [pd.NA] * 5,
                          "saves": [pd.NA] * 5})
    return set(compare.quadrants(posts)["quadrant"])


#: Keys the code builds at run time (f-strings, '+'), by prefix: the suffixes each must have. The test
#: `test_every_key_family_built_at_run_time_is_checked` fails when the code starts building a new family.
def dynamic_families() -> dict[str, set[str]]:
    return {
        "weekday.": {day.lower() for day in plots.WEEKDAYS},
        "stat.": {"median", "mean"} | set(benchmarks.load_benchmarks()["statistic"]),
        "denominator.": set(benchmarks.DENOMINATOR_COLUMN),
        "effect.": {statistics.cliffs_delta_size(d) for d in (float("nan"), 0.0, 0.2, 0.4, 0.9, -0.9)}
        | {statistics.cliffs_delta_size(0.5, low, high)  # a size as far as its interval allows (compare_groups)
           for low, high in itertools.combinations((-0.1, 0.2, 0.4, 0.9), 2)} | {"uncertain", "tied"},
        "agreement.strength.": {"negligible", "weak", "moderate", "strong", "very_strong"},  # report.agreement_sentence
        "quadrant.": {name.replace(" ", "_") for name in _quadrant_names()},
        "formats.lens_": {"reach", "rate"},  # report.format_tests
        "lens.": {lens for _, lens in metrics.DEFINITIONS},
        "column.": {f"{name}.label" for name in LABELLED_COLUMNS},  # i18n.metric_label
        "metric.": {f"{name}.{part}" for name, _ in metrics.DEFINITIONS
                    for part in ("label", "formula", "source", "caveat")}
        | {f"{word}.short" for word in SHARES_NAMED.values()}  # Translator.metric_word: reposts in brackets
        # report.definitions: what a metric the Ads Manager sentence quotes is for the account's ad delivery
        | {f"{name}.ads_{part}" for name, _ in report.PAID_DEFINED for part in ("formula", "source", "caveat")},
        "paid_delivery.same_": set(SAME_DELIVERY_REASONS),  # report.paid_delivery_sentences: why that report
        "paid_delivery.time_": {name.lower() for name in TIME_COLUMNS},  # report._breakdown_words: by month
        "paid_delivery.source_account": {"", "s"},  # report.paid_delivery_sentences: one ad account or several
        "paid_delivery.cpm_": {"spend_only", "impressions_only"},  # report._cpm_operands: rows left out of the CPM
        "coverage.daily_days_posts": {"", "_one"},
        "error.files_unreadable": set(ExportsUnreadable.HEADINGS.values()),  # a folder's, files listed, a roster's
        "imports.explore.growth_days_series": {"", "_one"},  # explore._growth_days: of one day its series covers  # daily.day_notes: one post on another day, or several
        "imports.explore.formulas_as_text": {"", "_one"},  # explore.save_table: one text cell quoted, or several
        # sources.no_post_export_note: what a folder without post exports held, and the post export to add
        "imports.explore.no_post_export_read.": {"daily", "paid", "both"},
        "imports.explore.post_export_of.": set(sources.POST_EXPORT_NAMED) | {"any"},
        "definitions.left_out_paid_reach": {"", "_one"},  # Report.definitions_note: one metric or several
        "cli.state.": _render_states(),
        "cli.column.": {"client", "status", "period", "time", "detail"},  # render.summary_lines
        "cli.slides.language.": set(LANGUAGES),  # slides.render_slides: the language of each deck run
        "cli.inspect.": set(describe.LABELS),  # describe._report_lines
        "imports.reading.document.": set(DOCUMENT_SUFFIXES.values()),  # reading.document_error
        # reading.spreadsheet_error, named_spreadsheet_error: the format of a spreadsheet not read here
        "imports.reading.spreadsheet_format.": set(NAMED_FORMATS.values()),
        # errors.windows_path_hint: a path holding a line break or a tab, written in a roster or in Python
        "imports.paths.escaped_": {"roster", "python"},
        "imports.paths.advice_": {"roster", "python"},
        "imports.paths.control_": {"line_break", "tab", "other"},
        "imports.paths.windows_drive_": {"exports", "logo", "roster", "out"},  # what a path on a drive names
        # errors.working_folder_hint: what a relative path names from the folder the code runs in
        "imports.paths.from_working_folder_": {"folder", "file", "match"},
        # yearless_dates.with_year_advice: the request for a file's year, worded for the roster or for inspect
        "imports.yearless_dates.": {f"{hint}_{where}" for hint in ("year_unknown_hint", "pass_year_hint")
                                    for where in ("roster", "inspect")},
        # x_tweet_activity.clicks_counted: each click column's word, in either X export
        "imports.x_tweet_activity.click_": set(x_tweet_activity.CLICK_COLUMNS.values())
        | set(x_content.CLICK_COLUMNS.values()),
        "imports.quality.kinds_": {"impressions", "views", "thumbnail_impressions", "impressions_and_views",
                                   "neither"},  # quality_notes, report._counted, explore._row_label and _row_number
        # explore.summary_view's row labels, one per row of metrics.channel_summary
        "imports.explore.table_": {"posts", "daily", "paid"},  # sources.Loaded.files: the table a file went into
        "imports.explore.summary_row.": {f"{kpi}.{field}" for _, kpi, field in metrics.SUMMARY_ROWS},
        "report_note.": set(report.CLIENT_WORDING.values()),  # report.client_worded
        # report._finding_elasticity: a class, or why there is none (compare.elasticity_fit's 'unfitted')
        "finding.elasticity_": _elasticity_classes() | {"few_interactions", "few_reach_values"},
        "agreement.elasticity_": {"few_interactions", "few_reach_values"},  # report.elasticity_cell
        "divergent.few": {"", "_all", "_every"},  # report._top_n_size_word
        "attention.none_this_period": {"", "_one"},  # report.attention_sentence: one post of the comparison or more
        "imports.explore.header_only": {"", "_one"},  # explore._warn_header_only: one export, or several
        "imports.explore.summary_header_only": {"", "_one"},  # explore.summary_view
        # render.header_only_problem: one export, or several
        "cli.problem.header_only_kept": {"", "_one"},
        "cli.problem.header_only_kept_earlier": {"", "_one"},  # a last report recorded by an earlier version
        "cli.problem.header_only_platform": {"", "_one"},
        "cli.problem.header_only_fell": {"", "_one"},  # the platform's other exports still hold posts
        # render.left_out_detail: a pattern to add or the files themselves, for one file or several
        "cli.left_out_detail": {"", "_one", "_by_name", "_by_name_one"},
        "cli.left_out_refused": {"", "_one"},  # render.left_out_detail: spreadsheets to save as .xlsx first
        "imports.sources.no_post_exports_skipped": {"", "_one"},  # sources.load_client: one file skipped, or several
        "figure.rank_shift_few": {"", "_all", "_every"},
        "figure.legend_both": {"", "_ties"},  # plots.rank_shift: lists shortened by ties at the cut-off
        "figure.legend_one": {"", "_ties"},
        "figure.scatter_unfitted_": {"few_interactions", "few_reach_values"},  # report.scatter_title
        "finding.elasticity_accounts_": _elasticity_classes() | {"falling_rate", "mixed"},  # report.shared_shape
        # report.benchmark_outcome ('_one': a figure without interval resting on one post)
        "finding.benchmark_": {"above", "below", "in_line", "no_interval", "no_interval_one", "no_spread"},
        "finding.benchmark_side_": {"above", "below", "in_line"},  # report._finding_benchmark, a rough row
        "finding.benchmark_native_": {"above", "below", "in_line"},  # report._benchmark_native, a rough row
        # report.benchmark_outcome, as finding.benchmark_
        "bench.verdict_": {"above", "below", "in_line", "rough", "no_interval", "no_interval_one", "no_spread", "none"},
        "bench.note_": set(benchmarks.MISSING_REASONS),  # report._benchmark_note: what the exports lack
        "figure.scatter_title_": _elasticity_classes() | {"mixed", "falling_rate"},  # report.figure_reach_vs_interactions
        "lens.word_": {"reach", "video_views"},  # report.ranked_by (impressions take the export's own word)
        "platform.": set(schema.PLATFORMS),  # quality.kinds_across_files
        # report.daily_reach_sentences: an organic reach beside something sponsored is said to be a part
        "daily_reach.": set(daily.DAILY_UNIQUE) | {f"{m}_sponsored" for m in daily.ORGANIC_REACH},
        # sources.covered_days: "post exports" where daily series or ad reports were read beside the posts
        # ... and "that day" where the days are one (i18n.single_day_suffix)
        "imports.sources.covered_all": {"", "_posts", "_single_day", "_posts_single_day"},
        "imports.sources.covered_part": {"", "_posts"},
        "imports.sources.not_covered_near": {"", "_posts", "_single_day", "_posts_single_day"},
        "imports.sources.not_covered": {"", "_posts", "_single_day", "_posts_single_day"},
        "imports.explore.daily_not_covered": {"", "_single_day"},  # daily.not_covered: days asked that are one
        "imports.explore.outside_span": {"", "_single_day"},  # explore._check_within_span: one day asked
        "imports.explore.outside_span_chosen": {"", "_single_day"},
        "imports.sources.side_": {"daily", "paid"},  # sources.side_files_covering: the report's kinds of side file
        # explore.daily_shown's column headings
        "imports.explore.daily_col_": {"platform", "metric", "days", "median", "mean", "low", "high"},
        "imports.explore.growth_col_": {"platform", "start", "end", "change", "gained", "unfollows", "days"},
        "lesson.sim.reach_": {"chance", "undecided", "close", "unknown"},  # lesson.simulation_takeaway: why no winner
        "lesson.sim.impressions_": {"chance", "undecided", "close", "unknown", "broadcast", "conversation"},
        # report.check_report_parameters
        "imports.report.parameter.logo_": {"missing", "not_image", "too_large", "active", "too_many_pixels",
                                           "embeds_too_many_pixels", "embeds_too_deep"},
        "imports.dates.carries_": {"time", "zone", "both"},  # periods.not_whole_day
        "imports.dates.zone_": {"explore", "report", "daily"},  # periods.not_whole_day: who asks
        # clients._check_client (logo_problem)
        "roster.logo_": {"kind", "not_image", "too_large", "active", "too_many_pixels", "embeds_too_many_pixels",
                         "embeds_too_many_pixels_several", "embeds_too_deep"},
        "roster.mapped_key.": {"files", "mapping"},  # clients._mapped_entry_problems
        "imports.importers.map_": {"python", "folder", "roster", "inspect", "inspect_folder"},  # importers.MAPPING_ADVICE
        # lesson.simulation_takeaway: why no winner, or the rate's winner with its interactions' gap
        "lesson.sim.engagement_": {"chance", "undecided", "close", "unknown", "conversation", "conversation_chance",
                                   "mixed", "mixed_chance"},
        # lesson._figure_title_part: each ratio of the simulation figure's title, worded by its interval
        "lesson.sim.figure_": {f"{measure}_{shown}" for measure in ("reach", "interactions")
                               for shown in ("times", "alike", "chance")},
        "lesson.sim.engagement_none_": {"broadcast", "conversation", "both"},  # a strategy without interactions
        "lesson.demo.overlap_tie": {"", "_one"},  # lesson.tie_sentences: "1 of which is", or more "are"
        # report.glossary (a metric's term is its label)
        "metric_part.": set(METRIC_PARTS),  # Translator.metric: LinkedIn's organic and sponsored daily series
        "glossary.": {f"{name}.{part}" for name in report.GLOSSARY for part in ("term", "meaning")
                      if not (part == "term" and name in dict(metrics.DEFINITIONS))},
    }


def _elasticity_classes() -> set[str]:
    from helpers.report import elasticity_class

    return {elasticity_class({"ci_low": low, "ci_high": high}) for low, high in ((0.2, 0.8), (-0.4, 0.3), (0.8, 1.2), (1.2, 1.5), (0.0, 1.6))}


def _render_states() -> set[str]:
    """The states the renderer's workers and batch report (first argument of emit, and Progress.started)."""
    source = (HELPERS_DIR / "render.py").read_text(encoding="utf-8")
    emitted = set(re.findall(r'self\.emit\(client\.id, "(\w+)"', source))
    batch = (HELPERS_DIR / "render_batch.py").read_text(encoding="utf-8")
    return emitted | set(re.findall(r'"cli\.state\.(\w+)"', batch)) | {"handed"}


# ------------------------------------------------------------------------------------------- catalogues
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_catalogue_files_are_valid_yaml_without_repeated_keys(language):
    files = sorted((LOCALES_DIR / language).glob("*.yml"))
    assert files
    for path in files:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
        assert isinstance(data, dict) and data, path


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_text_is_a_non_empty_string_that_formats(language):
    texts = catalogue(language)
    empty = [key for key, text in texts.items() if not text.strip() or text == "None"]
    assert not empty, f"empty texts in {language}: {empty}"
    for key, text in texts.items():
        values = {name: "X" for name in placeholders(text)}
        try:
            text.format(**values)
        except (ValueError, IndexError, KeyError) as exc:
            pytest.fail(f"{language} text {key!r} does not format: {exc} ({text!r})")


def test_both_catalogues_have_the_same_keys_and_placeholders():
    problems = catalogue_problems(catalogue("en"), catalogue("id"))
    assert not problems, "\n".join(problems)


def test_catalogue_check_names_the_key_that_is_missing_or_differs():
    en = {"a.one": "One {n}", "a.two": "Two", "a.three": "{x} and {x}"}
    assert catalogue_problems(en, {"a.one": "Satu {n}", "a.two": "Dua", "a.three": "{x} dan {x}"}) == []
    problems = catalogue_problems(en, {"a.one": "Satu {m}", "a.three": "{x}", "a.four": "Empat"})
    assert "'a.two' is in en but missing from id" in problems
    assert "'a.four' is in id but not in en" in problems
    assert any(p.startswith("'a.one': placeholders") for p in problems)
    assert any(p.startswith("'a.three': placeholders") for p in problems)  # same name, used once not twice


def test_no_indonesian_text_is_left_in_english():
    left = untranslated(catalogue("en"), catalogue("id"))
    assert not left, "still English in the id catalogue: " + ", ".join(f"{k} = {catalogue('id')[k]!r}" for k in left)


def test_untranslated_check_catches_a_copied_text():
    assert untranslated({"a": "reach", "b": "YouTube"}, {"a": "reach", "b": "YouTube"}) == ["a"]


def test_indonesian_texts_use_formal_address_and_indonesian_number_separators():
    texts = catalogue("id")
    informal = [k for k, t in texts.items() if re.search(r"\b(kamu|kau|lo|lu)\b", t, flags=re.IGNORECASE)]
    assert not informal, f"informal address in the id catalogue: {informal}"
    english_numbers = [k for k, t in texts.items()  # `code` spans are Python, where decimals take a point
                       if re.search(r"\d,\d{3}\b|\d\.\d{1,2}(?!\d)", re.sub(r"`[^`]*`", "", t))]
    assert not english_numbers, f"numbers with English separators in the id catalogue: {english_numbers}"


#: Where "rasio" is right in Indonesian: a ratio of two medians (not a rate), the lesson's ratios of the two
#: simulated strategies' figures (conversation ÷ broadcast), and the platforms' own name for CTR.
RASIO_ALLOWED = {"finding.paid", "finding.paid_counted", "paid.zero_median", "metric.click_through_rate.label",
                 *(f"lesson.sim.{key}" for key in ("interval_note", "interval_note_few", "engagement_chance",
                                                   "engagement_undecided", "engagement_unknown", "engagement_close",
                                                   "engagement_none_broadcast", "engagement_none_conversation"))}


def test_indonesian_texts_use_one_term_per_metric():
    """As in the Indonesian UIs of Meta and YouTube Studio: impressions = impresi, views = tayangan; a rate is
    "tingkat", a denominator "pembagi"; a sum of reach is never called "jangkauan total" (it is not unique people)."""
    texts = catalogue("id")
    retired = {"penayangan": r"\bpenayangan\b", "penyebut": r"\bpenyebut\b", "jangkauan total": r"jangkauan total",
               "workbook (write 'buku kerja ini')": r"\bworkbook\b",
               "total jangkauan": r"total jangkauan", "tayangan thumbnail": r"tayangan thumbnail",
               "roster (write 'daftar klien')": r"\broster\b",
               # one word for a daily series ("seri" is also a tie: "unggahan yang seri")
               "seri harian (write 'deret harian')": r"\bseri harian\b",
               "koreksi Holm (write 'penyesuaian Holm')": r"\bkoreksi\b",
               "perubahan peringkat (the chart is the 'diagram pergeseran peringkat')": r"perubahan peringkat",
               "posting ulang (a repost is 'dibagikan ulang')": r"\bposting ulang\b",
               "postingan (write 'unggahan')": r"\bpostingan\b",
               "tayangan yang terlibat": r"tayangan yang terlibat"}
    for term, pattern in retired.items():  # a {placeholder} is no word of the text ({roster}: the roster's path)
        found = [key for key, text in texts.items()
                 if re.search(pattern, re.sub(r"\{\w+\}", "", text), flags=re.IGNORECASE)]
        assert not found, f"{term!r} in the id catalogue: {found}"
    # "semua 8 unggahan" reads machine-made: "8 unggahan ... semuanya", "seluruh 8 unggahan"
    found = [key for key, text in texts.items() if re.search(r"\bsemua \{\w+\}", text)]
    assert not found, f"'semua {{count}}' in the id catalogue: {found}"
    rasio = sorted(key for key, text in texts.items() if re.search(r"\brasio\b", text, flags=re.IGNORECASE))
    assert set(rasio) <= RASIO_ALLOWED, f"'rasio' for a rate (write 'tingkat'): {sorted(set(rasio) - RASIO_ALLOWED)}"
    assert texts["metric.impressions.label"] == "impresi (atau tayangan)"
    assert texts["denominator.impressions"] == "impresi" and texts["denominator.views"] == "tayangan"
    assert texts["metric.summed_reach.label"] == "jangkauan yang dijumlahkan (bukan orang unik)"


#: Texts about YouTube's and TikTok's own exports, whose 'Views' are video views ("tayangan video"): a bare
#: "tayangan" is Meta's views, as the Definitions table names them.
VIDEO_VIEW_TEXTS = ("imports.youtube_studio.", "imports.tiktok_studio.", "imports.daily_youtube.",
                    "imports.daily_tiktok.", "coverage.thumbnails", "metric.engaged_views.", "metric.video_views.",
                    "lens.word_video_views", "replays.")


def test_indonesian_texts_call_youtube_and_tiktok_views_video_views():
    texts = catalogue("id")
    bare = [key for key, text in texts.items() if key.startswith(VIDEO_VIEW_TEXTS)
            and re.search(r"\btayangan\b(?! video)", text)]
    assert not bare, f"'tayangan' for YouTube's or TikTok's video views (write 'tayangan video'): {bare}"
    assert texts["metric.video_views.label"] == texts["lens.word_video_views"] == "tayangan video"
    assert "tayangan video" in texts["imports.youtube_studio.total_mismatch"]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_each_method_and_chart_has_one_name(language):
    """Holm's adjustment is named one way in the summary, the figures, the test tables and the glossary, and
    the rank-shift chart one way in its alt text and in the notes that say why it is not drawn."""
    texts = catalogue(language)
    holm = {key: text for key, text in texts.items() if "Holm" in text}
    named = {"en": r"Holm-adjusted|Holm adjustment", "id": r"penyesuaian Holm|disesuaikan dengan Holm"}[language]
    assert holm and all(re.search(named, text) for text in holm.values()), holm
    assert not [key for key, text in holm.items() if re.search(r"correction|koreksi", text)]
    chart = {"en": "rank-shift chart", "id": "diagram pergeseran peringkat"}[language]
    charts = ["figure.rank_alt", "figure.rank_shift_none"] + [f"figure.rank_shift_few{end}"
                                                             for end in dynamic_families()["figure.rank_shift_few"]]
    assert all(chart in texts[key].lower() for key in charts), {key: texts[key] for key in charts}
    assert not [key for key, text in texts.items() if re.search(r"slope chart|diagram perubahan", text, re.I)]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_note_after_a_name_ending_in_brackets_joins_them(language):
    """`inspect` adds "daily series" to a family's label: inside the label's own brackets where it ends in
    some, never as a second pair ("Totals.csv (total per day) (daily series)")."""
    from helpers.daily import DAILY_FAMILIES
    from helpers.importers import FAMILIES
    from helpers.paid import PAID_FAMILIES

    tr = Translator(language)
    assert tr.noted("Overview.csv", "daily series") == "Overview.csv (daily series)"
    assert tr.noted("Totals.csv (total per day)", "daily series") == "Totals.csv (total per day; daily series)"
    for family in (*FAMILIES, *DAILY_FAMILIES, *PAID_FAMILIES):
        label = tr.message(family.label)
        assert ") (" not in label and ") (" not in tr.noted(family.label, "x"), label
    assert tr.noted(Message("imports.family.daily_youtube"), tr.t("cli.inspect.daily")) == {
        "en": "YouTube Studio Totals.csv (total per day; daily series)",
        "id": "Totals.csv dari YouTube Studio (total per hari; deret harian)"}[language]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_reader_of_the_report_is_never_shown_na(language):
    """A report shows a missing value as n/a (t/a) and says "not reported" in prose: pandas' "NA" is for the
    analyst, in `inspect` (cli.*, which describes the post table) and in code (`<NA>`). An import text the report
    words its own way (report.CLIENT_WORDING) is the analyst's alone."""
    analyst = set(report.CLIENT_WORDING)
    shown = [key for key, text in catalogue(language).items()
             if not key.startswith("cli.") and key not in analyst
             and re.search(r"\bNA\b", re.sub(r"`[^`]*`", "", text))]
    assert not shown, f"'NA' in texts a client reads: {shown}"


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_negative_numbers_in_texts_take_the_sign_the_reports_numbers_show(language):
    """Tables and sentences show -0.62 with the hyphen-minus Babel writes for both locales; a text that writes
    a number itself ("from -1 to 1" in the glossary) uses the same sign. A UTC offset is a name (UTC−7)."""
    tr = Translator(language)
    assert tr.number(-1) == "-1" and tr.number(-0.62, 2).startswith("-0")
    signed = [key for key, text in catalogue(language).items() if re.search(r"(?<!UTC)\u2212\d", text)]
    assert not signed, f"a true minus sign before a number: {signed}"
    assert "-1" in tr.t("glossary.spearman.meaning")


# ------------------------------------------------------------------------------------------- keys the code uses
def test_every_literal_key_in_the_code_and_notebooks_exists_in_both_catalogues():
    literal, _, unresolved = _all_code_keys()
    assert "section.summary" in literal and "finding.best_post_also_top" in literal  # the scan does find keys
    assert not unresolved, f".t() calls whose key cannot be worked out, check them by hand: {unresolved}"
    for language in sorted(LANGUAGES):
        missing = {key: where for key, where in literal.items() if key not in catalogue(language)}
        assert not missing, f"keys used by the code but missing from the {language} catalogue: {missing}"


def test_every_key_family_built_at_run_time_is_checked():
    _, prefixes, _ = _all_code_keys()
    assert "weekday." in prefixes  # the scan does find run-time keys
    unchecked = {prefix: where for prefix, where in prefixes.items() if prefix not in dynamic_families()}
    assert not unchecked, f"keys built at run time with no entry in dynamic_families(): {unchecked}"


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_key_built_at_run_time_exists(language):
    texts = catalogue(language)
    missing = [prefix + suffix for prefix, suffixes in dynamic_families().items() for suffix in sorted(suffixes)
               if prefix + suffix not in texts]
    assert not missing, f"keys built at run time missing from the {language} catalogue: {missing}"


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_each_import_note_worded_for_the_report_takes_the_same_values(language):
    """report.client_worded fills report_note.<name> with the import note's own values: each wording has the
    note's placeholders, and keeps no instruction to the analyst ("download", "load", "check")."""
    texts = catalogue(language)
    for key, name in report.CLIENT_WORDING.items():
        assert placeholders(texts[f"report_note.{name}"]).keys() == placeholders(texts[key]).keys(), key
    instructions = (r"\b(download the export again|load this one|check (the|whether|which|these|what)|give the|add a|"
                    r"unduh ulang|muat berkas|periksa|berikan|tambahkan)\b")
    told = [name for name in report.CLIENT_WORDING.values()
            if re.search(instructions, texts[f"report_note.{name}"], flags=re.IGNORECASE)]
    assert not told, told


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_name_shown_through_a_lookup_has_a_text(language):
    """Translator.platform/format_name/metric fall back to the raw English name, so check they need not."""
    texts = catalogue(language)
    metric_names = ({name for name, _ in metrics.DEFINITIONS} | set(metrics.TOTALS) | set(metrics.RATES)
                    | set(metrics.PER_POST) | set(report.BROADCAST_KPIS) | set(report.ENGAGEMENT_KPIS)
                    | set(report.ATTENTION_KPIS) | {"reach", "impressions", "watch_time_seconds", "followers"})
    wanted = [f"platform.{p}" for p in schema.PLATFORMS] + [f"metric.{m}.label" for m in sorted(metric_names)]
    missing = [key for key in wanted if key not in texts]
    assert not missing, f"names shown in reports with no {language} text: {missing}"


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_daily_metric_the_importers_map_to_has_a_text(language):
    """A daily file's metrics are listed in the report's coverage table by Translator.metric: each one an
    importer maps to, and each organic or sponsored part of LinkedIn's, reads as a label, not a column name."""
    from helpers.importers import daily_linkedin, daily_meta, daily_tiktok, daily_x, daily_youtube

    tr = Translator(language)
    names = set(daily.METRICS)
    for mapping in (daily_meta.METRICS, daily_x.METRICS, daily_tiktok.METRICS, daily_youtube.METRICS):
        names |= set(mapping.values())
    for base in daily_linkedin.BASE_METRICS.values():
        names |= {base} | {f"{base}_{part}" for part in METRIC_PARTS}
    parts = {f"{base}_{part}" for base in daily_linkedin.BASE_METRICS.values() for part in METRIC_PARTS}
    unlabelled = sorted(name for name in names - parts if f"metric.{name}.label" not in tr.texts)
    assert not unlabelled, f"daily metrics shown by their column name in {language}: {unlabelled}"
    assert all(tr.metric(name) != name.replace("_", " ") for name in parts)
    reach = tr.texts["metric.reach.label"]
    assert tr.metric("reach_sponsored") == tr.t("metric_part.sponsored", metric=reach) != reach
    assert tr.metric("new_column") == "new column"  # an unmapped export column keeps its own name


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_format_the_importers_map_to_has_a_text(language):
    """Translator.format_name falls back to the raw English name, so each canonical format needs a text."""
    texts = catalogue(language)
    missing = [f"format.{name}" for name in sorted(_format_values()) if f"format.{name}" not in texts]
    assert not missing, f"formats the importers produce with no {language} text: {missing}"


def test_weekday_names_match_the_calendar_of_each_language():
    for language, locale in LANGUAGES.items():
        tr = Translator(language)
        cldr = get_day_names("wide", locale=locale)  # 0 = Monday
        assert [tr.t(f"weekday.{day.lower()}") for day in plots.WEEKDAYS] == [cldr[i] for i in range(7)]
    assert Translator("id").t("weekday.monday") == "Senin" and Translator("id").t("weekday.sunday") == "Minggu"


# ------------------------------------------------------------------------------------------- formatting
def test_numbers_use_each_languages_separators():
    en, id_ = Translator("en"), Translator("id")
    assert en.number(1234.5, 1) == "1,234.5"
    assert id_.number(1234.5, 1) == "1.234,5"
    assert (en.number(1234.5, 1), en.number(1234.5, 2)) == ("1,234.5", "1,234.50")  # cached per language, decimals
    assert en.number(1234567) == "1,234,567"
    assert id_.number(1234567) == "1.234.567"
    assert (en.smart_number(1.523), id_.smart_number(1.523)) == ("1.52", "1,52")
    assert (en.smart_number(12345.6), id_.smart_number(12345.6)) == ("12,346", "12.346")


def test_percentages_use_each_languages_decimal_mark():
    en, id_ = Translator("en"), Translator("id")
    assert (en.percent(0.052), id_.percent(0.052)) == ("5.2%", "5,2%")
    assert (en.percent(0.05234, 2), id_.percent(0.05234, 2)) == ("5.23%", "5,23%")
    assert (en.percent(0.25, 0), id_.percent(0.25, 0)) == ("25%", "25%")


def test_dates_use_each_languages_month_names():
    en, id_ = Translator("en"), Translator("id")
    assert en.date(dt.date(2026, 11, 26)) == id_.date(dt.date(2026, 11, 26)) == "26 November 2026"
    assert (en.date(dt.date(2026, 8, 3)), id_.date(dt.date(2026, 8, 3))) == ("3 August 2026", "3 Agustus 2026")
    late = pd.Timestamp("2026-10-05 23:30", tz="Asia/Jakarta")  # the local day, not the UTC one
    assert (en.date(late), id_.date(late)) == ("5 October 2026", "5 Oktober 2026")
    assert (en.short_date(late), id_.short_date(late)) == ("5 Oct 2026", "5 Okt 2026")


def test_rupiah_are_written_without_sen_and_other_currencies_keep_their_decimals():
    """CLDR's cash digits: IDR 0 (Indonesian business documents write no sen), USD, EUR, UAH 2. 4,734,567.50
    rounds half up to 4,734,568; 11,836.42 to 11,836."""
    en, id_ = Translator("en"), Translator("id")
    assert id_.money(4_734_567.50, "IDR") == "Rp\u00a04.734.568" and id_.money(11_836.42, "IDR") == "Rp\u00a011.836"
    assert en.money(4_734_567.50, "IDR") == "IDR\u00a04,734,568"
    assert id_.money(77_818.01, "UAH") == "UAH\u00a077.818,01" and id_.money(24.63, "USD") == "US$24,63"
    assert en.money(0.06, "EUR") == "€0.06" and en.money(-1234.5, "IDR") == "-IDR\u00a01,235"


def test_dates_and_times_in_a_message_are_written_as_the_readers_language_writes_them():
    """A day or a moment given to a Message as a date or a datetime reads like every other date of the
    report, in either language, on the moment's own clock (21:59 in Los Angeles stays 21:59)."""
    from helpers.i18n import render_value

    en, id_ = Translator("en"), Translator("id")
    day, moment = dt.date(2026, 10, 28), pd.Timestamp("2025-03-18 21:59", tz="America/Los_Angeles")
    assert (render_value(en, day), render_value(id_, day)) == ("28 October 2026", "28 Oktober 2026")
    assert (render_value(en, moment), render_value(id_, moment)) == ("18 March 2025, 21:59", "18 Maret 2025 21.59")
    assert render_value(id_, dt.datetime(2026, 10, 28, 7, 29)) == "28 Oktober 2026 07.29"
    note = Message("imports.yearless_dates.years_placed", origin="x", first=dt.date(2025, 4, 8),
                   last=dt.date(2026, 2, 1))
    assert str(note).endswith("they run from 8 April 2025 to 1 February 2026")
    assert id_.message(note).endswith("rentang tanggalnya dari 8 April 2025 hingga 1 Februari 2026")


def test_a_metric_named_in_a_note_is_its_label():
    from helpers.i18n import metric_label

    id_ = Translator("id")
    assert id_.message(metric_label("comments")) == "komentar" and str(metric_label("reach")) == "reach"
    assert id_.message(metric_label("impressions_organic")) == id_.metric("impressions_organic")
    assert metric_label("tiktok_profile_visits") == "'tiktok_profile_visits'"  # kept under its own name


def test_money_uses_each_languages_currency_format():
    en, id_ = Translator("en"), Translator("id")
    assert id_.money(1234.5, "IDR") == "Rp\u00a01.235"  # a symbol of letters is spaced from the digits
    assert en.money(1234.5, "IDR") == "IDR\u00a01,235"
    assert id_.money(77818.01, "UAH") == "UAH\u00a077.818,01"
    assert en.money(-5, "MYR") == "-MYR\u00a05.00"
    assert en.money(1234.5, "GBP") == "£1,234.50"  # a sign is not
    assert id_.money(1234.5, "EUR") == "€1.234,50"
    assert id_.money(1234.5, "USD") == "US$1.234,50"



def test_a_cost_per_person_below_one_keeps_two_significant_figures():
    """77,818.01 UAH for 1,211,188 reached accounts is 0.06425 UAH each: "UAH 0.06" would be 7% off, so a cost
    per reached person or per engagement below 1 shows two significant figures, 0.064; from 0.1 the cash
    digits already give two (0.50), and from 1 they are kept (1.23); CPM, per 1,000, keeps them always."""
    from helpers.display import metric_text

    en, id_ = Translator("en"), Translator("id")
    assert en.unit_cost(77_818.01 / 1_211_188, "UAH") == "UAH\u00a00.064"
    assert id_.unit_cost(77_818.01 / 1_211_188, "UAH") == "UAH\u00a00,064"
    assert en.unit_cost(0.00012, "USD") == "US$0.00012" and en.unit_cost(0.5, "UAH") == "UAH\u00a00.50"
    assert en.unit_cost(1.234, "UAH") == "UAH\u00a01.23" and en.unit_cost(0.996, "UAH") == "UAH\u00a01.00"
    # two significant figures, also after rounding up (0.0996 is 0.10, not 0.100), and in a currency without
    # cents below 10 (1.4 rupiah was "Rp 1", 29% off; 9.96 is 10)
    assert en.unit_cost(0.0996, "USD") == "US$0.10" and id_.unit_cost(1.4, "IDR") == "Rp\u00a01,4"
    assert id_.unit_cost(9.96, "IDR") == "Rp\u00a010" and id_.unit_cost(12.3, "IDR") == "Rp\u00a012"
    assert metric_text(en, "cost_per_reached_person", 0.0642, "UAH") == "UAH\u00a00.064"
    assert metric_text(id_, "cost_per_engagement", 0.0642) == "0,064"  # no currency known: the number alone
    assert metric_text(en, "cpm", 0.0642, "UAH") == "UAH\u00a00.06"

def test_ordinals():
    en, id_ = Translator("en"), Translator("id")
    assert [en.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 101, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "14th", "21st", "22nd", "101st", "112th"]
    assert [id_.ordinal(n) for n in (1, 14)] == ["ke-1", "ke-14"]
    sentence = id_.t("finding.best_post", platform="Instagram", rank=id_.ordinal(14), posts=id_.number(1200),
                     by=id_.t("lens.word_reach"))
    assert sentence == ("Unggahan Instagram Anda dengan jangkauan tertinggi hanya berada di peringkat ke-14 "
                        "dari 1.200 menurut interaksi.")


@pytest.mark.parametrize(("language", "na"), [("en", "n/a"), ("id", "t/a")])
def test_missing_values_are_shown_as_not_available(language, na):
    tr = Translator(language)
    assert tr.t("common.na") == na
    for missing in (None, float("nan"), pd.NA):
        assert tr.number(missing) == na
        assert tr.smart_number(missing) == na
        assert tr.percent(missing) == na
        assert tr.money(missing, "IDR") == na
    assert tr.date(pd.NaT) == na
    assert tr.number(0) == "0"  # zero is a value, not a missing one
    assert tr.number(-0.0) == tr.number(-0.001) == "0"  # no signed zero, also for what rounds to zero
    assert tr.number(-0.004, 2) == "0" + ("," if language == "id" else ".") + "00"
    assert tr.number(-0.006, 2) == "-0" + ("," if language == "id" else ".") + "01"  # not zero: keeps its sign


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_change_that_rounds_to_zero_carries_no_sign(language):
    tr = Translator(language)
    point = "," if language == "id" else "."
    assert tr.signed(tr.number(1.3e-5, 2)) == f"0{point}00"
    assert tr.signed(tr.number(-1.3e-5, 2)) == f"0{point}00"
    assert tr.signed(tr.percent(0.0004, 1)).lstrip("+-") == tr.signed(tr.percent(0.0004, 1))
    assert tr.percent(-0.0004, 1) == tr.percent(0.0, 1)
    assert tr.signed(tr.number(0.006, 2)) == f"+0{point}01"
    assert tr.signed(tr.number(-0.006, 2)) == f"-0{point}01"
    assert tr.signed(tr.percent(0.123, 1)).startswith("+12")


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_numbers_round_half_away_from_zero_as_a_spreadsheet_does(language):
    """A median of 4,714.5 reach is 4,715 in Excel; Babel alone rounds half to even (4,714, and 458.5 to 458).
    The float is taken as written: 0.285 is 0.29, though its binary value lies just below 0.285."""
    tr = Translator(language)

    def local(text):  # English digits in the language's separators
        return text.translate(str.maketrans(",.", ".,")) if language == "id" else text

    assert tr.number(4714.5) == local("4,715") and tr.number(458.5) == "459"
    assert tr.number(2.5) == "3" and tr.number(3.5) == "4" and tr.number(-2.5) == "-3"
    assert tr.number(0.285, 2) == local("0.29") and tr.number(-0.125, 2) == local("-0.13")
    assert tr.number(1234.44, 1) == local("1,234.4")  # below half: down, as before
    assert tr.percent(0.0125, 1) == local("1.3%") and tr.percent(0.125, 0) == "13%"
    assert tr.money(1234.125, "GBP").endswith(local("1,234.13")) and tr.money(2.5, "JPY").endswith("3")


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_an_estimate_that_is_not_zero_never_reads_as_zero(language):
    """An interval's bounds with the digits that show their sign and whether they touch 0: a lower bound of
    +0.0045 pp is not "0.00" beside "beyond chance", nor -0.0001 pp beside "within chance"."""
    tr = Translator(language)
    point = "," if language == "id" else "."
    assert tr.estimate(0.00449) == f"0{point}004" and tr.estimate(-0.0001) == f"-0{point}0001"
    assert tr.estimate(-0.00012) == f"-0{point}0001"  # one significant digit is enough
    assert tr.estimate(0.0096) == f"0{point}01"  # two decimals show it already
    assert tr.estimate(0.05) == f"0{point}05" and tr.estimate(0) == f"0{point}00"  # 0 is 0
    assert tr.estimate(1e-9) == f"0{point}00"  # past the cap of 4 more decimals: 0
    assert tr.estimate(0.00004, 1, percent=True) == f"0{point}004%"
    assert tr.estimate(-0.004, 0, percent=True) == f"-0{point}4%"
    assert tr.signed(tr.estimate(0.00449)) == f"+0{point}004"
    assert tr.interval(0.03, -0.0001, 0.05) == tr.t("common.interval", value=f"0{point}03",
                                                    low=f"-0{point}0001", high=f"0{point}05")
    assert tr.estimate(float("nan")) == tr.t("common.na")
    # an estimate within chance shows `decimals` alone; beyond chance, the digit that keeps it from reading 0
    assert tr.estimates(0.00001, -0.02, 0.03) == (f"0{point}00", f"-0{point}02", f"0{point}03")
    assert tr.estimates(0.004, 0.001, 0.008) == (f"0{point}004", f"0{point}001", f"0{point}01")
    assert tr.estimates(0.00001, None, None)[0] == f"0{point}00001"  # no interval: as estimate
    # a bound of +inf (a lift over an organic median 0 in many resamples) in words, not "∞"
    assert tr.interval(15, 2.8, float("inf")) == tr.t("common.interval", value=f"15{point}00", low=f"2{point}80",
                                                      high=tr.t("common.no_upper_bound"))


# ------------------------------------------------------------------------------------------- errors
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_missing_key_is_an_error_naming_key_and_language(language):
    with pytest.raises(KeyError) as raised:
        Translator(language).t("section.no_such_text")
    assert "section.no_such_text" in str(raised.value)
    assert f"{language} catalogue" in str(raised.value)


def test_an_unknown_language_is_an_error():
    with pytest.raises(WorkbookError, match="unknown language 'fr'"):
        catalogue("fr")


def test_placeholders_are_filled_in_indonesian():
    id_ = Translator("id")
    assert id_.t("change.points", points=id_.number(1.5, 2)) == "1,50 poin persentase"
    assert id_.t("common.interval", value="2", low="1", high="3") == "2 (1 hingga 3)"
    assert (id_.t("report.title", client="Kopi Senja", start=id_.date(dt.date(2026, 7, 1)),
                  end=id_.date(dt.date(2026, 10, 31)))
            == "Kopi Senja: jangkauan dan interaksi, 1 Juli 2026 hingga 31 Oktober 2026")


@pytest.mark.parametrize(("language", "expected"), [("en", "Aug 2014"), ("id", "Agu 2014")])
def test_a_date_known_to_the_month_shows_the_month_alone(language, expected):
    assert Translator(language).month(pd.Timestamp("2014-08-05")) == expected


def test_small_rates_keep_the_digits_that_tell_them_apart():
    tr = Translator("en")
    assert (tr.rate_percent(0.00060), tr.rate_percent(0.00063)) == ("0.060%", "0.063%")  # not both 0.06%
    assert tr.rate_percent(0.00035) == "0.035%" and tr.rate_percent(0.0507) == "5.07%"
    assert tr.rate_percent(float("nan")) == "n/a"


def test_a_rate_set_against_a_published_one_takes_the_digits_that_keep_them_apart():
    """A client's bound of 0.1518% beside a published 0.15% reads 0.152%, not 0.15% (its verdict says the
    interval lies above 0.15%); 0.1504% needs four decimals (0.150% is the published figure too); a rate that
    is the published one, or that rounds apart from it anyway, keeps rate_percent's usual digits."""
    from helpers.i18n import estimate_decimals

    tr = Translator("en")
    assert tr.rate_percent(0.001518, 0.0015) == "0.152%" and tr.rate_percent(0.001518) == "0.15%"
    assert tr.rate_percent(0.001504, 0.0015) == "0.1504%" and tr.rate_percent(0.001496, 0.0015) == "0.1496%"
    assert tr.rate_percent(0.0015, 0.0015) == "0.15%" and tr.rate_percent(0.002118, 0.0015) == "0.21%"
    assert tr.rate_percent(0.000634, 0.00063) == "0.0634%" and tr.rate_percent(0.000634, float("nan")) == "0.063%"
    assert Translator("id").rate_percent(0.001518, 0.0015) == "0,152%"
    # reference 0 (the default) is the estimates' rule as before: 0.004 beside 0.08, -0.0001 beside 0.05
    assert estimate_decimals(0.004, 2) == 3 and estimate_decimals(-0.0001, 2) == 4
    assert estimate_decimals(1.0004, 2, reference=1.0) == 4 and estimate_decimals(1.02, 2, reference=1.0) == 2


def test_english_nouns_after_a_count_of_one_are_singular():
    en, id_ = Translator("en"), Translator("id")
    assert en.t("coverage.day_precision", platform="X", count="1").startswith("X: 1 post carries a publish date")
    assert en.t("coverage.day_precision", platform="X", count="2").startswith("X: 2 posts carry a publish date")
    assert en.t("coverage.day_precision", platform="X", count="11").startswith("X: 11 posts carry")
    assert id_.t("coverage.day_precision", platform="X", count="1") == id_.texts["coverage.day_precision"].format(
        platform="X", count="1")  # Indonesian nouns and verbs do not change


@pytest.mark.parametrize("key, values, one, two", [
    ("imports.reading.short_rows", dict(columns=17, rows="row 3 has only 10"),
     "1 row has fewer cells than the header's 17", "2 rows have fewer cells than the header's 17"),
    ("imports.meta_business_suite.outside_named_period", dict(start="a", end="b", row=4, value="v", read="r"),
     "1 post has a publish time outside", "2 posts have a publish time outside"),
    ("imports.quality.reach_above_impressions", dict(rows="rows 2"),
     "1 post reports reach above impressions/views", "2 posts report reach above impressions/views"),
    ("imports.quality.negative", dict(metric="reach", rows="rows 2"),
     "1 negative value in reach (rows 2)", "2 negative values in reach (rows 2)"),
    ("imports.importers.repeated_post_id_differs", dict(posts="p"),
     "1 post id appears in more than one row", "2 post ids appear in more than one row"),
    ("imports.x_tweet_activity.id_not_in_link", dict(link_column="l", value="v", link="k"),
     "1 post id differs from the id at the end", "2 post ids differ from the id at the end"),
    ("imports.importers.repeated_post_id", {}, "1 row repeats a post id", "2 rows repeat a post id"),
    ("imports.values.mark_unknown", dict(separator=",", value="1,500"),
     "1 cell reads 1000 times larger", "2 cells read 1000 times larger"),
    ("imports.values.not_dates", dict(value="'x'"), "1 cell cannot be read as a date; first: 'x'",
     "2 cells cannot be read as a date; first: 'x'"),
    ("imports.meta_ads_manager.rows_without_breakdown", {},
     "apart from the first row, 1 row has no breakdown value", "apart from the first row, 2 rows have no breakdown value"),
    ("imports.mapped_csv.problems", dict(problems=""), "the column mapping has 1 problem:",
     "the column mapping has 2 problems:"),
    ("imports.sources.archive_extracted", dict(files="a.csv"),
     "a zip archive already extracted into its folder: its 1 export file is read from there (a.csv)",
     "a zip archive already extracted into its folder: its 2 export files are read from there (a.csv)"),
    ("imports.importers.repeated_rows_differ", dict(kept=9, others="4", columns="reach"),
     "row 9 (kept) differs from 1 other row (4) in reach", "row 9 (kept) differs from 2 other rows (4) in reach"),
    ("error.parameters", dict(notebook="report.ipynb", unknown="x", declared="y"),
     "report.ipynb is given 1 parameter it does not declare (x)", "report.ipynb is given 2 parameters it does not"),
    ("imports.daily_common.negative", dict(metric="Followers", row=3),
     "Followers is negative on 1 day (first: row 3)", "Followers is negative on 2 days (first: row 3)"),
])
def test_english_texts_agree_with_a_count_of_one_or_more(key, values, one, two):
    """Texts once written "row(s)": the noun and its verb agree with the count, as a Message and through t."""
    assert str(Message(key, count=1, **values)).startswith(one)
    assert Translator("en").t(key, count="2", **values).startswith(two)


@pytest.mark.parametrize("failed, total, expected", [
    (1, 1, "1 of 1 report failed:"), (1, 3, "1 of 3 reports failed:"), (2, 3, "2 of 3 reports failed:")])
def test_a_part_of_a_total_takes_the_totals_noun(failed, total, expected):
    assert Translator("en").t("cli.failed", failed=failed, total=total, clients="a", folder="f").startswith(expected)


def test_a_verb_after_a_part_of_a_total_agrees_with_the_part():
    """"{count} of {posts} posts are": the noun counts {posts}, the verb {count}."""
    en = Translator("en")
    assert en.t("figure.scatter_left_out", count=1, posts=5, by="reach").startswith(" (1 of 5 posts is not drawn")
    assert en.t("figure.scatter_left_out", count=2, posts=5, by="reach").startswith(" (2 of 5 posts are not drawn")
    assert en.t("figure.scatter_left_out", count=1, posts=1, by="reach").startswith(" (1 of 1 post is not drawn")


def test_the_progress_bar_counts_its_workers():
    en = Translator("en")
    assert en.t("cli.progress.bar", done=0, total=3, running=1, workers=1) == "0/3 done, 1 running on 1 worker"
    assert en.t("cli.progress.bar", done=0, total=3, running=2, workers=2) == "0/3 done, 2 running on 2 workers"


def test_a_span_of_one_day_is_written_as_that_day():
    """'from 29 March 2025 to 29 March 2025' reads 'on 29 March 2025' (Indonesian 'pada 29 Maret 2025'),
    wherever a text writes a span of days from its two ends; two days stay a span, equal counts stay counts."""
    day, next_day = dt.date(2025, 3, 29), dt.date(2025, 3, 30)
    en, id_ = Translator("en"), Translator("id")
    placed = Message("imports.yearless_dates.years_placed", origin="the file's name", first=day, last=day)
    assert placed == "the dates have no year: took it from the file's name; they run on 29 March 2025"
    assert id_.message(placed).endswith("rentang tanggalnya pada 29 Maret 2025")
    assert Message("imports.report.no_posts", client="Acme", start=day, end=day, count=3).startswith(
        "no posts for Acme on 29 March 2025: the exports hold 3 posts.")
    assert id_.message(Message("imports.explore.period_between", start=day, end=day)) == "pada 29 Maret 2025"
    assert en.t("cli.inspect.period_text", first=en.date(day), last=en.date(day)) == "29 March 2025"
    assert id_.t("cli.inspect.period_text", first=id_.date(day), last=id_.date(day)) == "29 Maret 2025"
    assert en.t("common.comparison_period_dated", start=en.date(day), end=en.date(day)) == \
        "the comparison period (29 March 2025)"
    assert en.t("cli.inspect.period_text", first=en.date(day), last=en.date(next_day)) == \
        "29 March 2025 to 30 March 2025"
    assert Message("imports.explore.period_between", start=day, end=next_day) == \
        "between 29 March 2025 and 30 March 2025"
    assert en.t("common.interval", value="3", low="3", high="3") == "3 (3 to 3)"  # numbers, not days
    assert en.t("followers.growth", platform="X", start="1,200", end="1,200", change="0") == \
        "On X, followers went from 1,200 to 1,200 over the period (0)."


def test_a_sentence_referring_back_to_a_span_of_one_day_says_that_day():
    """quiet.finding of 29 March to 29 March 2025 read "on 29 March 2025, and the X exports cover these days"
    (Indonesian "hari-hari ini"): a span that is one day takes its text's one-day sibling, "that day" ("hari
    tersebut"); two days keep "these days". Only the span the sibling writes as one day chooses it: a period of
    two days whose loaded posts run on one day is still "these days"."""
    day, next_day = dt.date(2025, 3, 29), dt.date(2025, 3, 30)
    en, id_ = Translator("en"), Translator("id")
    values = {"client": "Acme", "platform": "X"}
    assert en.t("quiet.finding", start=en.date(day), end=en.date(day), **values) == (
        "Acme published no posts on X on 29 March 2025, and the X exports cover that day: the account published"
        " nothing then, which is no gap in the data.")
    assert id_.t("quiet.finding", start=id_.date(day), end=id_.date(day), **values).startswith(
        "Acme tidak memublikasikan unggahan di X pada 29 Maret 2025, dan ekspor X mencakup hari tersebut:")
    assert "cover these days" in en.t("quiet.finding", start=en.date(day), end=en.date(next_day), **values)
    assert "exports named for that day" in en.t("quiet.finding_empty", start=en.date(day), end=en.date(day), **values)
    side = {"client": "Acme", "covers": "C", "side": "Reach.csv"}
    one_day = Message("imports.explore.report_no_posts_side", start=day, end=day, first=day, last=next_day, **side)
    assert one_day.startswith("no posts for Acme on 29 March 2025: C; figures of that day are in Reach.csv,")
    assert "angka untuk hari tersebut" in id_.message(one_day)
    posts_one_day = Message("imports.explore.report_no_posts_side", start=day, end=next_day, first=day, last=day,
                            **side)
    assert "figures of these days" in posts_one_day and "the loaded posts are dated 29 March 2025 (" in posts_one_day
    assert "unggahan yang dimuat bertanggal 29 Maret 2025 (" in id_.message(posts_one_day)
    twice = Message("imports.paid.double_delivery", file="b.csv", first=day, last=day, theirs="Region", ours="none")
    assert twice == ("b.csv covers the same account on a day this file covers too (29 March 2025; that file's"
                     " breakdown: Region; this file's: none): the two files describe the delivery of that day twice;"
                     " summarise them separately (filter on source_file)")
    assert "those days twice" in Message("imports.paid.double_delivery", file="b.csv", first=day, last=next_day,
                                         theirs="Region", ours="none")
    assert "do not cover that day (X)" in Message("imports.report.quiet_unseen", client="Acme", start=day, end=day,
                                                   platforms="X")


def test_every_text_referring_back_to_its_span_of_days_has_a_one_day_sibling():
    """A text holding a span of days and "these days" or "those days" has a sibling for one day (i18n.SINGLE_DAY),
    in both catalogues, which writes the span as one day (it names the span's first end, not its last) or, where
    the days referred to are named apart ({period}), is chosen by its caller (single_day_suffix). Every sibling
    belongs to a text. followers.growth_days' "those days" are the days of two follower totals, never one, and
    its "{start_day} to {end}" joins a day and a count."""
    from helpers.i18n import SINGLE_DAY, _spans_of_days

    texts = catalogue("en")
    referring = [key for key, text in texts.items() if not key.endswith(SINGLE_DAY)
                 and any(_spans_of_days(text, "en")) and re.search(r"\b(these|those) days\b", text)
                 and key != "followers.growth_days"]
    assert "quiet.finding" in referring and "imports.explore.daily_not_covered" in referring
    assert not [key for key in referring if key + SINGLE_DAY not in texts]
    for language in sorted(LANGUAGES):
        siblings = [key for key in catalogue(language) if key.endswith(SINGLE_DAY)]
        assert not [key for key in siblings if key.removesuffix(SINGLE_DAY) not in catalogue(language)]
    assert not [key for key in texts if key.endswith(SINGLE_DAY) and re.search(r"\b(these|those) days\b", texts[key])]


def test_no_english_text_writes_a_plural_as_s_in_brackets():
    """"row(s)" reads as a form, not a sentence: a text says "rows", which reads "1 row" for one
    (singular_after_one)."""
    bracketed = {key: text for key, text in catalogue("en").items() if re.search(r"\w\(s\)", text)}
    assert not bracketed


@pytest.mark.parametrize("language, items, expected", [
    ("en", [], ""), ("en", ["Facebook"], "Facebook"), ("en", ["Facebook", "X"], "Facebook and X"),
    ("en", ["Facebook", "Instagram", "TikTok"], "Facebook, Instagram and TikTok"),
    ("id", [], ""), ("id", ["Facebook"], "Facebook"), ("id", ["Facebook", "X"], "Facebook dan X"),
    ("id", ["Facebook", "Instagram", "TikTok"], "Facebook, Instagram, dan TikTok"),
    ("en", iter(["a", "b", "c", "d"]), "a, b, c and d"),
])
def test_a_list_in_a_sentence_ends_with_the_languages_and(language, items, expected):
    """English writes no comma before "and"; Indonesian writes one before "dan" from three items on, as each
    catalogue's own lists do."""
    assert Translator(language).join(items) == expected


@pytest.mark.parametrize("language, items, expected", [
    ("en", ["saves"], "saves"), ("en", ["saves", "spend"], "saves or spend"),
    ("en", ["saves", "followers", "spend"], "saves, followers or spend"),
    ("id", ["pengikut", "biaya"], "pengikut atau biaya"),
    ("id", ["jumlah disimpan", "pengikut", "biaya"], "jumlah disimpan, pengikut, atau biaya"),
])
def test_alternatives_after_a_negation_are_joined_by_or(language, items, expected):
    """"No export reports saves, followers or spend": after a negation the items are alternatives."""
    assert Translator(language).join(items, alternatives=True) == expected


@pytest.mark.parametrize("written, code", [("en", "en"), ("ID", "id"), ("  Id\t", "id"), ("Bahasa Indonesia", "id"),
                                          ("bahasa", "id"), ("ENGLISH", "en"), ("Bahasa Inggris", "en"),
                                          ("fr", None), ("", None), (None, None), (1, None), ("indonesiA x", None),
                                          ("id-ID", "id"), ("EN_gb", "en"), ("fr-FR", None), ("id-", None)])
def test_a_language_is_named_by_its_code_in_any_case_or_by_its_name(written, code):
    assert language_code(written) == code


@pytest.mark.parametrize("written, meant", [("in", "id"), ("IND", "id"), (" ina ", "id"), ("indones", "id"),
                                            ("Bahasa_Indonesia", "id"), ("eng", "en"), ("Inggirs", "en"),
                                            ("fr", None), ("e", None), ("de", None), (5, None)])
def test_a_language_written_another_way_is_given_the_code_it_likely_means(written, meant):
    """What a refusal suggests (language_code reads none of these): 'in' is Indonesian's code before 1989,
    'ind' and 'eng' ISO 639-2's; 'in' begins both 'indonesia' and 'inggris', but is a code of its own."""
    assert language_code(written) is None and language_meant(written) == meant


def test_a_translator_reads_a_language_by_its_name_or_in_capitals_and_refuses_others():
    assert Translator("Bahasa Indonesia").language == "id" and Translator("ID").percent(0.1234, 2) == "12,34%"
    with pytest.raises(WorkbookError, match="unknown language 'fr'; available: en, id"):
        Translator("fr")


def test_the_explorers_english_summary_labels_are_channel_summarys_own():
    """summary_view shows each row of metrics.channel_summary under a catalogue label; in English the label
    is the row's own name (its `.data` keeps those), so the two must not drift apart."""
    from helpers.metrics import SUMMARY_ROWS

    english = Translator("en")
    for label, kpi, field in SUMMARY_ROWS:
        assert english.t(f"imports.explore.summary_row.{kpi}.{field}", counted="impressions") == label


@pytest.mark.parametrize("platform, language, expected", [
    ("linkedin", "en", ["impressions", "impressions: organic", "impressions: sponsored", "reach: organic"]),
    ("x", "id", ["impresi", "impresi: organik", "impresi: bersponsor", "jangkauan: organik"]),
    ("youtube", "en", ["thumbnail impressions", "thumbnail impressions: organic", "thumbnail impressions: sponsored",
                       "reach: organic"])])
def test_a_daily_series_impressions_take_their_platforms_word(platform, language, expected):
    """A daily series' impressions are named by what its platform counts, not by the post table's
    'impressions (or views)', which holds Meta's views too; other metrics keep their labels."""
    from helpers.daily import series_impressions_kind

    tr = Translator(language)
    word = tr.t(f"imports.quality.kinds_{series_impressions_kind(platform)}")
    names = ["impressions", "impressions_organic", "impressions_sponsored", "reach_organic"]
    assert [tr.metric(name, impressions=word) for name in names] == expected
    assert tr.metric("impressions") == {"en": "impressions (or views)", "id": "impresi (atau tayangan)"}[language]


def test_views_videos_and_times_agree_with_one():
    """A YouTube export of one video whose Total row differs: "counts 1 view; the 1 imported video sums to 1
    view", not "1 views ... 1 imported videos sum"."""
    tr = Translator("en")
    assert tr.t("imports.youtube_studio.total_mismatch", total="1", videos="1", listed="1").startswith(
        "the file's Total row counts 1 view; the 1 imported video sums to 1 view (")
    assert tr.t("imports.youtube_studio.total_mismatch", total="5", videos="2", listed="4").startswith(
        "the file's Total row counts 5 views; the 2 imported videos sum to 4 views (")


def test_quoted_values_are_their_repr_cut_to_80_characters():
    assert [quoted("abc"), quoted(" en"), quoted(7), quoted({"b": 1, "a": [1, 2]})] == [
        "'abc'", "' en'", "7", "{'b': 1, 'a': [1, 2]}"]  # a mapping in its own order, as repr writes it
    assert quoted("x" * 78) == "'" + "x" * 78 + "'"  # 80 characters: whole
    assert quoted("x" * 50_000) == "'" + "x" * 78 + "…"
    nested = ["lol"] * 9
    for _ in range(7):  # 9 ** 8 texts, one list of 9 shared at each level: its whole repr holds 300 million characters
        nested = [nested] * 9
    assert quoted(nested) == "[[[[[...], [...], [...], [...], [...], [...], [...], [...], [...]], [[...], [..…"
    assert quoted(list(range(100))) == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...]"


def test_columns_that_are_no_metric_are_named_by_their_labels():
    from helpers.i18n import metric_label

    assert [Translator(lang).message(metric_label("published_at")) for lang in ("en", "id")] == [
        "publish time", "waktu publikasi"]
    assert Translator("id").message(metric_label("text")) == "teks unggahan"
    assert metric_label("reach") == "reach" and metric_label("made_up_column") == "'made_up_column'"


def test_a_path_is_shown_as_typed_on_one_line():
    """One backslash stays one (repr doubles it), and the line break and tab that a "\\n" or "\\t" in double
    quotes made of a typed path are shown as typed again, not breaking the message over lines."""
    from helpers.i18n import as_typed, terminal_safe

    assert as_typed("C:\\Users\\me\\a.csv") == "C:\\Users\\me\\a.csv"
    assert as_typed("D:\new\test.csv") == "D:\\new\\test.csv"
    assert as_typed("a\x1bb") == "a\\x1bb"
    assert terminal_safe("a\nb\tc\x1b") == "a\nb\tc\\x1b"  # a message's own lines are kept


def test_indonesian_wording_of_denominators_day_counts_and_a_file_with_no_row_kept():
    """A rate's denominator is its "pembagi"; the period's day count is said as the period's own ("periode ini
    berisi 31 hari"), not as "dari 31 hari periode ini" after another "dari"; a file none of whose rows is kept
    says so first, then the whole file's span, where inspect puts its time zone."""
    id_ = Translator("id")
    assert id_.t("imports.compare.hint_rate_for_x", rate="'a'", x="'reach'") == \
        "Berikan rate='a', yang pembaginya 'reach'"
    assert id_.t("imports.compare.rate_not_of_x", what="w", x="'reach'", rate="'r'", denominator="'impressions'",
                 hint="H").startswith("w diberi x='reach' dan rate='r', yang pembaginya 'impressions', bukan 'reach':")
    assert "beserta tingkat yang pembaginya hitungan itu (rate=" in id_.t("imports.compare.hint_rate", reported="R")
    assert id_.t("imports.explore.growth_days_series", days="3", series_days="5", period_days="31") == \
        "3 dari 5 hari yang dicakup deretnya (periode ini berisi 31 hari)"
    assert id_.t("imports.explore.growth_days_series_one", days="1", period_days="31") == \
        "1 dari satu hari yang dicakup deretnya (periode ini berisi 31 hari)"
    whole = {"file_first": "1 Mei 2025", "file_last": "3 Mei 2025"}
    assert id_.t("cli.inspect.period_none_kept", **whole) == \
        "tidak satu pun barisnya dipertahankan; seluruh berkas: 1 Mei 2025 hingga 3 Mei 2025"
    assert Translator("en").t("cli.inspect.period_none_kept", file_first="1 May 2025", file_last="3 May 2025") == \
        "none of its rows kept; whole file: 1 May 2025 to 3 May 2025"
