"""Volto pages keep their content in blocks; imported, it arrives as the page's body."""

import json
import shutil
from types import SimpleNamespace

import pytest

from strategy_pages.plone_import import volto
from strategy_pages.plone_import.models import PloneItem
from strategy_pages.plone_import.richtext import html_to_blocks

from .conftest import FIXTURE

SITE = "https://intranat.example.org"
PAGE = "/om-intranatet/fragor-och-svar"
IMAGE_UID = "d8c4398f06a24c6797a37c7199ecd02f"  # /sodermalm/trygghetsvandring.png
NEWS = f"{SITE}/sodermalm/informationsmote-om-forskolans-nya-lokaler"

# Block shapes as Volto stores them: the text blocks are plone.volto's own start page
# (src/plone/volto/distributions/volto/content/.../plone_site_root/data.json), the table and
# teaser follow Volto's slateTable and teaser blocks, the grid Volto's gridBlock.
BLOCKS = {
    "07c273fc-8bfc-4e7d-a327-d513e5a945bb": {"@type": "title"},
    "eec7a1b7-40ab-49e1-a1ba-a8bc3d838598": {
        "@type": "slate",
        "plaintext": "Get started",
        "value": [{"children": [{"text": "Get started"}], "type": "h2"}],
    },
    "4d8a7881-111b-4d57-b2e6-788e8ede90a9": {
        "@type": "slate",
        "plaintext": "Make sure you are logged in as an admin/manager user. "
        "Set up your mail server.",
        "value": [
            {
                "children": [
                    {
                        "children": [
                            {"text": "Make sure you are logged in as an "},
                            {"children": [{"text": "admin/manager"}], "type": "strong"},
                            {"text": " user."},
                        ],
                        "type": "li",
                    },
                    {
                        "children": [
                            {"text": ""},
                            {
                                "children": [{"text": "Set up your mail server"}],
                                "data": {"url": "/controlpanel/mail"},
                                "type": "link",
                            },
                            {"text": "."},
                        ],
                        "type": "li",
                    },
                ],
                "type": "ol",
            }
        ],
    },
    "38ff6b46-4cbd-4933-a462-251c3e963b7a": {
        "@type": "slate",
        "plaintext": " Plone is a content management system built on Python.",
        "value": [
            {
                "children": [
                    {"text": ""},
                    {
                        "children": [{"text": "Plone"}],
                        "data": {"url": "https://plone.org/"},
                        "type": "link",
                    },
                    {"text": " is a content management system built on "},
                    {"children": [{"text": "Python"}], "type": "em"},
                    {"text": "."},
                ],
                "type": "p",
            }
        ],
    },
    "5e7b2f14-4c0a-4b43-9f0c-4d6c1f6a9c11": {
        "@type": "image",
        "align": "center",
        "alt": "Trygghetsvandring på Södermalm",
        "size": "l",
        "url": f"{SITE}/sodermalm/trygghetsvandring.png",
    },
    "0b2c7f55-0d5e-4bb4-8a0f-4f8f3d7a2e21": {
        "@type": "slateTable",
        "table": {
            "basic": False,
            "celled": True,
            "compact": False,
            "fixed": True,
            "inverted": False,
            "striped": False,
            "rows": [
                {
                    "key": "a1",
                    "cells": [
                        {
                            "key": "c1",
                            "type": "header",
                            "value": [{"type": "p", "children": [{"text": "År"}]}],
                        },
                        {
                            "key": "c2",
                            "type": "header",
                            "value": [{"type": "p", "children": [{"text": "Kostnad"}]}],
                        },
                    ],
                },
                {
                    "key": "a2",
                    "cells": [
                        {
                            "key": "c3",
                            "type": "data",
                            "value": [{"type": "p", "children": [{"text": "2024"}]}],
                        },
                        {
                            "key": "c4",
                            "type": "data",
                            "value": [{"type": "p", "children": [{"text": "1 200"}]}],
                        },
                    ],
                },
            ],
        },
    },
    "9a1d3c2e-7f5b-4e8a-b1c0-3d2e4f5a6b7c": {
        "@type": "gridBlock",
        "blocks": {
            "t1": {
                "@type": "teaser",
                "href": [{"@id": NEWS, "title": "Informationsmöte om förskolans nya lokaler"}],
                "styles": {"align": "left"},
            },
            "t2": {"@type": "maps", "url": "https://www.openstreetmap.org/export/embed.html"},
        },
        "blocks_layout": {"items": ["t1", "t2"]},
    },
    "3f2e1d0c-9b8a-4765-a432-10fedcba9876": {
        "@type": "video",
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    },
    "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9": {"@type": "toc"},
}
LAYOUT = {"items": list(BLOCKS)}


@pytest.fixture
def volto_export(tmp_path):
    """The real export with one page written in Volto: blocks, and no text of its own."""
    directory = tmp_path / "export"
    shutil.copytree(FIXTURE, directory)
    export_file = directory / "dev-export.json"
    items = json.loads(export_file.read_text(encoding="utf-8"))
    page = next(item for item in items if item["@id"] == SITE + PAGE)
    page.update(text=None, blocks=BLOCKS, blocks_layout=LAYOUT)
    export_file.write_text(json.dumps(items), encoding="utf-8")
    return directory


@pytest.fixture
def offline_embeds(monkeypatch):
    monkeypatch.setattr("wagtail.embeds.blocks.embed_to_frontend_html", lambda *args: "")


def test_a_volto_pages_blocks_become_its_body(run_import, volto_export, offline_embeds):
    report = run_import(volto_export)

    page = PloneItem.objects.get(path=PAGE).target.specific
    html = str(page.body)
    assert "<h2>Get started</h2>" in html
    assert "logged in as an <strong>admin/manager</strong> user." in html
    assert '<a href="https://plone.org/">Plone</a>' in html
    assert "<em>Python</em>" in html
    assert 'alt="Trygghetsvandring på Södermalm"' in html
    assert '<th scope="col">År</th><th scope="col">Kostnad</th>' in html
    assert "<td>2024</td><td>1 200</td>" in html
    news = PloneItem.objects.get(path="/sodermalm/informationsmote-om-forskolans-nya-lokaler")
    assert f'<a href="{news.target.url}">Informationsmöte om förskolans nya lokaler</a>' in html
    assert "https://www.youtube.com/watch?v=dQw4w9WgXcQ" in html
    # The control panel's link is kept as its text only.
    assert "Set up your mail server." in html
    assert "controlpanel" not in html
    assert f"{PAGE}: Volto block types not imported: maps" in report.warnings
    assert any(
        w.startswith(f"{PAGE}: link to Plone's own page '/controlpanel/mail'")
        for w in report.warnings
    )


def test_blocks_win_over_a_stale_text_only_when_they_hold_content(
    run_import, volto_export, offline_embeds
):
    export_file = volto_export / "dev-export.json"
    items = json.loads(export_file.read_text(encoding="utf-8"))
    page = next(item for item in items if item["@id"] == SITE + PAGE)
    page["text"] = {"content-type": "text/html", "data": "<p>Gammal text.</p>"}
    page["blocks"] = {
        "t": {"@type": "title"},
        "s": {"@type": "slate", "value": [], "plaintext": ""},
    }
    page["blocks_layout"] = {"items": ["t", "s"]}
    export_file.write_text(json.dumps(items), encoding="utf-8")

    run_import(volto_export)

    page = PloneItem.objects.get(path=PAGE).target.specific
    assert "Gammal text." in str(page.body)


def folder_item(path, **data):
    parent = path.rsplit("/", 1)[0] or "/"
    fields = {"title": path.rsplit("/", 1)[-1].title(), "@id": SITE + path, **data}
    return SimpleNamespace(
        uid=path, path=path, parent_path=parent, portal_type=fields.get("@type", "Document"),
        review_state="published", title=fields["title"], data=fields,
    )  # fmt: skip


def test_columns_old_text_blocks_and_listings_arrive_in_order():
    children = [folder_item("/projekt/b-projekt"), folder_item("/projekt/a-projekt")]
    page = folder_item(
        "/projekt",
        blocks={
            "c": {
                "@type": "columnsBlock",
                "data": {
                    "blocks": {
                        "left": {
                            "blocks": {"x": {"@type": "slate", "plaintext": "Vänster spalt"}},
                            "blocks_layout": {"items": ["x"]},
                        },
                        "right": {
                            "blocks": {"y": {"@type": "slate", "plaintext": "Höger spalt"}},
                            "blocks_layout": {"items": ["y"]},
                        },
                    },
                    "blocks_layout": {"items": ["left", "right"]},
                },
            },
            # Volto before 16 wrote text as Draft.js.
            "d": {
                "@type": "text",
                "text": {
                    "blocks": [
                        {
                            "key": "4j2ca",
                            "text": "Läs mer om projekten.",
                            "type": "unstyled",
                            "depth": 0,
                            "inlineStyleRanges": [{"offset": 0, "length": 7, "style": "BOLD"}],
                            "entityRanges": [{"offset": 8, "length": 2, "key": 0}],
                            "data": {},
                        }
                    ],
                    "entityMap": {
                        "0": {
                            "type": "LINK",
                            "mutability": "MUTABLE",
                            "data": {"url": "https://example.org/mer"},
                        }
                    },
                },
            },
            "l": {
                "@type": "listing",
                "headline": "Alla projekt",
                "querystring": {"query": [], "sort_on": "sortable_title"},
            },
        },
        blocks_layout={"items": ["c", "d", "l"]},
    )
    body = volto.body_html(page, volto.Listings([page, *children]))
    blocks = html_to_blocks(body.html, lambda reference: None, page.data["@id"], SITE).blocks
    assert blocks == [
        {
            "type": "paragraph",
            "value": "<p>Vänster spalt</p><p>Höger spalt</p><p><strong>Läs mer</strong> "
            '<a href="https://example.org/mer">om</a> projekten.</p>',
        },
        {"type": "heading", "value": {"text": "Alla projekt", "level": "h2"}},
        {"type": "paragraph", "value": "<ul><li>A-Projekt</li><li>B-Projekt</li></ul>"},
    ]
    assert body.unmapped == []
