"""Plone's stored HTML becomes safe body blocks with its references rewritten."""

from strategy_pages.plone_import.richtext import PENDING, Target, html_to_blocks

SITE = "https://intranat.example.org"
ABOUT_UID = "9b03ccc2ec9b4daa9daf01821399b49c"
IMAGE_UID = "d8c4398f06a24c6797a37c7199ecd02f"


def resolver(reference):
    return {
        ("uid", ABOUT_UID): Target("page", 5),
        ("uid", IMAGE_UID): Target("image", 7, alt="Trygghetsvandring"),
        ("path", "/sodermalm"): Target("page", 9),
        ("path", "/sodermalm/ny-sida"): PENDING,
    }.get(reference)


def convert(html):
    return html_to_blocks(html, resolver, f"{SITE}/sodermalm/nyhet", SITE)


def test_scripts_event_handlers_and_javascript_links_are_removed():
    html = (
        '<p onclick="steal()">Hej <a href="javascript:alert(1)">klicka</a></p>'
        "<script>alert(1)</script><style>p{}</style><iframe src='x'></iframe>"
    )
    result = convert(html)
    assert result.blocks == [{"type": "paragraph", "value": "<p>Hej klicka</p>"}]
    assert result.notices == ["not kept: iframe 'x'"]


def test_resolveuid_links_and_old_addresses_become_page_links():
    html = (
        f'<p><a href="resolveuid/{ABOUT_UID}" data-linktype="internal">Om</a> och '
        f'<a href="{SITE}/sodermalm/view">Södermalm</a> och '
        '<a href="mailto:a@example.org">post</a></p>'
    )
    [block] = convert(html).blocks
    assert block["value"] == (
        '<p><a id="5" linktype="page">Om</a> och <a id="9" linktype="page">Södermalm</a> '
        'och <a href="mailto:a@example.org">post</a></p>'
    )


def test_headings_and_inline_images_become_their_own_blocks():
    html = (
        "<h2>Bakgrund</h2><p>Text före.</p>"
        f'<p><img src="resolveuid/{IMAGE_UID}/@@images/image/preview" alt="" /></p>'
    )
    assert convert(html).blocks == [
        {"type": "heading", "value": {"text": "Bakgrund", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Text före.</p>"},
        {
            "type": "image",
            "value": {"image": 7, "decorative": False, "alt_text": "Trygghetsvandring"},
        },
    ]


def test_broken_references_are_reported_and_their_text_kept():
    result = convert(
        '<p><a href="resolveuid/0123456789abcdef0123456789abcdef">Borta</a></p>'
        '<p><img src="../finns-inte.png/@@images/image" alt="x"></p>'
    )
    assert result.blocks == [{"type": "paragraph", "value": "<p>Borta</p>"}]
    assert result.broken == [
        "link 'resolveuid/0123456789abcdef0123456789abcdef' (Borta)",
        "image '../finns-inte.png/@@images/image'",
    ]


def test_links_to_items_not_written_yet_are_marked_for_a_second_pass():
    result = convert(f'<p><a href="{SITE}/sodermalm/ny-sida">Ny</a></p>')
    assert result.pending
    assert result.broken == []


def test_escaped_markup_in_top_level_text_stays_text():
    html = "Intro &lt;img src=x onerror=alert(document.domain)&gt; text"
    [block] = convert(html).blocks
    assert "<img" not in block["value"]
    assert "&lt;img src=x onerror=alert(document.domain)&gt;" in block["value"]


def test_tables_stay_tables_with_their_header_row_and_caption():
    html = (
        "<p>Kostnader per år:</p>"
        "<table><caption>Budget</caption><thead><tr><th>År</th><th>Kostnad (tkr)</th></tr></thead>"
        "<tbody><tr><td>2024</td><td>1 200</td></tr>"
        "<tr><td colspan='2'><strong>Summa</strong> 1 200</td></tr></tbody></table>"
    )
    paragraph, table = convert(html).blocks
    assert paragraph == {"type": "paragraph", "value": "<p>Kostnader per år:</p>"}
    assert table["type"] == "table"
    assert table["value"]["data"] == [
        ["År", "Kostnad (tkr)"],
        ["2024", "1 200"],
        ["Summa 1 200", ""],
    ]
    assert table["value"]["first_row_is_table_header"] is True
    assert table["value"]["table_caption"] == "Budget"


def test_a_table_without_header_cells_has_no_header_row():
    [table] = convert("<table><tr><td>2024</td><td>1 200</td></tr></table>").blocks
    assert table["value"]["data"] == [["2024", "1 200"]]
    assert table["value"]["first_row_is_table_header"] is False


def test_media_that_cannot_be_kept_are_reported_and_youtube_players_become_videos():
    result = convert(
        "<p>Se filmen:</p>"
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Film"></iframe>'
        '<p><iframe src="https://www.google.com/maps/embed?pb=1"></iframe></p>'
        '<audio src="resolveuid/0123456789abcdef0123456789abcdef"></audio>'
    )
    assert result.blocks == [
        {"type": "paragraph", "value": "<p>Se filmen:</p>"},
        {"type": "embed", "value": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
    ]
    assert result.notices == [
        "not kept: iframe 'https://www.google.com/maps/embed?pb=1'",
        "not kept: audio 'resolveuid/0123456789abcdef0123456789abcdef'",
    ]


def test_links_to_plones_own_pages_keep_their_text_without_a_link():
    result = convert(
        f'<p><a href="{SITE}/@@overview-controlpanel">Inställningar</a>, '
        f'<a href="{SITE}/manage_main">ZMI</a> och '
        f'<a href="{SITE}/@@search?SearchableText=x">sök</a> på '
        f'<a href="{SITE}/sodermalm/@@search">Södermalm</a></p>'
    )
    [block] = result.blocks
    assert block["value"] == (
        '<p>Inställningar, ZMI och sök på <a id="9" linktype="page">Södermalm</a></p>'
    )
    assert result.notices == [
        f"link to Plone's own page '{SITE}/@@overview-controlpanel' (Inställningar) "
        "kept as text without a link",
        f"link to Plone's own page '{SITE}/manage_main' (ZMI) kept as text without a link",
        f"link to Plone's own page '{SITE}/@@search?SearchableText=x' (sök) "
        "kept as text without a link",
    ]
    assert result.broken == []


def test_an_export_without_a_site_address_keeps_other_sites_links_external():
    """plone.exportimport writes addresses from the site's root, so the site has no address."""
    html = (
        '<p><a href="https://www.example.org/sodermalm">extern</a> och '
        '<a href="/sodermalm">intern</a> och <a href="../sodermalm/ny-sida">syskon</a></p>'
    )
    result = html_to_blocks(html, resolver, "/sodermalm/nyhet", "")
    [block] = result.blocks
    assert '<a href="https://www.example.org/sodermalm">extern</a>' in block["value"]
    assert '<a id="9" linktype="page">intern</a>' in block["value"]
    assert result.pending
