"""Any export, however damaged, is imported or refused with a message naming what is wrong, and
the dry run foretells which: it refuses what the import would refuse, and what it accepts
imports. A refused export leaves the database as it was, and a dry run never writes."""

import base64
import datetime
import io
import json
import math
import re
import uuid

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import currently_in_test_context, event, example, given
from hypothesis import strategies as st
from PIL import Image as PillowImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Page, PageViewRestriction, Revision

from strategy_pages.models import Committee, Theme
from strategy_pages.plone_import.models import PloneItem
from tests.hostile_input import CRAFTED, fuzz

SITE = "https://intranat.example.org"
PREFIX = "plone"
COMPANIONS = ["relations", "localroles", "ordering", "defaultpages", "members", "redirects"]


class _Delete:
    """Instead of a value: the field is left out."""

    def __repr__(self):
        return "DELETE"


DELETE = _Delete()


def _png():
    output = io.BytesIO()
    PillowImage.new("RGB", (4, 4), "#0a5").save(output, format="PNG")
    return output.getvalue()


PNG = _png()
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def uid(number):
    return f"{number:032x}"


def blob(data, filename, content_type):
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": content_type,
    }


def item(number, portal_type, path, parent=0, **fields):
    parent_item = BASE_PATHS[parent]
    return {
        "@id": f"{SITE}{path}",
        "@type": portal_type,
        "UID": uid(number),
        "id": path.rsplit("/", 1)[-1],
        "title": path.rsplit("/", 1)[-1].replace("-", " ").capitalize(),
        "description": "",
        "created": "2025-01-08T10:00:00+00:00",
        "effective": "2025-01-08T11:00:00+00:00",
        "modified": "2025-01-10T10:00:00+00:00",
        "expires": None,
        "review_state": "published",
        "subjects": ["samverkan"],
        "creators": ["anna"],
        "parent": {
            "@id": f"{SITE}{parent_item[0]}".rstrip("/"),
            "@type": parent_item[1],
            "UID": uid(parent),
        },
        **fields,
    }


BASE_PATHS = {
    0: ("/", "Plone Site"),
    1: ("/avdelning", "Folder"),
    2: ("/sodermalm", "Folder"),
}


def base_items():
    text = (
        f'<p>Se <a href="resolveuid/{uid(4)}">nyheten</a> och '
        f'<a href="{SITE}/avdelning/evenemang/view">evenemanget</a>.</p>'
        f'<img src="resolveuid/{uid(7)}" alt="Bild">'
    )
    return [
        {
            "@id": SITE,
            "@type": "Plone Site",
            "UID": uid(0),
            "id": PREFIX,
            "title": "Intranätet",
            "parent": {},
            "review_state": None,
        },
        item(1, "Folder", "/avdelning"),
        item(2, "Folder", "/sodermalm"),
        item(
            3,
            "Document",
            "/avdelning/om-oss",
            parent=1,
            text={"data": text, "content-type": "text/html", "encoding": "utf-8"},
        ),
        item(
            4,
            "News Item",
            "/sodermalm/nyhet",
            parent=2,
            text={"data": "<p>Nytt</p>", "content-type": "text/html", "encoding": "utf-8"},
            image=blob(PNG, "bild.png", "image/png"),
            image_caption="Bildtext",
        ),
        item(
            5,
            "Event",
            "/avdelning/evenemang",
            parent=1,
            start="2025-03-12T17:00:00+00:00",
            end="2025-03-12T18:30:00+00:00",
            location="Sal 3",
            contact_email="karin.ek@example.org",
            contact_name="Karin Ek",
            contact_phone="08-123 456 78",
            event_url="https://www.example.org/",
            whole_day=False,
            open_end=False,
            recurrence=None,
        ),
        item(6, "Link", "/avdelning/lank", parent=1, remoteUrl="${portal_url}/avdelning/om-oss"),
        item(7, "Image", "/avdelning/bild.png", parent=1, image=blob(PNG, "bild.png", "image/png")),
        item(
            8,
            "File",
            "/avdelning/protokoll.pdf",
            parent=1,
            file=blob(PDF, "protokoll.pdf", "application/pdf"),
        ),
    ]


def base_companions():
    return {
        "relations": [{"from_uuid": uid(3), "to_uuid": uid(4), "relationship": "relatedItems"}],
        "localroles": [
            {"uuid": uid(1), "localroles": {"redaktorer": ["Editor"], "anna": ["Owner"]}}
        ],
        "ordering": [{"uuid": uid(3), "order": 1}, {"uuid": uid(5), "order": 0}],
        "defaultpages": [{"uuid": uid(1), "default_page": "om-oss", "default_page_uuid": uid(3)}],
        "members": {
            "groups": [
                {
                    "groupid": "redaktorer",
                    "title": "Redaktörer",
                    "principals": ["anna"],
                    "roles": [],
                }
            ],
            "members": [
                {
                    "username": "anna",
                    "email": "anna@example.org",
                    "fullname": "Anna Lindqvist",
                    "groups": ["redaktorer"],
                    "roles": ["Member"],
                }
            ],
        },
        "redirects": {f"/{PREFIX}/gammal-nyhet": f"/{PREFIX}/sodermalm/nyhet"},
    }


def write_export(directory, items, companions, prefix=PREFIX):
    directory.mkdir(parents=True)
    (directory / f"{prefix}-export.json").write_text(json.dumps(items), encoding="utf-8")
    for suffix, value in companions.items():
        (directory / f"{prefix}-{suffix}.json").write_text(json.dumps(value), encoding="utf-8")
    return directory


COUNTED = [
    Page,
    Revision,
    PloneItem,
    Redirect,
    User,
    Group,
    GroupPagePermission,
    PageViewRestriction,
    Committee,
    Theme,
    Collection,
]


def database_counts():
    models = [*COUNTED, get_image_model(), get_document_model()]
    return {model.__name__: model.objects.count() for model in models}


def stored_files(settings):
    return sorted(p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())


def run_import(directory, *, dry_run, config=None):
    """(None, the report) when the command succeeds, (its message, "") when it refuses; any
    other exception fails the test."""
    arguments = [str(directory), *(["--dry-run"] if dry_run else [])]
    arguments += ["--config", str(config)] if config else []
    output = io.StringIO()
    try:
        call_command("import_plone", *arguments, stdout=output, stderr=io.StringIO())
    except CommandError as error:
        message = str(error)
        assert message.strip()
        return message, ""
    return None, output.getvalue()


def recorded_items():
    return PloneItem.objects.exclude(portal_type="Member").count()


def written_count(report):
    """How many items the report's summary says were created or merged into a page."""
    return sum(int(n) for n in re.findall(r"\b(?:created|merged) (\d+)", report.splitlines()[-1]))


@pytest.fixture
def importing(tree, settings, tmp_path):
    """Checks one export in a transaction of its own, so examples do not see each other's
    imports: a dry run writes nothing, and the import does what the dry run foretold."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()

    def check(items, companions, prefix=PREFIX, config=None):
        directory = write_export(tmp_path / uuid.uuid4().hex, items, companions, prefix)
        with transaction.atomic():
            before, files, records = database_counts(), stored_files(settings), recorded_items()
            refusal, _ = run_import(directory, dry_run=True, config=config)
            assert database_counts() == before, "the dry run wrote to the database"
            assert stored_files(settings) == files, "the dry run stored files"
            outcome, report = run_import(directory, dry_run=False, config=config)
            if currently_in_test_context():
                event("refused" if outcome else "imported")
            assert outcome == refusal, "the dry run did not foretell the import"
            if outcome is None:
                assert recorded_items() - records == written_count(report), report
            else:
                assert database_counts() == before, "a refused export was partly imported"
            transaction.set_rollback(True)
        return outcome

    return check


def test_the_export_the_fuzzing_starts_from_imports(importing):
    assert importing(base_items(), base_companions()) is None


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(CRAFTED),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
ODD_DATES = [
    "2016-05-20",
    "2016-05-20T10:00:00",
    "2016-05-20 10:00",
    "2016-05-20T10:00:00+14:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-12:00",
    "1969-12-31T00:00:00+00:00",
    "2499-12-31T00:00:00",
    "20160520",
    "2016-W20-1",
    "2016-02-30",
    "not a date",
    "",
]
offsets = st.sampled_from(
    [None, *(datetime.timezone(datetime.timedelta(hours=h)) for h in (-12, 0, 2, 14))]
)
dates = st.one_of(
    st.sampled_from(ODD_DATES),
    st.datetimes(timezones=offsets).map(lambda moment: moment.isoformat()),
    json_values,
)
ids = st.one_of(
    st.sampled_from([f"{SITE}{path}" for path, _ in BASE_PATHS.values()]),
    st.text(max_size=30).map(lambda path: f"{SITE}/{path}"),
    st.sampled_from(["http://[::1", "", SITE, f"{SITE}/avdelning/", "https://annan.example.org/x"]),
    json_values,
)
HTML = [
    '<a href="http://[">trasig adress</a>',
    f'<img src="resolveuid/{uid(7)}"><img src="resolveuid/{"f" * 32}">',
    f'<a href="resolveuid/{"f" * 32}">borta</a><a href="../../../../x">upp</a>',
    '<a href="javascript:alert(1)">j</a><script>alert(1)</script><p onclick="x()">p</p>',
    "<div>" * 2000 + "djup" + "</div>" * 2000,
    "<h1></h1><h2>   </h2><img><a>utan adress</a><table><tr><td>cell</td></tr></table>",
    f'<a href="{SITE}/avdelning/bild.png/@@images/image/preview">bild</a>',
]
html = st.one_of(st.sampled_from(HTML), st.text(alphabet="<>/=\"' apimgbrh2shref", max_size=60))
blobs = st.one_of(
    st.builds(
        lambda data, filename, content_type, encoding: {
            "data": base64.b64encode(data).decode(),
            "filename": filename,
            "content-type": content_type,
            "encoding": encoding,
        },
        st.sampled_from([PNG, PDF, b"", b"GIF89a", PNG[:20]]) | st.binary(max_size=64),
        st.sampled_from(
            [
                "bild.png",
                "x.pdf",
                "..",
                ".",
                "",
                "a/b.png",
                "c:\\d.pdf",
                "\x00.png",
                "ö" * 300 + ".png",
            ]
        )
        | st.text(max_size=20)
        | json_values,
        st.sampled_from(["image/png", "application/pdf", "text/plain", ""]) | json_values,
        st.sampled_from(["base64", "utf-8"]),
    ),
    st.fixed_dictionaries({"data": st.text(max_size=20), "encoding": st.just("base64")}),
    json_values,
)
FIELD_VALUES = {
    "@type": st.sampled_from(
        [
            "Folder",
            "Document",
            "News Item",
            "Event",
            "Link",
            "Image",
            "File",
            "Plone Site",
            "Collection",
            "",
        ]
    )
    | json_values,
    "@id": ids,
    "UID": st.from_regex(r"[0-9a-f]{32}\n?", fullmatch=True)
    | st.sampled_from([uid(n) for n in range(9)])
    | json_values,
    "parent": st.fixed_dictionaries(
        {"@id": ids, "@type": st.sampled_from(["Folder", "Plone Site"]) | json_values}
    )
    | json_values,
    "text": st.fixed_dictionaries({"data": html}) | json_values,
    "review_state": st.sampled_from(["published", "private", "pending", "visible", ""])
    | json_values,
    "subjects": st.lists(
        st.text(max_size=12) | st.sampled_from(["samverkan", "Södermalm", "", "ﬀ"]) | json_values,
        max_size=4,
    )
    | json_values,
    "creators": st.lists(st.sampled_from(["anna", "admin"]) | json_values, max_size=3)
    | json_values,
    "image": blobs,
    "file": blobs,
    **dict.fromkeys(["effective", "expires", "created", "modified", "start", "end"], dates),
}
FIELDS = [
    *FIELD_VALUES,
    "title",
    "description",
    "id",
    "remoteUrl",
    "exclude_from_nav",
    "contact_email",
    "location",
    "open_end",
    "whole_day",
    "recurrence",
    "image_caption",
    "event_url",
    "contact_name",
    "contact_phone",
]


def field_values(name):
    return FIELD_VALUES.get(name, st.text() | json_values) | st.just(DELETE)


changes = st.lists(
    st.tuples(st.integers(0, 8), st.sampled_from(FIELDS)).flatmap(
        lambda target: st.tuples(st.just(target[0]), st.just(target[1]), field_values(target[1]))
    ),
    min_size=1,
    max_size=3,
)


def changed(items, item_changes):
    for number, name, value in item_changes:
        if value is DELETE:
            items[number].pop(name, None)
        else:
            items[number][name] = value
    return items


@fuzz
@given(item_changes=changes)
@example(item_changes=[(3, "text", {"data": '<a href="http://[">trasig adress</a>'})])
@example(item_changes=[(3, "@id", f"{SITE}/")])
@example(item_changes=[(1, "effective", "2016-05-20")])
@example(item_changes=[(5, "start", "0001-01-01T00:00:00+14:00")])
@example(item_changes=[(5, "start", DELETE), (5, "created", DELETE)])
@example(item_changes=[(4, "expires", "2000-01-01T00:00:00+00:00"), (3, "review_state", "pending")])
@example(item_changes=[(3, "subjects", [1, ["x"]]), (4, "creators", [{}])])
@example(item_changes=[(3, "UID", f"{uid(3)}\n")])
@example(item_changes=[(3, "title", "a\x00b"), (4, "text", {"data": "<p>\x00</p>"})])
def test_any_value_in_any_field_is_imported_or_refused_before_writing(importing, item_changes):
    importing(changed(base_items(), item_changes), base_companions())


companion_values = {
    "relations": st.lists(
        st.fixed_dictionaries({"from_uuid": json_values, "to_uuid": json_values}), max_size=3
    ),
    "localroles": st.lists(
        st.fixed_dictionaries(
            {
                "uuid": st.sampled_from([uid(1), uid(0), "<Portal>"]) | json_values,
                "localroles": json_values,
            }
        ),
        max_size=3,
    ),
    "ordering": st.lists(
        st.fixed_dictionaries({"uuid": json_values, "order": json_values}), max_size=3
    ),
    "defaultpages": st.lists(
        st.fixed_dictionaries(
            {"uuid": json_values, "default_page": json_values, "default_page_uuid": json_values}
        ),
        max_size=3,
    ),
    "members": st.fixed_dictionaries(
        {
            "groups": st.lists(
                st.dictionaries(
                    st.sampled_from(["groupid", "title", "principals", "roles"]), json_values
                ),
                max_size=2,
            ),
            "members": st.lists(
                st.dictionaries(
                    st.sampled_from(["username", "email", "fullname", "groups", "roles"]),
                    json_values,
                ),
                max_size=2,
            ),
        }
    ),
    "redirects": st.dictionaries(st.text(max_size=20), json_values, max_size=3),
}


@fuzz
@given(
    companion=st.sampled_from(COMPANIONS).flatmap(
        lambda name: st.tuples(st.just(name), companion_values[name] | json_values)
    )
)
@example(companion=("ordering", [{"uuid": uid(3), "order": float("inf")}]))
@example(companion=("relations", [{"from_uuid": [], "to_uuid": None}]))
@example(companion=("members", {"members": [{"username": "x" * 200}], "groups": []}))
@example(companion=("members", {"members": [{"username": "a\x00"}], "groups": []}))
def test_any_companion_file_is_imported_or_refused_before_writing(importing, companion):
    name, value = companion
    importing(base_items(), {**base_companions(), name: value})


def damaged(text, cut, garbage):
    return text[:cut] + garbage + text[cut:]


@fuzz
@given(
    cut=st.integers(0, 2000),
    garbage=st.sampled_from(["", "\x00", "]", "{", '"', "\ufeff", "\\ud800", "NaN", "[" * 3000]),
    truncate=st.booleans(),
)
@example(cut=0, garbage="\ufeff", truncate=False)
@example(cut=204, garbage="]", truncate=False)
def test_a_damaged_export_file_is_refused_with_a_message(tree, tmp_path, cut, garbage, truncate):
    text = json.dumps(base_items())
    text = text[:cut] if truncate else damaged(text, cut, garbage)
    directory = tmp_path / uuid.uuid4().hex
    directory.mkdir()
    (directory / f"{PREFIX}-export.json").write_text(text, encoding="utf-8")
    run_import(directory, dry_run=True)


@fuzz
@given(data=st.binary(max_size=200))
def test_any_bytes_as_the_export_file_are_refused_with_a_message(tree, tmp_path, data):
    directory = tmp_path / uuid.uuid4().hex
    directory.mkdir()
    (directory / f"{PREFIX}-export.json").write_bytes(data)
    assert run_import(directory, dry_run=True) is not None


@fuzz
@given(
    prefix=st.text(min_size=1, max_size=60).filter(
        # What a file system allows in a name, within its length.
        lambda p: "/" not in p and "\x00" not in p and len(p.encode()) < 200
    )
)
def test_any_export_file_name_is_read_with_its_companions(tree, tmp_path, prefix):
    directory = write_export(tmp_path / uuid.uuid4().hex, base_items(), base_companions(), prefix)
    refusal, report = run_import(directory, dry_run=True)
    assert refusal is None
    assert "user would be created without a password: anna" in report


def toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return f"[{', '.join(toml_value(v) for v in value)}]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


toml_values = st.recursive(
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["/", "/avdelning", "theme", "skip", "section", "add_page", "sodermalm", ""]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=6,
)
CONFIG_KEYS = [
    "parent",
    "types",
    "committees",
    "match_committees",
    "default_committee",
    "subjects",
    "unknown_subjects",
    "roles",
    "collection",
    "batch_size",
    "max_document_bytes",
    "unknown",
]


@fuzz
@given(config=st.dictionaries(st.sampled_from(CONFIG_KEYS), toml_values, max_size=3))
@example(config={"types": 5, "committees": "x"})
@example(config={"roles": {"Editor": 5}, "subjects": {"samverkan": 5}})
@example(config={"batch_size": 0})
@example(config={"parent": "/\x00"})
@example(
    config={
        "committees": {
            "/avdelning": {"slug": "ny", "name": "Södermalms stadsdelsnämnd", "kind": "district"}
        }
    }
)
@example(
    config={"committees": {"/avdelning": {"slug": "a b" * 60, "name": "Ny", "kind": "district"}}}
)
def test_any_configuration_is_used_or_refused_before_writing(importing, tmp_path, config):
    path = tmp_path / f"{uuid.uuid4().hex}.toml"
    path.write_text(
        "\n".join(f"{json.dumps(key)} = {toml_value(value)}" for key, value in config.items()),
        encoding="utf-8",
    )
    importing(base_items(), base_companions(), config=path)
