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
    assert convert(html).blocks == [{"type": "paragraph", "value": "<p>Hej klicka</p>"}]


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
