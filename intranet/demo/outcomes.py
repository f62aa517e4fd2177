"""Demo outcomes: the ended projects' results, lessons learned and transferability, one ended
project still waiting for its outcome (so the report and the dashboard have something to show),
and one project that another district committee has started to reuse."""

from strategy_pages.follow_up.reuse import reuse_showcase
from strategy_pages.models import ProjectShowcasePage

OUTCOMES = {
    ("hagersten-liljeholmen", "kompetensutbyte-forskolan"): {
        "results": (
            "<p>Ett sextiotal pedagoger från nio förskolor har deltagit i utbyten med Helsingfors "
            "och Tallinn. Sex förskolor har infört utomhuspedagogik som en del av den dagliga "
            "verksamheten, och språkutvecklande arbetssätt från Helsingfors används nu i "
            "stadsdelens flerspråkiga barngrupper.</p>"
        ),
        "lessons_learned": (
            "<p>Utbytena gav mest när pedagogerna hade en konkret fråga med sig och när "
            "förskolechefen var med och kunde fatta beslut efteråt. Besöken behöver förberedas "
            "med tid för vikarier; det var den största kostnaden. Korta uppföljningsträffar "
            "efter hemkomsten gjorde att erfarenheterna spreds till fler än de som rest.</p>"
        ),
        "transferability": (
            "<p>Arbetssättet går att använda i alla stadsdelsnämnder. Det som behövs är en "
            "samordnare på halvtid under ansökningsåret, medfinansiering för vikarier och en "
            "partnerförskola som redan deltagit i Erasmus+. Kontaktnätet i Helsingfors och "
            "Tallinn delar vi gärna.</p>"
        ),
    },
    ("sodermalm", "aldreomsorg-kopenhamn"): {
        "results": (
            "<p>Hemtjänsten på Södermalm har tagit efter Köpenhamns hembesök för förebyggande "
            "arbete: alla som fyller 80 år erbjuds ett samtal om hälsa, fallrisk och "
            "aktiviteter i närområdet. Under det första året tackade två av tre ja.</p>"
        ),
        "lessons_learned": (
            "<p>Att jämföra scheman och ersättningsmodeller tog längre tid än väntat, eftersom "
            "hemtjänsten är organiserad på olika sätt i de två städerna. Det som gick att föra "
            "över var arbetssätt, inte organisation. Medarbetarnas egna besök i Köpenhamn var "
            "avgörande för att de skulle vilja pröva något nytt.</p>"
        ),
        "transferability": (
            "<p>De förebyggande hembesöken kan införas i andra stadsdelar utan nya resurser "
            "om de ersätter en del av de uppföljningsbesök som redan görs. Socialförvaltningen "
            "kan stödja med underlag för samtalen.</p>"
        ),
    },
}
# "erasmus-yrkeslarare" has ended without an outcome and is left so: the report and the
# editors' dashboard list it.
REUSE = {
    "origin": ("hagersten-liljeholmen", "kompetensutbyte-forskolan"),
    "target": "rinkeby-kista",
    "summary": (
        "Rinkeby-Kista tar efter Hägersten-Liljeholmens kompetensutbyte och planerar utbyten "
        "för förskolorna i Rinkeby och Kista, med fokus på flerspråkighet."
    ),
}


def ensure(home, committees, sections):
    for place, outcome in OUTCOMES.items():
        ensure_outcome(showcase(sections, place), outcome)
    ensure_reuse(sections)


def showcase(sections, place):
    """The project with this slug under this committee's page: a reuse may share its slug."""
    committee, slug = place
    section = sections.get(committee)
    if section is None:
        return None
    return ProjectShowcasePage.objects.child_of(section).filter(slug=slug).first()


def ensure_outcome(page, outcome):
    """Fill the parts an editor has not written; publish only when something was added."""
    if page is None:
        return
    missing = {field: text for field, text in outcome.items() if not getattr(page, field)}
    if not missing:
        return
    for field, text in missing.items():
        setattr(page, field, text)
    page.save_revision().publish()


def ensure_reuse(sections):
    origin = showcase(sections, REUSE["origin"])
    target = sections.get(REUSE["target"])
    if origin is None or target is None:
        return
    if ProjectShowcasePage.objects.filter(reused_from=origin, committee=target.committee).exists():
        return
    copy = reuse_showcase(origin, target, user=None)
    copy.summary = REUSE["summary"]
    copy.save_revision()
