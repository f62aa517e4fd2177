"""Network representation: the coverage follows the committees' data, "Om nätverket" shows it,
each committee page says where it stands, and coordinators keep it up to date in the admin."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from strategy_pages.follow_up.network import Standing, network_coverage
from strategy_pages.models import CommitteeKind, NetworkRepresentation
from tests import factories

NOW = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def end_of_november_2026():
    with time_machine.travel(NOW, tick=False):
        yield


def represent(committee, representation, name="", email="", start=None, end=None):
    committee.network_representation = representation
    committee.network_representative = name
    committee.network_representative_email = email
    committee.network_mandate_start = start
    committee.network_mandate_end = end
    committee.save()
    return committee


@pytest.fixture
def network(tree):
    """Tree's three committees and four more: two members with current mandates, one expiring
    within weeks, one expired, one proposed and two without a representative."""
    committees = dict(tree.committees)
    committees["utbildningsnamnden"] = factories.CommitteeFactory(
        name="Utbildningsnämnden", slug="utbildningsnamnden", kind=CommitteeKind.SPECIALIST
    )
    committees["bromma"] = factories.CommitteeFactory(name="Bromma stadsdelsnämnd", slug="bromma")
    committees["slk"] = factories.CommitteeFactory(
        name="Stadsledningskontoret",
        slug="stadsledningskontoret",
        kind=CommitteeKind.EXECUTIVE_OFFICE,
        contact_email="internationellt@stockholm.se",
    )
    committees["skarpnack"] = factories.CommitteeFactory(
        name="Skarpnäcks stadsdelsnämnd", slug="skarpnack"
    )
    member = NetworkRepresentation.MEMBER
    represent(
        committees["sodermalm"],
        member,
        "Karin Åberg, utvecklingsstrateg",
        "karin.aberg@stockholm.se",
        datetime.date(2023, 1, 1),
        datetime.date(2026, 12, 31),
    )
    represent(
        committees["utbildningsnamnden"],
        member,
        "Eva Nordström",
        "eva.nordstrom@stockholm.se",
        datetime.date(2023, 1, 1),
        datetime.date(2027, 12, 31),
    )
    represent(
        committees["slk"],
        member,
        "Cecilia Norén",
        "cecilia.noren@stockholm.se",
        datetime.date(2023, 1, 1),
    )
    represent(
        committees["skarpnack"],
        member,
        "Ingrid Olofsson",
        "ingrid.olofsson@stockholm.se",
        datetime.date(2019, 1, 1),
        datetime.date(2022, 12, 31),
    )
    represent(
        committees["hagersten-liljeholmen"],
        NetworkRepresentation.PROPOSED,
        "Sara Johansson",
        "sara.johansson@stockholm.se",
    )
    represent(committees["stockholmshem"], NetworkRepresentation.NOT_REPRESENTED)
    return committees


def names(coverage, key):
    return [committee.name for committee in coverage.group(key).committees]


def test_committees_are_grouped_by_standing_and_ordered_by_kind_then_name(network):
    coverage = network_coverage()

    assert names(coverage, Standing.MEMBER) == [
        "Södermalms stadsdelsnämnd",
        "Utbildningsnämnden",
        "Stadsledningskontoret",
    ]
    assert names(coverage, Standing.PROPOSED) == ["Hägersten-Liljeholmens stadsdelsnämnd"]
    assert names(coverage, Standing.MISSING) == ["Bromma stadsdelsnämnd", "AB Stockholmshem"]
    assert names(coverage, Standing.EXPIRED) == ["Skarpnäcks stadsdelsnämnd"]


def test_a_mandate_ending_today_still_counts_and_one_that_ended_yesterday_has_expired(network):
    represent(network["bromma"], NetworkRepresentation.MEMBER, end=datetime.date(2026, 11, 30))
    represent(network["sodermalm"], NetworkRepresentation.MEMBER, end=datetime.date(2026, 11, 29))

    coverage = network_coverage()

    assert "Bromma stadsdelsnämnd" in names(coverage, Standing.MEMBER)
    assert "Södermalms stadsdelsnämnd" in names(coverage, Standing.EXPIRED)


@pytest.fixture
def om_natverket(tree, network):
    return factories.SectionPageFactory(
        parent=tree.home,
        title="Om nätverket",
        slug="om-natverket",
        body=[("network_representation", {"heading": ""})],
    )


def test_om_natverket_counts_in_words_and_lists_every_group_with_contacts(
    tree, om_natverket, staff_client
):
    html = staff_client.get(om_natverket.url).content.decode()

    assert (
        "3 av 7 nämnder och bolag är representerade, 1 är föreslagen, 2 saknas, "
        "1 har ett mandat som har gått ut." in html
    )
    for heading in ("Representerade (3)", "Föreslagna (1)", "Saknar representant (2)"):
        assert heading in html
    assert "Mandatet har gått ut (1)" in html
    assert 'href="mailto:karin.aberg@stockholm.se"' in html
    assert "1 januari 2023" in html and "31 december 2026" in html
    assert "tills vidare" in html  # the City Executive Office's mandate has no end
    assert f'href="{tree.sections["sodermalm"].url}"' in html


def test_the_block_follows_the_committees_data(om_natverket, network, staff_client):
    represent(
        network["bromma"],
        NetworkRepresentation.MEMBER,
        "Johan Berglund",
        "johan.berglund@stockholm.se",
        datetime.date(2023, 1, 1),
        datetime.date(2026, 12, 31),
    )

    html = staff_client.get(om_natverket.url).content.decode()

    assert "4 av 7 nämnder och bolag är representerade" in html
    assert "1 saknas" in html
    assert "johan.berglund@stockholm.se" in html


def test_a_members_committee_page_shows_its_representative_and_mandate(tree, network, staff_client):
    html = staff_client.get(tree.sections["sodermalm"].url).content.decode()

    assert "Södermalms stadsdelsnämnd är representerad i nätverket." in html
    assert "Karin Åberg, utvecklingsstrateg" in html
    assert 'href="mailto:karin.aberg@stockholm.se"' in html
    assert "31 december 2026" in html


def test_a_proposed_committee_page_says_so(tree, network, staff_client):
    html = staff_client.get(tree.sections["hagersten-liljeholmen"].url).content.decode()

    assert "har föreslagits till nätverket" in html
    assert "Sara Johansson" in html


def test_a_committee_without_representative_is_told_whom_to_contact(tree, network, staff_client):
    slk_page = factories.CommitteePageFactory(parent=tree.committee_index, committee=network["slk"])

    html = staff_client.get(tree.sections["stockholmshem"].url).content.decode()

    assert "AB Stockholmshem är inte representerad i nätverket." in html
    assert "Kontakta nätverkets samordnare" in html
    assert f'href="{slk_page.url}"' in html
    assert 'href="mailto:internationellt@stockholm.se"' in html


def test_an_expired_mandate_is_shown_as_expired_on_the_committee_page(tree, network, staff_client):
    section = factories.CommitteePageFactory(
        parent=tree.committee_index, committee=network["skarpnack"]
    )

    html = staff_client.get(section.url).content.decode()

    assert "Mandatet för representanten för Skarpnäcks stadsdelsnämnd har gått ut." in html
    assert "Ingrid Olofsson" in html


# The admin.


def test_coordinators_see_representatives_and_filter_by_mandate(people, network, client):
    client.force_login(people.coordinator)
    listing = reverse("wagtailsnippets_strategy_pages_committee:list")

    everyone = client.get(listing).content.decode()
    expired = client.get(listing, {"mandate": "expired"}).content.decode()
    expiring = client.get(listing, {"mandate": "expiring"}).content.decode()

    assert "Karin Åberg, utvecklingsstrateg" in everyone
    assert "Skarpnäcks stadsdelsnämnd" in expired
    assert "Södermalms stadsdelsnämnd" not in expired
    assert "Södermalms stadsdelsnämnd" in expiring  # ends 31 December, within 60 days
    assert "Utbildningsnämnden" not in expiring


def test_the_report_lists_committees_that_need_attention_with_edit_links(people, network, client):
    client.force_login(people.coordinator)

    html = client.get(reverse("strategy_network:report")).content.decode()

    for name in (
        "Bromma stadsdelsnämnd",
        "AB Stockholmshem",
        "Hägersten-Liljeholmens stadsdelsnämnd",
        "Skarpnäcks stadsdelsnämnd",
        "Södermalms stadsdelsnämnd",
    ):
        assert name in html
    assert "Utbildningsnämnden" not in html
    assert "Stadsledningskontoret" not in html
    edit = reverse("wagtailsnippets_strategy_pages_committee:edit", args=[network["bromma"].pk])
    assert f'href="{edit}"' in html
    assert "Mandatet går snart ut" in html


def test_staff_cannot_open_the_report(people, network, client):
    client.force_login(people.staff)

    response = client.get(reverse("strategy_network:report"))

    assert response.status_code == 302
    assert "Bromma" not in client.get(response["Location"], follow=True).content.decode()


def test_the_report_is_in_the_reports_menu_for_coordinators_only(people, network, client):
    report = reverse("strategy_network:report")
    client.force_login(people.coordinator)
    coordinators_admin = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(people.network_editor)
    editors_admin = client.get(reverse("wagtailadmin_home")).content.decode()

    assert report in coordinators_admin
    assert report not in editors_admin
