"""The content model: organisations and classifications first, then the page types."""

from .taxonomy import (  # isort: skip
    Committee,
    CommitteeKind,
    EventKind,
    NetworkRepresentation,
    Orientation,
    ShowcaseStatus,
    SustainabilityDimension,
    Theme,
    VisitDirection,
)
from .base import CommitteeOwnedPage, IllustratedPage, IntranetPage  # isort: skip
from .calendars import CalendarPage
from .classification import ClassifiedPage
from .committees import CommitteeIndexPage, CommitteePage
from .consultations import ConsultationResponsePage
from .content import ContentPage
from .events import EventPage
from .follow_up import FollowUpPage
from .following import Interest, Visit
from .home import IntranetHomePage
from .links import LinkPage
from .news import NetworkNewsIndexPage, NetworkNewsPage
from .roles import RoleGroup
from .sections import SectionPage
from .showcases import ProjectShowcasePage, ShowcaseIndexPage
from .strategy import OrientationPage, StrategyPage
from .study_visits import StudyVisit

__all__ = [
    "CalendarPage",
    "ClassifiedPage",
    "Committee",
    "CommitteeIndexPage",
    "CommitteeKind",
    "CommitteeOwnedPage",
    "CommitteePage",
    "ConsultationResponsePage",
    "ContentPage",
    "EventKind",
    "EventPage",
    "FollowUpPage",
    "IllustratedPage",
    "IntranetHomePage",
    "IntranetPage",
    "Interest",
    "LinkPage",
    "NetworkNewsIndexPage",
    "NetworkNewsPage",
    "NetworkRepresentation",
    "Orientation",
    "OrientationPage",
    "ProjectShowcasePage",
    "RoleGroup",
    "SectionPage",
    "ShowcaseIndexPage",
    "ShowcaseStatus",
    "StrategyPage",
    "StudyVisit",
    "SustainabilityDimension",
    "Theme",
    "Visit",
    "VisitDirection",
]
