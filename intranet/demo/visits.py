"""The network's representatives and the committees' study visits and delegations: who sits in
the information-sharing network for each committee, and who comes to the city or goes abroad."""

import datetime

from django.utils import timezone

from strategy_pages.models import (
    Committee,
    NetworkRepresentation,
    ProjectShowcasePage,
    SectionPage,
    StudyVisit,
    VisitDirection,
)

MEMBER = NetworkRepresentation.MEMBER
PROPOSED = NetworkRepresentation.PROPOSED
MISSING = NetworkRepresentation.NOT_REPRESENTED

# slug: (standing, representative and role, e-mail); members' mandates follow the term of office.
REPRESENTATIVES = {
    "rinkeby-kista": (MEMBER, "Leila Hassan, utvecklingsledare", "leila.hassan"),
    "hasselby-vallingby": (MEMBER, "Johan Berglund, kommunikatör", "johan.berglund"),
    "kungsholmen": (MEMBER, "Maria Sandberg, utredare", "maria.sandberg"),
    "norrmalm": (MEMBER, "Erik Holmqvist, verksamhetsutvecklare", "erik.holmqvist"),
    "sodermalm": (MEMBER, "Karin Åberg, utvecklingsstrateg", "karin.aberg"),
    "enskede-arsta-vantor": (MEMBER, "Ahmed Yusuf, utredare", "ahmed.yusuf"),
    "utbildningsnamnden": (MEMBER, "Eva Nordström, internationell samordnare", "eva.nordstrom"),
    "socialnamnden": (MEMBER, "Lars Ekström, FoU-ledare", "lars.ekstrom"),
    "kulturnamnden": (MEMBER, "Sofia Lindahl, internationell strateg", "sofia.lindahl"),
    "trafiknamnden": (MEMBER, "Per Wikström, trafikplanerare", "per.wikstrom"),
    "stadsbyggnadsnamnden": (MEMBER, "Helena Forsberg, planarkitekt", "helena.forsberg"),
    "miljo-och-halsoskyddsnamnden": (MEMBER, "Anders Lund, miljöstrateg", "anders.lund"),
    "arbetsmarknadsnamnden": (MEMBER, "Fatima Ali, utvecklingsledare", "fatima.ali"),
    "stockholm-business-region": (MEMBER, "Magnus Öhman, investeringsrådgivare", "magnus.ohman"),
    "stockholmshem": (MEMBER, "Ulrika Dahl, hållbarhetschef", "ulrika.dahl"),
    "svenska-bostader": (MEMBER, "Mikael Strand, projektledare", "mikael.strand"),
    "familjebostader": (MEMBER, "Camilla Björk, kommunikationschef", "camilla.bjork"),
    "stockholms-hamnar": (MEMBER, "Henrik Sjöberg, miljöchef", "henrik.sjoberg"),
    "stadsledningskontoret": (MEMBER, "Cecilia Norén, internationell samordnare", "cecilia.noren"),
    "hagersten-liljeholmen": (PROPOSED, "Sara Johansson, utvecklingsledare", "sara.johansson"),
    "skarholmen": (PROPOSED, "Nils Persson, demokratiutvecklare", "nils.persson"),
    "farsta": (PROPOSED, "", ""),
    "spanga-tensta": (MISSING, "", ""),
    "bromma": (MISSING, "", ""),
    "ostermalm": (MISSING, "", ""),
    "alvsjo": (MISSING, "", ""),
}
#: A representative from the last term of office whose mandate nobody has renewed.
EXPIRED = ("skarpnack", "Ingrid Olofsson, utvecklingssekreterare", "ingrid.olofsson")
OFFICE_CONTACT = ("Internationella avdelningen", "internationellt@stockholm.se")


def ensure(home, committees, sections):
    ensure_representatives(committees)
    ensure_visits(committees)
    ensure_network_block(home)


def term_of_office(today):
    """The current four-year term of office, which starts in January after an election year."""
    first_year = 2023 + 4 * ((today.year - 2023) // 4)
    return datetime.date(first_year, 1, 1), datetime.date(first_year + 3, 12, 31)


def ensure_representatives(committees):
    """Set once: later runs leave what coordinators have changed since."""
    if Committee.objects.exclude(network_mandate_start=None).exists():
        return
    term_start, term_end = term_of_office(timezone.localdate())
    for slug, (standing, name, mailbox) in REPRESENTATIVES.items():
        if slug not in committees:
            continue
        committee = committees[slug]
        committee.network_representation = standing
        committee.network_representative = name
        committee.network_representative_email = f"{mailbox}@stockholm.se" if mailbox else ""
        if standing == MEMBER:
            committee.network_mandate_start, committee.network_mandate_end = term_start, term_end
        committee.save()
    slug, name, mailbox = EXPIRED
    if slug in committees:
        committee = committees[slug]
        committee.network_representation = MEMBER
        committee.network_representative = name
        committee.network_representative_email = f"{mailbox}@stockholm.se"
        committee.network_mandate_start = datetime.date(term_start.year - 4, 1, 1)
        committee.network_mandate_end = term_start - datetime.timedelta(days=1)
        committee.save()
    office = committees.get("stadsledningskontoret")
    if office and not office.contact_email:
        office.contact_name, office.contact_email = OFFICE_CONTACT
        office.save()


# (direction, committee, organisation, country, days from today to the first day, days it
# lasts, purpose, showcase slug); the two Oslo visits are one delegation in one week.
VISITS = [
    (
        VisitDirection.INCOMING,
        "rinkeby-kista",
        "Helsingfors stad",
        "Finland",
        9,
        2,
        "Uppföljning av ungdomsutbytet Unga ledare: ungdomsarbetare från Helsingfors besöker "
        "Tensta och Rinkeby.",
        "unga-ledare-helsingfors",
    ),
    (
        VisitDirection.INCOMING,
        "trafiknamnden",
        "Oslo kommune",
        "Norge",
        "clash-tuesday",
        1,
        "Hur trängselskatten har påverkat framkomlighet och luftkvalitet.",
        "trangselskatt-studiebesok",
    ),
    (
        VisitDirection.INCOMING,
        "stadsbyggnadsnamnden",
        "Oslo kommune",
        "Norge",
        "clash-thursday",
        1,
        "Planering av nya stadsdelar och stadsutvecklingsområden.",
        "",
    ),
    (
        VisitDirection.INCOMING,
        "miljo-och-halsoskyddsnamnden",
        "Eurocities",
        "Belgien",
        45,
        2,
        "Eurocities arbetsgrupp för klimat håller sitt möte i Stockholm.",
        "klimatsamarbete-eurocities",
    ),
    (
        VisitDirection.OUTGOING,
        "stockholms-hamnar",
        "Europaparlamentet, utskottet för transport och turism",
        "Belgien",
        30,
        2,
        "Landström till fartyg: stadens synpunkter på EU:s hamnregler, i Bryssel.",
        "landstrom-hamndirektiv",
    ),
    (
        VisitDirection.OUTGOING,
        "hagersten-liljeholmen",
        "Barcelona kommun",
        "Spanien",
        62,
        3,
        "Kulturella och kreativa näringar: studiebesök inför benchmarkingen av Telefonplan.",
        "benchmarking-telefonplan",
    ),
    (
        VisitDirection.INCOMING,
        "skarholmen",
        "Europarådet, Intercultural Cities",
        "Frankrike",
        -60,
        1,
        "Europarådets program Intercultural Cities om demokratiambassadörerna i Skärholmen.",
        "demokratiambassadorer",
    ),
    (
        VisitDirection.INCOMING,
        "sodermalm",
        "Köpenhamns kommun",
        "Danmark",
        -30,
        1,
        "Återbesök i erfarenhetsutbytet om äldreomsorg.",
        "aldreomsorg-kopenhamn",
    ),
    (
        VisitDirection.OUTGOING,
        "utbildningsnamnden",
        "Europeiska kommissionen, GD Utbildning",
        "Belgien",
        -120,
        2,
        "Erasmus+: möte i Bryssel om utbyten för yrkeslärare.",
        "erasmus-yrkeslarare",
    ),
    (
        VisitDirection.INCOMING,
        "stockholm-business-region",
        "Tallinns stad",
        "Estland",
        -200,
        1,
        "Investeringsfrämjande och samarbete kring företagsetableringar i Östersjöregionen.",
        "investeringsframjande-massor",
    ),
    (
        VisitDirection.INCOMING,
        "stadsbyggnadsnamnden",
        "Shanghais stadsplaneringsbyrå",
        "Kina",
        -90,
        1,
        "Hur Stockholm planerar en växande stad med hållbara transporter.",
        "smarta-stader",
    ),
]


def first_day(offset, today):
    """A day relative to today; the clash falls on Tuesday and Thursday three weeks ahead."""
    if isinstance(offset, int):
        return today + datetime.timedelta(days=offset)
    monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=3)
    return monday + datetime.timedelta(days=1 if offset == "clash-tuesday" else 3)


def ensure_visits(committees):
    """Each visit is created once, its dates then fixed, so later runs change nothing."""
    today = timezone.localdate()
    for direction, slug, organisation, country, offset, days, purpose, showcase in VISITS:
        committee = committees.get(slug)
        if committee is None:
            continue
        start = first_day(offset, today)
        StudyVisit.objects.get_or_create(
            direction=direction,
            committee=committee,
            organisation=organisation,
            defaults={
                "country": country,
                "start_date": start,
                "end_date": start + datetime.timedelta(days=days - 1) if days > 1 else None,
                "purpose": purpose,
                "contact_name": committee.network_representative.split(",")[0],
                "contact_email": committee.network_representative_email,
                "showcase": ProjectShowcasePage.objects.filter(slug=showcase).first()
                if showcase
                else None,
            },
        )


NETWORK_BLOCK_INTRO = (
    "<p>Varje nämnd och bolag utser en representant i nätverket för informationsspridning för "
    "en mandatperiod. Stadsdelsnämnderna har efterfrågat en samlad bild av vilka som är "
    "representerade; den uppdateras av stadsledningskontoret.</p>"
)


def ensure_network_block(home):
    """The "Om nätverket" section shows who represents whom, once."""
    section = SectionPage.objects.child_of(home).filter(slug="om-natverket").first()
    if section is None:
        return
    if any(block.block_type == "network_representation" for block in section.body):
        return
    section.body.append(("paragraph", NETWORK_BLOCK_INTRO))
    section.body.append(
        ("network_representation", {"heading": "Nämndernas och bolagens representanter"})
    )
    section.save_revision().publish()
