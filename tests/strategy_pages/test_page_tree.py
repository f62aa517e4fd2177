from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from strategy_pages.models import (
    CommitteeIndexPage,
    CommitteePage,
    ConsultationResponsePage,
    IntranetHomePage,
    NetworkNewsIndexPage,
    NetworkNewsPage,
    OrientationPage,
    ProjectShowcasePage,
    ShowcaseIndexPage,
    StrategyPage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            IntranetHomePage,
            {StrategyPage, NetworkNewsIndexPage, ShowcaseIndexPage, CommitteeIndexPage},
        )
        self.assertAllowedParentPageTypes(IntranetHomePage, {Page})

    def test_strategy_holds_only_orientations(self):
        self.assertAllowedSubpageTypes(StrategyPage, {OrientationPage})
        self.assertAllowedParentPageTypes(OrientationPage, {StrategyPage})
        self.assertAllowedSubpageTypes(OrientationPage, set())

    def test_news_lives_in_the_news_listing(self):
        self.assertAllowedSubpageTypes(NetworkNewsIndexPage, {NetworkNewsPage})
        self.assertAllowedParentPageTypes(NetworkNewsPage, {NetworkNewsIndexPage})
        self.assertAllowedSubpageTypes(NetworkNewsPage, set())

    def test_committee_content_lives_under_its_committee(self):
        self.assertAllowedSubpageTypes(CommitteeIndexPage, {CommitteePage})
        self.assertAllowedSubpageTypes(
            CommitteePage, {ProjectShowcasePage, ConsultationResponsePage}
        )
        self.assertAllowedParentPageTypes(ProjectShowcasePage, {CommitteePage})
        self.assertAllowedParentPageTypes(ConsultationResponsePage, {CommitteePage})

    def test_showcase_listing_aggregates_and_has_no_children(self):
        self.assertAllowedSubpageTypes(ShowcaseIndexPage, set())

    def test_a_showcase_cannot_be_created_outside_a_committee(self):
        self.assertCanNotCreateAt(ShowcaseIndexPage, ProjectShowcasePage)
        self.assertCanNotCreateAt(NetworkNewsIndexPage, ProjectShowcasePage)
        self.assertCanCreateAt(CommitteePage, ProjectShowcasePage)
