"""HTML that is safe to send: nothing that runs, nothing loaded from elsewhere, text checked for leaks.

A client report is opened by people outside the consultancy, so it must not run code (no <script>, no
event-handler attributes, no `javascript:` links) and must not load anything from the network (which
would tell a third party who opened it). `live_content` lists what would run or load; `sanitize`
rewrites a whole document without it (the exporter's own template scripts: MathJax, require.js, mermaid
from a CDN, which the report does not need). `visible_text` is what a reader can see or a tool can read
(text and attribute values, embedded images left out), for the leak checks.

What `live_content` finds is a list of Messages (keys cli.live.*), so a render run with --language id names
the problem in Bahasa Indonesia; as str each reads as the English text.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .i18n import Message

#: Elements that run code, embed another document, or send data somewhere: dropped with their content.
DROPPED_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
                    "portal", "noscript", "template"}
#: Attributes whose value is a URL.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data",
                  "srcset", "cite", "ping", "manifest", "codebase", "lowsrc", "dynsrc"}
#: The only URLs a report may hold in an attribute that loads something: embedded images.
EMBEDDED_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]*$", re.I)
SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|livescript)\s*:", re.I)
_CONTROL = re.compile(r"[\x00-\x20]+")
VOID_ELEMENTS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
                 "param", "keygen"}
#: Attribute values longer than this are not read for text (they are embedded images).
DATA_URI = re.compile(r"data:[a-z0-9.+/-]+;base64,[A-Za-z0-9+/=]+", re.I)


def _is_script_url(value: str) -> bool:
    """`javascript:` in any disguise browsers accept (tabs, line breaks and controls inside the scheme)."""
    return bool(SCRIPT_URL.match(_CONTROL.sub("", html.unescape(value or ""))))


def _loads_remote(tag: str, name: str, value: str, attrs: dict) -> bool:
    """An attribute that makes the browser fetch something that is not embedded in the file."""
    value = (value or "").strip()
    if name in ("src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc", "xlink:href", "codebase",
                "manifest"):
        return bool(value) and not EMBEDDED_IMAGE.match(value) and not value.startswith("#")
    if name == "href" and tag == "link":
        return bool(value) and not EMBEDDED_IMAGE.match(value)
    if name == "content" and tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
        return True
    return False


class _Scanner(HTMLParser):
    """Walks a document; records what would run or load, and optionally re-writes it without that."""

    def __init__(self, rewrite: bool):
        super().__init__(convert_charrefs=True)
        self.rewrite = rewrite
        self.problems: list[Message] = []
        self.out: list[str] = []
        self.skip_depth = 0  # inside a dropped element
        self.skip_tag = ""
        self.raw_text = False  # inside <style>: content is not escaped

    # --- recording -------------------------------------------------------------------------------
    def _problem(self, text: Message) -> None:
        if text not in self.problems:
            self.problems.append(text)

    def _clean_attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        kept = []
        mapping = {k.lower(): (v or "") for k, v in attrs}
        for name, value in attrs:
            lname = name.lower()
            if lname.startswith("on"):
                self._problem(Message("cli.live.event_handler", tag=tag, name=lname))
                continue
            if lname in URL_ATTRIBUTES and _is_script_url(value or ""):
                self._problem(Message("cli.live.script_url", tag=tag, name=lname))
                continue
            if _loads_remote(tag, lname, value or "", mapping):
                self._problem(Message("cli.live.remote", tag=tag, url=repr((value or "")[:80])))
                continue
            if lname == "style" and value and re.search(r"url\s*\(|expression\s*\(|@import", value, re.I):
                self._problem(Message("cli.live.style_attribute", tag=tag))
                continue
            kept.append((name, value))
        return kept

    @staticmethod
    def _tag_text(tag: str, attrs: list[tuple[str, str | None]], close: bool = False) -> str:
        parts = [tag]
        for name, value in attrs:
            parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
        return "<" + " ".join(parts) + (" />" if close else ">")

    # --- parser callbacks ------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag in DROPPED_ELEMENTS:
            self._problem(Message("cli.live.element", tag=tag))
            if tag not in VOID_ELEMENTS:
                self.skip_depth, self.skip_tag = 1, tag
            return
        kept = self._clean_attrs(tag, attrs)
        if tag == "link" and len(kept) < len(attrs):
            return  # a stylesheet or icon from elsewhere: drop the whole element
        if tag == "meta" and any(k.lower() == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs):
            return
        self.out.append(self._tag_text(tag, kept))
        if tag == "style":
            self.raw_text = True

    def handle_startendtag(self, tag, attrs):
        if self.skip_depth:
            return
        if tag in DROPPED_ELEMENTS:
            self._problem(Message("cli.live.element", tag=tag))
            return
        kept = self._clean_attrs(tag, attrs)
        if tag == "link" and len(kept) < len(attrs):
            return
        self.out.append(self._tag_text(tag, kept, close=True))

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth -= 1
            return
        if tag in DROPPED_ELEMENTS:
            return
        if tag == "style":
            self.raw_text = False
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skip_depth:
            return
        if self.raw_text:
            if re.search(r"@import|url\s*\(\s*['\"]?\s*(https?:|//|javascript:)", data, re.I):
                self._problem(Message("cli.live.stylesheet"))
                data = re.sub(r"@import[^;]*;", "", data, flags=re.I)
                data = re.sub(r"url\s*\(\s*['\"]?\s*(https?:|//|javascript:)[^)]*\)", "none", data, flags=re.I)
            self.out.append(data)
        else:
            self.out.append(html.escape(data, quote=False))

    def handle_decl(self, decl):
        if decl.lower().startswith("doctype"):
            self.out.append(f"<!{decl}>")

    def handle_comment(self, data):
        pass  # comments are dropped (conditional comments could carry markup)

    def unknown_decl(self, data):
        pass  # <![CDATA[...]]> in inline SVG: dropped

    def handle_pi(self, data):
        pass


def live_content(document: str) -> list[Message]:
    """Everything in `document` that would run code or load something from outside the file, each a Message
    (English as str) that the renderer shows in the command's language."""
    scanner = _Scanner(rewrite=False)
    scanner.feed(document)
    scanner.close()
    return scanner.problems


def sanitize(document: str) -> str:
    """`document` without scripts, event handlers, `javascript:` URLs, embedded frames and remote loads."""
    scanner = _Scanner(rewrite=True)
    scanner.feed(document)
    scanner.close()
    return "".join(scanner.out)


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.hidden += 1
        for _name, value in attrs:
            if value and not value.lower().startswith("data:"):
                self.parts.append(value)

    def handle_startendtag(self, tag, attrs):
        for _name, value in attrs:
            if value and not value.lower().startswith("data:"):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


#: A word-break opportunity (display.breakable puts them into long words: file names, joined post ids).
WORD_BREAKS = re.compile(r"<wbr\s*/?>", re.IGNORECASE)


def without_word_breaks(document: str) -> str:
    """The document with its <wbr> removed: a long word reads whole again, as the reader sees it. The checks
    of what a report holds (a path of the machine, another client's post id) read this, so a break point
    inside a word cannot hide it."""
    return WORD_BREAKS.sub("", document)


def visible_text(document: str) -> str:
    """The text a reader sees plus attribute values (alt text, titles, links), without embedded images
    or stylesheets, entities decoded, words split by <wbr> whole (without_word_breaks): what the leak checks
    read."""
    collector = _TextCollector()
    collector.feed(DATA_URI.sub("data:", without_word_breaks(document)))
    collector.close()
    return "\n".join(collector.parts)
