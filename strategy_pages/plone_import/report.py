"""What an import did, or would do: one line per item, warnings, and totals."""

from collections import Counter
from dataclasses import dataclass, field

CREATED, UPDATED, UNCHANGED, SKIPPED, MERGED = (
    "created",
    "updated",
    "unchanged",
    "skipped",
    "merged",
)
DRY_RUN_WORDS = {CREATED: "would create", UPDATED: "would update", MERGED: "would merge"}


@dataclass(frozen=True)
class ItemOutcome:
    path: str
    portal_type: str
    review_state: str | None
    action: str
    target: str = ""
    reason: str = ""

    def line(self, dry_run):
        verb = DRY_RUN_WORDS.get(self.action, self.action) if dry_run else self.action
        text = f"{verb:>12}  {self.portal_type:<10} {self.path}"
        if self.target:
            text += f" → {self.target}"
        if self.reason:
            text += f" ({self.reason})"
        return text


@dataclass
class ImportReport:
    dry_run: bool = False
    outcomes: list[ItemOutcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _warned: set[str] = field(default_factory=set, repr=False)

    def add(self, outcome):
        self.outcomes.append(outcome)

    def warn(self, path, message):
        """Each warning once, however often an item is converted in one run."""
        warning = f"{path}: {message}"
        if warning not in self._warned:
            self._warned.add(warning)
            self.warnings.append(warning)

    def note(self, message):
        self.notes.append(message)

    def counts(self):
        return Counter(outcome.action for outcome in self.outcomes)

    def counts_by_type_and_state(self):
        return Counter(
            (outcome.portal_type, outcome.review_state)
            for outcome in self.outcomes
            if outcome.action != SKIPPED
        )

    def outcome_for(self, path):
        return next(outcome for outcome in self.outcomes if outcome.path == path)

    def summary(self):
        counts = self.counts()
        words = DRY_RUN_WORDS if self.dry_run else {}
        parts = [
            f"{words.get(action, action)} {counts[action]}"
            for action in (CREATED, UPDATED, MERGED, UNCHANGED, SKIPPED)
            if counts[action]
        ]
        prefix = "Dry run, nothing written: " if self.dry_run else ""
        return f"{prefix}{len(self.outcomes)} items: {', '.join(parts) or 'nothing to do'}; " + (
            f"{len(self.warnings)} warning(s)."
        )
