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
)
from .base import CommitteeOwnedPage, IllustratedPage, IntranetPage  # isort: skip
from .calendars import CalendarPage
from .classification import ClassifiedPage
from .committees import CommitteeIndexPage, CommitteePage
from .consultations import ConsultationResponsePage
from .content import ContentPage
from .events import EventPage
from .following import Interest, Visit
from .home import IntranetHomePage
from .links import LinkPage
from .news import NetworkNewsIndexPage, NetworkNewsPage
from .roles import RoleGroup
from .sections import SectionPage
from .showcases import ProjectShowcasePage, ShowcaseIndexPage
from .strategy import OrientationPage, StrategyPage

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
    "SustainabilityDimension",
    "Theme",
    "Visit",
]
