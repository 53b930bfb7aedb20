"""What the paper clients hand back: one typed record per paper, one result per question."""

from __future__ import annotations

import datetime
import enum
from dataclasses import asdict, dataclass, field


class Status(str, enum.Enum):
    FOUND = "found"
    UNKNOWN = "unknown"  # the service has no such id/DOI, or a title search found no match
    WITHDRAWN = "withdrawn"  # arXiv: the latest version withdraws the paper
    ERROR = "error"  # the service could not be asked (network, 5xx after retries): no verdict


@dataclass(frozen=True, slots=True)
class PaperRecord:
    """A paper as arXiv or Crossref describes it."""

    source: str  # "arxiv" or "crossref"
    key: str  # "arxiv:2309.05904", "doi:10.1609/aaai.v36i1.19938"
    title: str
    authors: tuple[str, ...]  # "Given Family", in the record's order
    first_date: datetime.date | None  # arXiv: v1 submitted; Crossref: first published
    latest_date: datetime.date | None  # arXiv: latest version submitted; Crossref: same as first
    version: int | None = None  # arXiv: the latest version's number
    journal_ref: str | None = None  # arXiv: where it was published, as the authors wrote it
    doi: str | None = None  # arXiv: the published version's DOI; Crossref: the DOI
    venue: str | None = None  # Crossref: container title (journal, proceedings)
    url: str | None = None  # the record's own landing page

    def to_json(self) -> dict:
        data = asdict(self)
        for name in ("first_date", "latest_date"):
            value = data[name]
            data[name] = value.isoformat() if value else None
        data["authors"] = list(self.authors)
        return data

    @classmethod
    def from_json(cls, data: dict) -> PaperRecord:
        values = dict(data)
        for name in ("first_date", "latest_date"):
            raw = values.get(name)
            values[name] = datetime.date.fromisoformat(raw) if raw else None
        values["authors"] = tuple(values.get("authors") or ())
        return cls(**values)


@dataclass(frozen=True, slots=True)
class PaperResult:
    """The answer to one question (an id, a DOI, a title): a record, or why there is none."""

    query: str  # the key asked: "arxiv:…", "doi:…", "title:<folded title>|<year>"
    status: Status
    record: PaperRecord | None = None
    error: str | None = None
    from_cache: bool = field(default=False, compare=False)

    @property
    def found(self) -> bool:
        return self.status is Status.FOUND and self.record is not None

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "status": self.status.value,
            "record": self.record.to_json() if self.record else None,
            "error": self.error,
        }

    @classmethod
    def from_json(cls, data: dict, from_cache: bool = False) -> PaperResult:
        record = data.get("record")
        return cls(
            query=data["query"],
            status=Status(data["status"]),
            record=PaperRecord.from_json(record) if record else None,
            error=data.get("error"),
            from_cache=from_cache,
        )
