"""Builds the demo site. Idempotent: what exists is left as editors may have changed it,
what is missing is created."""

import datetime

from anyascii import anyascii
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site, Task, Workflow

from search.models import SearchSynonym
from strategy_pages.models import (
    CalendarPage,
    Committee,
    CommitteeIndexPage,
    CommitteeKind,
    CommitteePage,
    ConsultationResponsePage,
    ContentPage,
    EventKind,
    EventPage,
    IntranetHomePage,
    LinkPage,
    NetworkNewsIndexPage,
    NetworkNewsPage,
    NetworkRepresentation,
    Orientation,
    OrientationPage,
    ProjectShowcasePage,
    RoleGroup,
    SectionPage,
    ShowcaseIndexPage,
    StrategyPage,
    SustainabilityDimension,
    Theme,
)
from strategy_pages.roles import role_group, set_up_roles

from . import follow_up as demo_follow_up
from . import organisations
from . import outcomes as demo_outcomes
from . import visits as demo_visits
from .images import ensure_image
from .news import NEWS
from .showcases import SHOWCASES
from .strategy import CONSULTATION_RESPONSE, ORIENTATION_PAGES, STRATEGY

HOME_SLUG = "start"


@transaction.atomic
def build_demo_site(password):
    committees = ensure_committees()
    taxonomies = {
        "orientations": ensure_rows(
            Orientation, organisations.ORIENTATIONS, with_order=True, summary=True
        ),
        "dimensions": ensure_rows(
            SustainabilityDimension, organisations.DIMENSIONS, with_order=True
        ),
        "themes": ensure_rows(Theme, organisations.THEMES, description=True),
    }
    home = ensure_home()
    ensure_strategy(home, taxonomies["orientations"])
    news_index = ensure_child(
        home,
        NetworkNewsIndexPage,
        "nyheter",
        title="Nyheter från nätverket",
        show_in_menus=True,
        intro="Nyheter från nätverket för informationsspridning, som samordnas av stadsledningskontoret.",
    )
    ensure_child(
        home,
        ShowcaseIndexPage,
        "projekt",
        title="Projekt",
        show_in_menus=True,
        intro="Lokala internationella initiativ från stadens nämnder och bolag. Filtrera på nämnd, inriktning, tema, status och år.",
    )
    committee_index = ensure_child(
        home,
        CommitteeIndexPage,
        "namnder",
        title="Nämnder och bolag",
        show_in_menus=True,
        intro="Stadsdelsnämnder, facknämnder, bolagsstyrelser och stadsledningskontoret.",
    )
    sections = {slug: ensure_committee_page(committee_index, c) for slug, c in committees.items()}
    for data in SHOWCASES:
        ensure_showcase(sections[data["committee"]], data, committees, taxonomies)
    for data in NEWS:
        ensure_news(news_index, data, committees, taxonomies)
    ensure_consultation_response(sections[CONSULTATION_RESPONSE["committee"]], committees)
    ensure_general_pages(home, committees["stadsledningskontoret"])
    ensure_calendar(home, committees["stadsledningskontoret"])
    demo_follow_up.ensure(home, committees, sections)
    demo_visits.ensure(home, committees, sections)
    demo_outcomes.ensure(home, committees, sections)
    set_up_roles()
    ensure_users(password, Committee.objects.get(slug="hagersten-liljeholmen").editor_group)
    ensure_search_synonyms()
    name_default_workflow_in_swedish()
    return home


def ensure_general_pages(home, office):
    """A section of plain pages, as an intranet (or an import from Plone) has them: an
    information page, an event and a link."""
    section = ensure_child(
        home,
        SectionPage,
        "om-natverket",
        title="Om nätverket",
        show_in_menus=True,
        summary="Hur nätverket för informationsspridning arbetar, när det träffas och var du hittar mer.",
    )
    ensure_child(
        section,
        ContentPage,
        "sa-arbetar-natverket",
        title="Så arbetar nätverket för informationsspridning",
        summary="Nätverket samordnas av stadsledningskontoret och samlar nämndernas och bolagens kontaktpersoner.",
        committee=office,
        body=[
            (
                "paragraph",
                "<p>Varje nämnd och bolag utser en kontaktperson som delar nyheter om internationellt arbete. Stadsledningskontoret sammanställer dem och sprider dem i nätverket.</p>",
            )
        ],
    )
    ensure_child(
        section,
        EventPage,
        "natverkstraff-hosten-2016",
        title="Nätverksträff hösten 2016",
        summary="Kontaktpersonerna träffas för att dela erfarenheter från årets projekt.",
        committee=office,
        start=datetime.datetime(2016, 11, 2, 13, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2016, 11, 2, 16, 0, tzinfo=datetime.UTC),
        location="Stadshuset, Stockholm",
        contact_name="Internationella avdelningen",
        contact_email="internationellt@example.org",
    )
    ensure_child(
        section,
        LinkPage,
        "eurocities",
        title="Eurocities",
        summary="Nätverket för Europas storstäder, där Stockholm är medlem.",
        link_url="https://eurocities.eu/",
    )


SEARCH_SYNONYMS = [
    "sdn, stadsdelsnämnd",
    "slk, stadsledningskontoret",
    "eu, europeiska unionen",
    "utbyte, erfarenhetsutbyte, studiebesök",
]


# Wagtail creates its default workflow with English names, which editors see on the
# "Submit to …" button; they are data, not catalogue strings.
WORKFLOW_NAMES = {"Moderators approval": "Granskning"}
TASK_NAMES = {"Moderators approval": "Godkännande av moderatorer"}


def name_default_workflow_in_swedish():
    for english, swedish in WORKFLOW_NAMES.items():
        Workflow.objects.filter(name=english).update(name=swedish)
    for english, swedish in TASK_NAMES.items():
        Task.objects.filter(name=english).update(name=swedish)


def ensure_search_synonyms():
    """The abbreviations staff search by, as editors would enter them in the admin."""
    for terms in SEARCH_SYNONYMS:
        SearchSynonym.objects.get_or_create(terms=terms)


def ensure_committees():
    rows = [
        (
            name,
            f"SDN {area}",
            slugify(anyascii(area)),
            CommitteeKind.DISTRICT,
            f"Stadsdelsnämnden för {area}.",
        )
        for area, name in organisations.DISTRICTS
    ]
    rows += [
        (*row[:3], CommitteeKind.SPECIALIST, row[3]) for row in organisations.SPECIALIST_COMMITTEES
    ]
    rows += [(*row[:3], CommitteeKind.COMPANY, row[3]) for row in organisations.COMPANIES]
    rows.append(
        (
            *organisations.EXECUTIVE_OFFICE[:3],
            CommitteeKind.EXECUTIVE_OFFICE,
            organisations.EXECUTIVE_OFFICE[3],
        )
    )
    committees = {}
    for name, short_name, slug, kind, description in rows:
        committees[slug], _ = Committee.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short_name,
                "kind": kind,
                "description": description,
                "network_representation": _representation(slug, kind),
            },
        )
    return committees


def _representation(slug, kind):
    if slug == "hagersten-liljeholmen":
        return NetworkRepresentation.PROPOSED
    if kind == CommitteeKind.DISTRICT:
        return NetworkRepresentation.NOT_REPRESENTED
    return NetworkRepresentation.MEMBER


def ensure_rows(model, rows, *, with_order=False, summary=False, description=False):
    objects = {}
    for position, row in enumerate(rows, start=1):
        name, slug = row[0], row[1]
        defaults = {"name": name}
        if with_order:
            defaults["sort_order"] = position
        if summary:
            defaults["summary"] = row[2]
        if description:
            defaults["description"] = row[2]
        objects[slug], _ = model.objects.get_or_create(slug=slug, defaults=defaults)
    return objects


def ensure_home():
    root = Page.get_first_root_node()
    home = IntranetHomePage.objects.child_of(root).filter(slug=HOME_SLUG).first()
    if home is None:
        home = IntranetHomePage(
            slug=HOME_SLUG,
            title="Internationellt arbete i Stockholms stad",
            intro="Här hittar du stadens internationella strategi, nyheter från nätverket för informationsspridning och nämndernas internationella projekt.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = "Internationellt arbete"
    site.save()
    _remove_default_welcome_page(root)
    return home


def _remove_default_welcome_page(root):
    for page in Page.objects.child_of(root).filter(content_type__model="page", slug="home"):
        if not Site.objects.filter(root_page=page).exists():
            page.delete()


def ensure_child(parent, model, slug, **fields):
    """Create a published child page unless one with this slug exists; return the page."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    relations = {key: fields.pop(key) for key in list(fields) if key in _RELATION_FIELDS}
    page = model(slug=slug, **fields)
    for key, value in relations.items():
        setattr(page, key, value)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


_RELATION_FIELDS = {"orientations", "dimensions", "themes"}
#: The budget's orientation goals, as the strategy's goals name them, and the demo's
#: sustainability dimensions that projects are classified by.
GOAL_DIMENSIONS = {
    "social": "social",
    "economic": "ekonomisk",
    "ecological": "ekologisk",
    "democratic": "demokratisk",
}


def ensure_strategy(home, orientations):
    data = dict(STRATEGY)
    data["goals"] = [
        (
            "goal",
            {
                "title": title,
                "dimension": dimension,
                "description": text,
                "sustainability_dimension": SustainabilityDimension.objects.filter(
                    slug=GOAL_DIMENSIONS[dimension]
                ).first(),
            },
        )
        for title, dimension, text in data["goals"]
    ]
    data["responsibilities"] = [
        ("responsibility", {"actor": a, "responsibility": r}) for a, r in data["responsibilities"]
    ]
    data["history"] = [("milestone", {"year": y, "event": e}) for y, e in data["history"]]
    strategy = ensure_child(home, StrategyPage, data.pop("slug"), show_in_menus=True, **data)
    for slug, purpose in ORIENTATION_PAGES.items():
        orientation = orientations[slug]
        ensure_child(
            strategy,
            OrientationPage,
            slug,
            title=orientation.name,
            orientation=orientation,
            purpose=purpose,
            summary=orientation.summary,
        )
    return strategy


def ensure_calendar(home, office):
    """The calendar with a network meeting, an event and an Erasmus+ deadline in the coming
    weeks, so that it is never empty on a demo."""
    ensure_child(
        home,
        CalendarPage,
        "kalender",
        title="Kalender",
        show_in_menus=True,
        intro="Nätverksmöten, evenemang och sista ansökningsdagar för EU- och Erasmus+-medel.",
    )
    today = timezone.localdate()

    def moment(days, hour):
        day = today + datetime.timedelta(days=days)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    ensure_child(
        home,
        EventPage,
        "natverksmote-kontaktpersoner",
        title="Nätverksmöte för kontaktpersonerna",
        kind=EventKind.MEETING,
        committee=office,
        start=moment(14, 13),
        end=moment(14, 15),
        location="Stadshuset, Stockholm",
        summary="Nämndernas och bolagens kontaktpersoner delar nyheter.",
    )
    ensure_child(
        home,
        EventPage,
        "seminarium-eu-finansiering",
        title="Seminarium om EU-finansiering",
        kind=EventKind.EVENT,
        committee=office,
        start=moment(30, 9),
        end=moment(30, 12),
        location="Stadsledningskontoret, Ragnar Östbergs plan 1",
        summary="Så söker en nämnd EU-medel.",
    )
    ensure_child(
        home,
        EventPage,
        "erasmus-ka1-sista-dag",
        title="Sista ansökningsdag Erasmus+ KA1",
        kind=EventKind.DEADLINE,
        committee=office,
        start=moment(45, 12),
        summary="Ansökningar om utbyten för personal i förskola och skola.",
    )


def ensure_committee_page(committee_index, committee):
    return ensure_child(
        committee_index, CommitteePage, committee.slug, title=committee.name, committee=committee
    )


def _classification(data, taxonomies):
    return {
        "orientations": [taxonomies["orientations"][s] for s in data["orientations"]],
        "dimensions": [taxonomies["dimensions"][s] for s in data["dimensions"]],
        "themes": [taxonomies["themes"][s] for s in data["themes"]],
    }


def ensure_showcase(section, data, committees, taxonomies):
    image, alt_text = ensure_image(data["title"], data["slug"])
    return ensure_child(
        section,
        ProjectShowcasePage,
        data["slug"],
        title=data["title"],
        committee=committees[data["committee"]],
        summary=data["summary"],
        status=data["status"],
        start_date=_date(data.get("start")),
        end_date=_date(data.get("end")),
        featured=data.get("featured", False),
        image=image,
        image_alt=alt_text,
        body=[("paragraph", data["body"])],
        results=data.get("results", ""),
        resources=data.get("resources", ""),
        contact_name="Internationell samordnare",
        contact_email=f"international.{data['committee']}@example.org",
        partners=[
            ("partner", {"organisation": o, "city": c, "country": n})
            for o, c, n in data.get("partners", [])
        ],
        links=[("link", {"title": t, "url": u}) for t, u in data.get("links", [])],
        **_classification(data, taxonomies),
    )


def ensure_news(news_index, data, committees, taxonomies):
    image, alt_text = ensure_image(data["title"], data["slug"])
    return ensure_child(
        news_index,
        NetworkNewsPage,
        data["slug"],
        title=data["title"],
        date=_date(data["date"]),
        committee=committees[data["committee"]],
        summary=data["summary"],
        image=image,
        image_alt=alt_text,
        body=[("paragraph", data["body"])],
        related=[
            ("page", ProjectShowcasePage.objects.get(slug=slug))
            for slug in data.get("projects", [])
        ],
        **_classification(data, taxonomies),
    )


def ensure_consultation_response(section, committees):
    data = dict(CONSULTATION_RESPONSE)
    data["committee"] = committees[data["committee"]]
    data["deadline"] = _date(data["deadline"])
    data["meeting_date"] = _date(data["meeting_date"])
    return ensure_child(section, ConsultationResponsePage, data.pop("slug"), **data)


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


DEMO_USERS = [
    ("medarbetare", "Sara", "Lindqvist", RoleGroup.Role.STAFF),
    ("redaktor", "Johan", "Ek", RoleGroup.Role.NETWORK_EDITORS),
    ("samordnare", "Amina", "Hassan", RoleGroup.Role.COORDINATORS),
    ("hl-redaktor", "Erik", "Nyström", None),
]


def ensure_users(password, hl_editors):
    """One demo user per role; hl-redaktor edits for Hägersten-Liljeholmen."""
    user_model = get_user_model()
    for username, first, last, role in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        user.set_password(password)
        user.save()
        user.groups.add(hl_editors if role is None else role_group(role))
    admin, _ = user_model.objects.get_or_create(
        username="admin",
        defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"},
    )
    admin.set_password(password)
    admin.save()
