"""Plone's stored HTML → the intranet's body blocks.

The HTML is sanitised first (nh3: no scripts, no event handlers, no javascript: addresses, only
the tags the body blocks know). Then headings become heading blocks, images image blocks and
the rest paragraphs of Wagtail rich text, with every link to a Plone item (resolveuid/<UID> or
an address in the old site) rewritten to what that item became. A link that leads nowhere is
reported and its text kept.
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
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
RENAMED_TAGS = {"b": "strong", "i": "em", "h1": "h2", "h5": "h4", "h6": "h4"}
HEADING_TAGS = {"h2"}
RESOLVE_UID = re.compile(r"resolve[uU]id/([0-9a-f]{32})")
#: Plone views and image scales after an item's path: /item/view, /item/@@images/image/preview.
VIEW_SUFFIX = re.compile(r"/(?:view|@@[\w.-]+.*|image_view_fullscreen|image_\w+)$")


@dataclass(frozen=True)
class Target:
    """What a Plone reference resolves to: a page, document or image by id, or an address."""

    kind: str
    pk: int | None = None
    url: str = ""
    alt: str = ""


#: A reference to an item of this export that has not been written yet.
PENDING = Target("pending")


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
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
            elif node.name == "img":
                self.image(node)
            else:
                images = node.find_all("img")
                for image in images:
                    image.extract()
                if node.get_text(strip=True):
                    self.paragraph.append(self.with_links(node))
                for image in images:
                    self.image(image)
        self.flush()

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
        try:
            address = urljoin(self.item_url, address)
            path = site_path(address, self.site_url)
        except ValueError:  # no address at all, e.g. "http://[": it leads nowhere
            return None
        if not address.startswith(self.site_url):
            return None
        return self.resolver(("path", VIEW_SUFFIX.sub("", path) or "/"))

    def is_external(self, href):
        """mailto:, tel: and addresses on other sites are kept as they are."""
        try:
            parts = urlsplit(href)
        except ValueError:
            return False
        if parts.scheme in ("mailto", "tel") or href.startswith("#"):
            return True
        return parts.scheme in ("http", "https") and not href.startswith(self.site_url)

    def flush(self):
        if self.paragraph:
            self.result.blocks.append({"type": "paragraph", "value": "".join(self.paragraph)})
            self.paragraph = []


def _wrapped(node):
    paragraph = Tag(name="p")
    paragraph.append(node.extract() if node.parent else node)
    return paragraph
