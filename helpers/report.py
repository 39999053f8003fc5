"""Everything the client report shows, computed once from the parameters: load → metrics → comparisons.

The report notebook calls `build_report` and then only displays parts of the result, so the notebook
holds no logic and an analyst can build the same object in a notebook of their own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import compare, metrics, narrative, plots
from .errors import WorkbookError
from .importers import ImportResult, import_exports


@dataclass
class Report:
    client: str
    client_name: str
    period_start: pd.Timestamp
    period_end: pd.Timestamp
    top_n: int
    imported: ImportResult
    posts: pd.DataFrame  # canonical posts inside the period, with per-post metrics
    outside_period: int
    summary: pd.DataFrame
    agreement: pd.DataFrame
    overlaps: dict[str, dict] = field(default_factory=dict)
    ranks: pd.DataFrame = field(default_factory=pd.DataFrame)
    formats: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def platforms(self) -> list[str]:
        return sorted(self.posts["platform"].unique())

    @property
    def title(self) -> str:
        return (f"{self.client_name}: reach and engagement, "
                f"{self.period_start:%d %B %Y} to {self.period_end:%d %B %Y}")

    def findings(self) -> list[str]:
        """The summary: sentences written from the numbers shown further down."""
        lines = [narrative.coverage_sentence(self.posts)]
        for platform in self.platforms:
            lines.append(narrative.best_post_rank_sentence(platform, self.ranks))
            lines.append(narrative.overlap_sentence(platform, self.overlaps[platform]))
            lines.append(narrative.rank_agreement_sentence(platform, self.agreement.loc[platform]))
            lines.append(narrative.format_sentence(platform, self.formats[platform]))
        return lines

    def divergent_posts(self, platform: str) -> pd.DataFrame:
        """The posts on top by reach but not by interactions, and the reverse, with both ranks."""
        overlap = self.overlaps[platform]
        ranks = self.ranks
        rows = []
        for label, index in (("top by reach only", overlap["top_a_only"]),
                             ("top by interactions only", overlap["top_b_only"])):
            for i in index:
                post = self.posts.loc[i]
                rows.append({
                    "lens": label, "published": f"{post['published_at']:%d %b %Y}", "format": post["format"],
                    "reach": post["reach"], "interactions": _whole(post["interactions"]),
                    "rank by reach": ranks.loc[i, "rank by reach"],
                    "rank by interactions": ranks.loc[i, "rank by interactions"],
                    "engagement rate by reach": post["engagement_rate_by_reach"], "text": post["text"],
                })
        return pd.DataFrame(rows)

    def summary_table(self) -> pd.DataFrame:
        """The per-channel summary as text for display: counts whole, rates as percentages, 'n/a' for NA."""
        shown = {}
        for column in self.summary.columns:
            values = self.summary[column]
            if column.startswith("ER "):
                shown[column] = values.map(narrative.percent)
            elif column.startswith(("frequency", "conversation", "amplification", "applause")):
                shown[column] = values.map(lambda v: "n/a" if pd.isna(v) else f"{v:,.2f}")
            elif pd.api.types.is_numeric_dtype(values):
                shown[column] = values.map(lambda v: "n/a" if pd.isna(v) else f"{v:,.0f}")
            else:
                shown[column] = values
        return pd.DataFrame(shown, index=self.summary.index).T

    def definitions(self) -> pd.DataFrame:
        return pd.DataFrame([{"metric": d.label, "formula": d.formula, "lens": d.lens, "source": d.source,
                              "caveat": d.caveat} for d in metrics.DEFINITIONS.values()])

    def coverage_notes(self) -> list[str]:
        """What the data covers and what it cannot say: period, gaps, import warnings, series breaks."""
        notes = [narrative.coverage_sentence(self.posts)]
        if self.outside_period:
            notes.append(f"{self.outside_period} post(s) in the exports fall outside the period and are left out.")
        notes += narrative.not_reported(self.posts, ("reach", "impressions", "reactions", "comments", "shares",
                                                     "saves", "clicks"))
        for platform, group in self.posts.groupby("platform"):
            kinds = group["impressions_kind"].dropna().unique()
            if len(kinds) > 1:
                notes.append(f"{platform}: some posts report impressions and others views (which count repeat"
                             " views): frequency and rates by impressions are not comparable across them.")
            elif len(kinds) == 1 and kinds[0] == "views":
                notes.append(f"{platform}: the exports report views (repeat views counted), not impressions;"
                             " 'impressions' figures in this report are views.")
        notes += self.imported.warnings()
        return notes

    # figures: each returns (figure, alt text, caption)
    def figure_reach_vs_interactions(self):
        lead = "; ".join(f"{p} ρ = {self.agreement.loc[p, 'rho']:.2f}" for p in self.platforms
                         if pd.notna(self.agreement.loc[p, "rho"]))
        title = f"More reach brings more interactions, but not in step ({lead})" if lead else \
            "Reach against interactions"
        fig = plots.reach_vs_interactions(self.posts, title)
        alt = (f"Scatter plot of reach against interactions per post on log scales, {len(self.posts)} posts. "
               + " ".join(narrative.rank_agreement_sentence(p, self.agreement.loc[p]) for p in self.platforms))
        return fig, alt

    def figure_rank_shift(self, platform: str):
        sentence = narrative.overlap_sentence(platform, self.overlaps[platform])
        fig = plots.rank_shift(self.posts, platform, self.top_n, sentence)
        alt = (f"Slope chart: the {self.top_n} most-reached {platform} posts on the left, their rank by"
               f" interactions on the right. {sentence}")
        return fig, alt

    def figure_formats(self, platform: str):
        sentence = narrative.format_sentence(platform, self.formats[platform])
        fig = plots.formats_under_both_lenses(self.posts[self.posts["platform"] == platform], sentence)
        alt = f"Box plots of reach and engagement rate by reach per {platform} format. {sentence}"
        return fig, alt


def _whole(value):
    """A count held as a float (sums of nullable columns) shown as a whole number; NA stays NA."""
    return pd.NA if pd.isna(value) else int(value)


def build_report(*, client: str, client_name: str, exports, timezone: str, period_start: str,
                 period_end: str, comparison_start: str | None = None, comparison_end: str | None = None,
                 top_n: int = 10, language: str = "en", currency: str = "USD", brand_name: str = "",
                 accent_colour: str = "#0072B2", logo: str = "", benchmark_industry: str = "all industries",
                 year: int | None = None) -> Report:
    """Load the client's exports, keep the period, and compute both lenses and their comparison."""
    start = pd.Timestamp(period_start).tz_localize(timezone)
    end = pd.Timestamp(period_end).tz_localize(timezone) + pd.Timedelta(days=1)  # the end day is included
    if end <= start:
        raise WorkbookError(f"period_end {period_end} is before period_start {period_start}")
    if int(top_n) < 1:
        raise WorkbookError(f"top_n must be at least 1, not {top_n}")
    options = {"year": year} if year else {}
    imported = import_exports(exports, client=client, timezone=timezone, **options)
    every = imported.posts
    inside = every["published_at"].ge(start) & every["published_at"].lt(end)
    posts = metrics.post_metrics(every[inside])
    if posts.empty:
        raise WorkbookError(
            f"no posts for {client_name} between {period_start} and {period_end}: the exports hold "
            f"{len(every)} posts" + (f" from {every['published_at'].min():%Y-%m-%d} to"
                                     f" {every['published_at'].max():%Y-%m-%d}" if len(every) else "")
            + ". Check the period in the roster or add the exports that cover it.")
    report = Report(
        client=client, client_name=client_name, period_start=start, period_end=end - pd.Timedelta(days=1),
        top_n=int(top_n), imported=imported, posts=posts, outside_period=int((~inside).sum()),
        summary=metrics.channel_summary(posts), agreement=compare.rank_agreement(posts),
        ranks=compare.rank_table(posts),
    )
    for platform in report.platforms:
        mine = posts[posts["platform"] == platform]
        report.overlaps[platform] = compare.top_n_overlap(mine, report.top_n)
        report.formats[platform] = plots.format_table(mine)
    return report
