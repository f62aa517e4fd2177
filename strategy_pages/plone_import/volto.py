"""Volto's blocks → the HTML that richtext.py turns into body blocks.

A Volto page keeps its content in `blocks` (id → block) in the order of `blocks_layout`, not in
`text`. Text blocks hold a Slate tree (older sites: Draft.js), tables rows of such trees, and
grids and columns blocks of their own. Each block becomes the HTML Plone would have stored for
it, so links, images, tables and videos are resolved and reported exactly as in Classic pages.
"""

import posixpath
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.utils.html import escape

from .richtext import video_url

#: Blocks that show what the page has elsewhere (its title and summary) or nothing at all.
SILENT_TYPES = {"title", "description", "toc", "separator", "empty"}
CONTAINER_TYPES = {
    "gridBlock",
    "__grid",
    "grid",
    "columnsBlock",
    "group",
    "accordion",
    "teaserGrid",
}
SLATE_TAGS = {
    "p": "p", "h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4",
    "ul": "ul", "ol": "ol", "li": "li", "strong": "strong", "b": "strong", "em": "em",
    "i": "em", "blockquote": "p", "callout": "p", "pre": "p", "div": "p",
    "table": "table", "thead": "thead", "tbody": "tbody", "tfoot": "tfoot", "tr": "tr",
    "th": "th", "td": "td", "caption": "caption", "br": "br",
}  # fmt: skip
INLINE_TAGS = {"strong", "em"}
LEAF_MARKS = {"bold": "strong", "strong": "strong", "italic": "em", "em": "em"}
DRAFT_TAGS = {
    "header-one": "h2", "header-two": "h2", "header-three": "h3", "header-four": "h4",
    "header-five": "h4", "header-six": "h4", "unordered-list-item": "ul",
    "ordered-list-item": "ol",
}  # fmt: skip
DRAFT_STYLES = {"BOLD": "strong", "ITALIC": "em"}
HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
DESCENDING = {"descending", "reverse", True}


@dataclass
class VoltoBody:
    html: str = ""
    #: Block types nothing in the intranet stands for, in the order they were met.
    unmapped: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def has_content(self):
        soup = BeautifulSoup(self.html, "html.parser")
        media = soup.find(("img", "table", "iframe", "video"))
        return bool(self.unmapped or media or soup.get_text(strip=True))


def has_blocks(data):
    return isinstance(data.get("blocks"), dict) and bool(data["blocks"])


def body_html(item, listings=None):
    """The HTML for the blocks of `item` (an exported item); `listings` lists what a listing
    block shows."""
    converter = _BlocksConverter(item, listings)
    converter.container(item.data)
    body = VoltoBody("".join(converter.html), list(converter.unmapped), converter.notices)
    return body


class _BlocksConverter:
    def __init__(self, item, listings):
        self.item = item
        self.listings = listings
        self.html = []
        self.unmapped = {}
        self.notices = []

    def container(self, data):
        for block in _ordered(data):
            self.block(block)

    def block(self, block):
        kind = block.get("@type")
        handler = getattr(self, f"_{kind}", None) if isinstance(kind, str) else None
        if kind in CONTAINER_TYPES:
            self.nested(block)
        elif handler:
            handler(block)
        elif kind is None and isinstance(block.get("blocks"), dict):
            self.nested(block)  # a column or accordion panel without a type of its own
        elif kind not in SILENT_TYPES:
            self.unmapped[str(kind)] = True

    def nested(self, block):
        if block.get("title") and "@type" not in block:
            self.html.append(f"<h3>{escape(block['title'])}</h3>")
        for column in block.get("columns") or []:
            if isinstance(column, dict):
                self.block(column)
        self.container(block)
        if isinstance(block.get("data"), dict):
            self.container(block["data"])

    def _slate(self, block):
        value = block.get("value")
        if isinstance(value, list) and value:
            self.html.append(slate_html(value, top=True))
        elif block.get("plaintext"):
            self.html.append(f"<p>{escape(block['plaintext'])}</p>")

    def _text(self, block):
        if isinstance(block.get("text"), dict):
            self.html.append(draft_html(block["text"]))

    def _html(self, block):
        self.html.append(str(block.get("html") or ""))

    def _heading(self, block):
        tag = HEADING_LEVELS.get(block.get("tag"), "h2")
        if block.get("heading"):
            self.html.append(f"<{tag}>{escape(block['heading'])}</{tag}>")

    def _image(self, block):
        url = _address(block.get("url"))
        if url:
            alt = escape(block.get("alt") or "")
            self.html.append(f'<img src="{escape(url)}" alt="{alt}">')

    def _slateTable(self, block):  # noqa: N802 - named after the block type
        table = block.get("table") or {}
        rows = []
        for row in table.get("rows") or []:
            cells = []
            for cell in row.get("cells") or []:
                tag = "th" if cell.get("type") == "header" else "td"
                cells.append(f"<{tag}>{_cell_html(cell.get('value'))}</{tag}>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        if table.get("hideHeaders") and rows:
            rows = rows[1:]
        self.html.append(f"<table>{''.join(rows)}</table>")

    _table = _slateTable

    def _teaser(self, block):
        target = _as_list(block.get("href"))[:1]
        href = _address(target)
        fallback = target[0].get("title") if target and isinstance(target[0], dict) else ""
        if href:
            self.html.append(_link_list([(href, block.get("title") or fallback or href)]))

    def _listing(self, block):
        links = self.listings.links(block, self.item) if self.listings else []
        headline = block.get("headline")
        if headline and links:
            self.html.append(f"<h2>{escape(headline)}</h2>")
        if links:
            self.html.append(_link_list(links))
        else:
            self.notices.append("a listing block lists no item of this export; left out")

    def _video(self, block):
        url = _address(block.get("url"))
        if url:
            tag = "iframe" if video_url(url) else "video"
            self.html.append(f'<{tag} src="{escape(url)}"></{tag}>')


def slate_html(nodes, top=False):
    """HTML for a Slate tree; at the top, text outside a paragraph gets one."""
    parts = []
    for node in nodes or []:
        html = _slate_node(node)
        is_block = isinstance(node, dict) and SLATE_TAGS.get(node.get("type")) not in (
            None,
            *INLINE_TAGS,
        )
        parts.append(html if is_block or not top or not html else f"<p>{html}</p>")
    return "".join(parts)


def _slate_node(node):
    if not isinstance(node, dict):
        return ""
    if "type" not in node:
        return _slate_leaf(node)
    inner = slate_html(node.get("children"))
    kind = node.get("type")
    if kind in ("link", "a"):
        href = _link_address(node.get("data") or {})
        return f'<a href="{escape(href)}">{inner}</a>' if href else inner
    tag = SLATE_TAGS.get(kind)
    if tag == "br":
        return "<br>"
    return f"<{tag}>{inner}</{tag}>" if tag else inner


def _slate_leaf(leaf):
    html = escape(str(leaf.get("text") or "")).replace("\n", "<br>")
    for mark, tag in LEAF_MARKS.items():
        if leaf.get(mark) and html:
            html = f"<{tag}>{html}</{tag}>"
    return html


def _link_address(data):
    """A Slate link's address, in the shapes Volto has written over the years."""
    if data.get("url") or data.get("href"):
        return _address(data.get("url") or data.get("href"))
    link = data.get("link") or {}
    internal = (link.get("internal") or {}).get("internal_link")
    if internal:
        return _address(internal)
    external = (link.get("external") or {}).get("external_link")
    if external:
        return str(external)
    email = (link.get("email") or {}).get("email_address")
    return f"mailto:{email}" if email else ""


def _address(value):
    """An address from a string, an object browser's [{"@id": …}] or {"@id": …}."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or ""
    return value if isinstance(value, str) else ""


def _as_list(value):
    return value if isinstance(value, list) else [value] if value else []


def _cell_html(value):
    if isinstance(value, list):
        return slate_html(value)
    if isinstance(value, dict):
        return draft_html(value)
    return escape(str(value or ""))


def _link_list(links):
    items = "".join(
        f'<li><a href="{escape(href)}">{escape(title)}</a></li>' for href, title in links
    )
    return f"<ul>{items}</ul>" if items else ""


def _ordered(data):
    blocks = data.get("blocks")
    layout = data.get("blocks_layout")
    if not isinstance(blocks, dict):
        return []
    ids = layout.get("items") if isinstance(layout, dict) else None
    ids = ids if isinstance(ids, list) else list(blocks)
    return [blocks[i] for i in ids if isinstance(blocks.get(i), dict)]


def draft_html(raw):
    """HTML for a Draft.js text block (Volto before Slate)."""
    html, open_list = [], None
    for block in raw.get("blocks") or []:
        if not isinstance(block, dict):
            continue
        tag = DRAFT_TAGS.get(block.get("type"), "p")
        text = _draft_text(block, raw.get("entityMap") or {})
        if open_list and tag != open_list:
            html.append(f"</{open_list}>")
            open_list = None
        if tag in ("ul", "ol"):
            if open_list is None:
                html.append(f"<{tag}>")
                open_list = tag
            html.append(f"<li>{text}</li>")
        else:
            html.append(f"<{tag}>{text}</{tag}>")
    if open_list:
        html.append(f"</{open_list}>")
    return "".join(html)


def _draft_text(block, entities):
    text = str(block.get("text") or "")
    opening, closing = {}, {}

    def span(start, length, before, after):
        opening.setdefault(start, []).append(before)
        closing.setdefault(start + length, []).insert(0, after)

    for entity_range in block.get("entityRanges") or []:
        entity = entities.get(str(entity_range.get("key"))) or {}
        data = entity.get("data") or {}
        url = data.get("url") or data.get("href")
        if entity.get("type") == "LINK" and url:
            span(
                entity_range["offset"], entity_range["length"], f'<a href="{escape(url)}">', "</a>"
            )
    for style in block.get("inlineStyleRanges") or []:
        tag = DRAFT_STYLES.get(style.get("style"))
        if tag:
            span(style["offset"], style["length"], f"<{tag}>", f"</{tag}>")
    parts = []
    for position in range(len(text) + 1):
        parts += closing.get(position, []) + opening.get(position, [])
        if position < len(text):
            parts.append(escape(text[position]))
    return "".join(parts)


class Listings:
    """What a listing block shows, found in the export: the items its query's path, types and
    states select (the page's own children when it has no query), sorted and limited as set."""

    def __init__(self, items):
        self.items = items
        self.paths = {item.uid: item.path for item in items}

    def links(self, block, item):
        query = block.get("querystring") if isinstance(block.get("querystring"), dict) else block
        criteria = [c for c in query.get("query") or [] if isinstance(c, dict)]
        found = self._matching(criteria, item)
        sort_on = query.get("sort_on")
        if sort_on:
            found.sort(key=lambda i: str(i.data.get(sort_on) or i.title))
        if query.get("sort_order") in DESCENDING:
            found.reverse()
        limit = _number(query.get("limit")) or _number(query.get("b_size"))
        return [(i.data.get("@id") or i.path, i.title) for i in found[: limit or None]]

    def _matching(self, criteria, item):
        if not criteria:
            return [i for i in self.items if i.parent_path == item.path]
        base, depth = "/", None
        values = {}
        for criterion in criteria:
            values[criterion.get("i")] = criterion.get("v")
        if isinstance(values.get("path"), str):
            base, depth = _path_and_depth(values["path"], item, self.paths)
        types = set(_as_list(values.get("portal_type")))
        states = set(_as_list(values.get("review_state")))
        return [
            i
            for i in self.items
            if i.path != item.path
            and _within(i.path, base, depth)
            and (not types or i.portal_type in types)
            and (not states or i.review_state in states)
        ]


def _path_and_depth(value, item, paths):
    """A path criterion's folder and depth: "/news::1", "..", "." (the page itself) or a UID."""
    path, _, depth = value.partition("::")
    path = paths.get(path, path)
    if not path.startswith("/"):
        path = posixpath.normpath(posixpath.join(item.path, path or "."))
    depth = _number(depth) if depth.strip().lstrip("-").isdigit() else -1
    return path.rstrip("/") or "/", None if depth < 0 else depth


def _within(path, base, depth):
    if base != "/" and not path.startswith(base + "/"):
        return False
    below = path[len(base.rstrip("/")) :].count("/")
    return depth is None or below <= depth


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
