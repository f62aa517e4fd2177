from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from strategy_pages.models import (
    CalendarPage,
    CommitteeIndexPage,
    CommitteePage,
    ConsultationResponsePage,
    ContentPage,
    EventPage,
    FollowUpPage,
    IntranetHomePage,
    LinkPage,
    NetworkNewsIndexPage,
    NetworkNewsPage,
    OrientationPage,
    ProjectShowcasePage,
    SectionPage,
    ShowcaseIndexPage,
    StrategyPage,
)

GENERAL_PAGES = {SectionPage, ContentPage, EventPage, LinkPage}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            IntranetHomePage,
            {
                StrategyPage,
                NetworkNewsIndexPage,
                ShowcaseIndexPage,
                CommitteeIndexPage,
                CalendarPage,
                FollowUpPage,
            }
            | GENERAL_PAGES,
        )
        self.assertAllowedParentPageTypes(IntranetHomePage, {Page})

    def test_strategy_holds_its_orientations_and_its_follow_up(self):
        self.assertAllowedSubpageTypes(StrategyPage, {OrientationPage, FollowUpPage})
        self.assertAllowedParentPageTypes(OrientationPage, {StrategyPage})
        self.assertAllowedSubpageTypes(OrientationPage, set())
        self.assertAllowedParentPageTypes(FollowUpPage, {IntranetHomePage, StrategyPage})
        self.assertAllowedSubpageTypes(FollowUpPage, set())

    def test_news_lives_in_the_news_listing_or_with_a_committee(self):
        self.assertAllowedSubpageTypes(NetworkNewsIndexPage, {NetworkNewsPage})
        self.assertAllowedParentPageTypes(
            NetworkNewsPage, {NetworkNewsIndexPage, CommitteePage, SectionPage}
        )
        self.assertAllowedSubpageTypes(NetworkNewsPage, set())

    def test_committee_content_lives_under_its_committee(self):
        self.assertAllowedSubpageTypes(CommitteeIndexPage, {CommitteePage})
        self.assertAllowedSubpageTypes(
            CommitteePage,
            {ProjectShowcasePage, ConsultationResponsePage, NetworkNewsPage} | GENERAL_PAGES,
        )
        self.assertAllowedParentPageTypes(ProjectShowcasePage, {CommitteePage})
        self.assertAllowedParentPageTypes(ConsultationResponsePage, {CommitteePage})

    def test_showcase_listing_aggregates_and_has_no_children(self):
        self.assertAllowedSubpageTypes(ShowcaseIndexPage, set())

    def test_a_showcase_cannot_be_created_outside_a_committee(self):
        self.assertCanNotCreateAt(ShowcaseIndexPage, ProjectShowcasePage)
        self.assertCanNotCreateAt(NetworkNewsIndexPage, ProjectShowcasePage)
        self.assertCanCreateAt(CommitteePage, ProjectShowcasePage)

    def test_sections_nest_and_hold_general_pages_and_news(self):
        self.assertAllowedSubpageTypes(SectionPage, GENERAL_PAGES | {NetworkNewsPage, CalendarPage})
        self.assertAllowedParentPageTypes(CalendarPage, {IntranetHomePage, SectionPage})
        self.assertAllowedParentPageTypes(
            SectionPage, {IntranetHomePage, SectionPage, CommitteePage}
        )

    def test_general_pages_live_at_the_top_in_sections_and_under_committees(self):
        for page_type in (ContentPage, EventPage, LinkPage):
            self.assertAllowedParentPageTypes(
                page_type, {IntranetHomePage, SectionPage, CommitteePage}
            )
            self.assertAllowedSubpageTypes(page_type, set())
        self.assertCanNotCreateAt(NetworkNewsIndexPage, ContentPage)
        self.assertCanNotCreateAt(StrategyPage, EventPage)


def test_the_intranet_keeps_its_sections_under_its_start_page(tree):
    plain = tree.home.add_child(instance=Page(title="Vanlig sida"))
    assert not StrategyPage.can_create_at(plain)
    assert not NetworkNewsIndexPage.can_create_at(plain)
