"""Plone's stored HTML → the intranet's body blocks.

The HTML is sanitised first (nh3: no scripts, no event handlers, no javascript: addresses, only
the tags the body blocks know). Then headings become heading blocks, images image blocks, tables
table blocks, YouTube and Vimeo players video blocks and the rest paragraphs of Wagtail rich
text, with every link to a Plone item (resolveuid/<UID> or an address in the old site)
rewritten to what that item became. A link that leads nowhere is reported and its text kept, as
is a link to one of Plone's own views (search, control panels); other media are reported.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.html import escape

from .reader import site_path

ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i",
    "ul", "ol", "li", "a", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "iframe", "video", "audio", "source", "object", "embed",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href"}, "img": {"src", "alt"}, "iframe": {"src"}, "video": {"src"},
    "audio": {"src"}, "source": {"src"}, "object": {"data"}, "embed": {"src"},
    "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"},
}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto", "tel"}
RENAMED_TAGS = {"b": "strong", "i": "em", "h1": "h2", "h5": "h4", "h6": "h4"}
HEADING_TAGS = {"h2"}
MEDIA_TAGS = {"iframe", "video", "audio", "object", "embed"}
#: Tags that leave the paragraph they are in and become blocks of their own.
OWN_BLOCK_TAGS = {"img", "table", *MEDIA_TAGS}
CELL_BREAKS = {"p", "li", "h2", "h3", "h4", "ul", "ol"}
RESOLVE_UID = re.compile(r"resolve[uU]id/([0-9a-f]{32})")
#: Plone views and image scales after an item's path: /item/view, /item/@@images/image/preview.
ITEM_VIEW = re.compile(
    r"/(?:view|@@(?:images|download|display-file|view)\b.*"
    r"|image_view_fullscreen|image_\w+|at_download/.*)$"
)
#: Plone's own pages: search, log-in, control panels, the ZMI, forms and other views.
SITE_VIEWS = (
    r"@@[\w.-]+", r"\+\+\w+\+\+", r"manage\w*", r"portal_\w+", r"prefs_\w+", r"\w+_form",
    "folder_contents", "plone_control_panel", "controlpanel", "login", "logout", "search",
    "sitemap", "contact-info", "accessibility-info", "edit",
)  # fmt: skip
SITE_VIEW = re.compile(rf"/(?:{'|'.join(SITE_VIEWS)})(?:/.*)?$")
YOUTUBE_PLAYER = re.compile(r"^https?://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)")
VIDEO_PAGE = re.compile(
    r"^https?://(?:(?:[-\w]+\.)?youtube\.com/(?:watch|shorts/|live/)|youtu\.be/|(?:www\.)?vimeo\.com/\d|player\.vimeo\.com/video/\d)"
)


@dataclass(frozen=True)
class Target:
    """What a Plone reference resolves to: a page, document or image by id, or an address."""

    kind: str
    pk: int | None = None
    url: str = ""
    alt: str = ""


#: A reference to an item of this export that has not been written yet.
PENDING = Target("pending")
#: A reference to one of Plone's own views, which the intranet does not have.
PLONE_VIEW = Target("view")


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    #: Other things the reader of the report should know about, e.g. media left out.
    notices: list[str] = field(default_factory=list)
    pending: bool = False


def sanitise(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def html_to_blocks(html, resolver, item_url, site_url):
    """Body blocks (StreamField raw data) for `html`, an item's stored text.

    `resolver` maps a ("uid", UID) or ("path", site path) reference to a Target, PENDING or
    None; `item_url` is the item's own address, against which relative links are read, and
    `site_url` the old site's, whose addresses are rewritten too."""
    converter = _Converter(resolver, item_url, site_url)
    soup = BeautifulSoup(sanitise(html or ""), "html.parser")
    for tag in soup.find_all(RENAMED_TAGS):
        tag.name = RENAMED_TAGS[tag.name]
    converter.convert(soup)
    return converter.result


def video_url(src):
    """The address Wagtail embeds for a YouTube or Vimeo player or page; "" for other media."""
    player = YOUTUBE_PLAYER.match(src or "")
    if player:
        return f"https://www.youtube.com/watch?v={player.group(1)}"
    return src if VIDEO_PAGE.match(src or "") else ""


class _Converter:
    def __init__(self, resolver, item_url, site_url):
        self.resolver = resolver
        self.item_url = item_url
        self.site_url = site_url
        self.result = Conversion()
        self.paragraph = []

    def convert(self, soup):
        for node in list(soup.contents):
            if isinstance(node, NavigableString):
                if node.strip():
                    self.paragraph.append(f"<p>{escape(node)}</p>")
            elif node.name in HEADING_TAGS:
                self.heading(node)
            elif node.name in OWN_BLOCK_TAGS:
                self.own_block(node)
            else:
                inner = _outermost(node.find_all(OWN_BLOCK_TAGS))
                for tag in inner:
                    tag.extract()
                if node.get_text(strip=True):
                    self.paragraph.append(self.with_links(node))
                for tag in inner:
                    self.own_block(tag)
        self.flush()

    def own_block(self, node):
        if node.name == "img":
            self.image(node)
        elif node.name == "table":
            self.table(node)
        else:
            self.media(node)

    def heading(self, node):
        self.flush()
        text = node.get_text(" ", strip=True)
        if text:
            self.result.blocks.append({"type": "heading", "value": {"text": text, "level": "h2"}})

    def image(self, node):
        self.flush()
        src = node.get("src", "")
        target = self.resolve(src)
        if target is PENDING:
            self.result.pending = True
        elif target is None or target.kind != "image":
            self.result.broken.append(f"image {src!r}")
        else:
            alt = node.get("alt") or target.alt
            value = {"image": target.pk, "decorative": False, "alt_text": alt}
            self.result.blocks.append({"type": "image", "value": value})

    def table(self, node):
        self.flush()
        rows = [r for r in node.find_all("tr") if r.find_parent("table") is node]
        grid, header = _grid(rows)
        links = [a.get_text(strip=True) for a in node.find_all("a") if a.get("href")]
        images = node.find_all("img")
        for image in images:
            image.extract()
        if any(cell for row in grid for cell in row):
            caption = node.find("caption")
            self.result.blocks.append(
                {
                    "type": "table",
                    "value": table_value(
                        grid, header, caption and caption.get_text(" ", strip=True)
                    ),
                }
            )
        if links:
            self.result.notices.append(
                "links in a table kept as text only: " + ", ".join(repr(t) for t in links)
            )
        for image in images:
            self.image(image)

    def media(self, node):
        src = node.get("src") or node.get("data") or ""
        if not src and node.find("source"):
            src = node.find("source").get("src", "")
        video = video_url(src)
        if video:
            self.flush()
            self.result.blocks.append({"type": "embed", "value": video})
        else:
            self.result.notices.append(f"not kept: {node.name} {src!r}")

    def with_links(self, node):
        wrapper = node if node.name in ("p", "ul", "ol", "h3", "h4") else _wrapped(node)
        for link in wrapper.find_all("a"):
            self.rewrite(link)
        return str(wrapper)

    def rewrite(self, link):
        href = link.get("href", "")
        if not href:  # the sanitiser removed an unsafe address; keep the text
            link.unwrap()
            return
        if self.is_external(href):
            return
        target = self.resolve(href)
        if target is PENDING:
            self.result.pending = True
            link.unwrap()
        elif target is PLONE_VIEW:
            self.result.notices.append(
                f"link to Plone's own page {href!r} ({link.get_text(strip=True)}) "
                "kept as text without a link"
            )
            link.unwrap()
        elif target is None:
            self.result.broken.append(f"link {href!r} ({link.get_text(strip=True)})")
            link.unwrap()
        elif target.kind in ("page", "document"):
            link.attrs = {"linktype": target.kind, "id": str(target.pk)}
        else:
            link.attrs = {"href": target.url}

    def resolve(self, address):
        uid = RESOLVE_UID.search(address)
        if uid:
            return self.resolver(("uid", uid.group(1)))
        path = self.path_in_site(address)
        if path is None:
            return None
        target = self.resolver(("path", ITEM_VIEW.sub("", path) or "/"))
        view = None if target else SITE_VIEW.search(path)
        if view:
            owner = path[: view.start()] or "/"
            return PLONE_VIEW if owner == "/" else self.resolver(("path", owner))
        return target

    def path_in_site(self, address):
        """The site path `address` leads to, or None if it leads out of the old site."""
        try:
            absolute = urljoin(self.item_url, address)
            if self.site_url and absolute.startswith(self.site_url):
                return site_path(absolute, self.site_url)
            for candidate in (address, absolute):
                if candidate.startswith("/") and not candidate.startswith("//"):
                    # Volto and plone.exportimport write the site's addresses from its root.
                    return site_path(candidate, "")
        except ValueError:  # no address at all, e.g. "http://[": it leads nowhere
            return None
        return None

    def is_external(self, href):
        """mailto:, tel: and addresses on other sites are kept as they are."""
        try:
            parts = urlsplit(href)
        except ValueError:
            return False
        if parts.scheme in ("mailto", "tel") or href.startswith("#"):
            return True
        on_old_site = bool(self.site_url) and href.startswith(self.site_url)
        return parts.scheme in ("http", "https") and not on_old_site

    def flush(self):
        if self.paragraph:
            self.result.blocks.append({"type": "paragraph", "value": "".join(self.paragraph)})
            self.paragraph = []


def table_value(grid, header, caption=""):
    """A table block's raw value: rows of cell text; `header` if the first row heads columns."""
    width = max(len(row) for row in grid)
    return {
        "data": [row + [""] * (width - len(row)) for row in grid],
        "first_row_is_table_header": header,
        "first_col_is_header": False,
        "table_header_choice": "row" if header else "neither",
        "table_caption": caption or "",
        "cell": [],
        "mergeCells": [],
    }


def _grid(rows):
    """Cell texts row by row, spanned cells repeated as empty ones so columns stay in line, and
    whether the first row is made of column headings."""
    grid, spanned = [], set()
    for row_number, row in enumerate(rows):
        cells, column = [], 0
        for cell in row.find_all(("td", "th"), recursive=False):
            while (row_number, column) in spanned:
                cells.append("")
                column += 1
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            cells += [_cell_text(cell)] + [""] * (colspan - 1)
            for below in range(1, rowspan):
                spanned.update((row_number + below, c) for c in range(column, column + colspan))
            column += colspan
        while (row_number, column) in spanned:
            cells.append("")
            column += 1
        grid.append(cells)
    header = bool(rows) and (
        rows[0].find_parent("thead") is not None
        or all(cell.name == "th" for cell in rows[0].find_all(("td", "th"), recursive=False))
    )
    return grid, header


def _span(cell, name):
    try:
        return max(1, min(int(cell.get(name, 1)), 50))
    except ValueError:
        return 1


def _cell_text(cell):
    for br in cell.find_all("br"):
        br.replace_with("\n")
    for block in cell.find_all(CELL_BREAKS):
        block.append("\n")
    lines = (re.sub(r"\s+", " ", line).strip() for line in cell.get_text().split("\n"))
    return "\n".join(line for line in lines if line)


def _outermost(tags):
    """The tags not inside another of them: an image in a table goes with its table."""
    found = set(map(id, tags))
    return [t for t in tags if not any(id(p) in found for p in t.parents)]


def _wrapped(node):
    paragraph = Tag(name="p")
    paragraph.append(node.extract() if node.parent else node)
    return paragraph
