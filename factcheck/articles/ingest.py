"""Text, HTML or a URL in; an Article with its cited Sources (and proposed claims) out.

``parse_article`` is pure: it splits a document into title, byline metadata, body and the
trailing source list. ``ingest`` stores the result once (articles are de-duplicated by the
hash of their body) in a single transaction.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from factcheck.errors import InputError
from factcheck.inputs import check_text
from factcheck.language.identify import identify_language
from factcheck.messages import N_, Message

if TYPE_CHECKING:
    from sqlmodel import Session

    from factcheck.audit import Actor
    from factcheck.models import Article, Claim

# The storing half imports the models (and SQLAlchemy) inside its functions: the parsing half
# also serves `factcheck extract`, which needs no database.

MAX_INPUT_BYTES = 5 * 1024 * 1024
# Addresses of the workspace's own pages under /review/articles/ (the form to add one).
RESERVED_SLUGS = frozenset({"new"})

SOURCE_HEADINGS = re.compile(
    r"^\s*(sumber[- ]sumber|sumber|sources?|referensi|references|rujukan|daftar pustaka)\s*:?\s*$",
    re.IGNORECASE,
)
# Footer lines that end the article; they and everything after them are dropped, except a
# link to another story ("Baca juga: ...", "Read more: ...") with more of the article after it:
# only that line is dropped.
BOILERPLATE = re.compile(
    r"^\s*(baca (lebih banyak|juga|selengkapnya)|apakah anda menemukan|kami akan mempertimbangkan|"
    r"read more|did you find an error|share (this|on)|bagikan|ikuti kami|follow us)",
    re.IGNORECASE,
)
RELATED_LINK = re.compile(
    r"^\s*(baca juga|lihat juga|simak juga|baca pula|pilihan editor|artikel terkait|"
    r"read more|read also|also read|see also|related)\b",
    re.IGNORECASE,
)
# a picture's caption ("Foto: ...", "Photo: ...") or a page's furniture written in capitals
# ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT") between paragraphs: not the article's
CAPTION = re.compile(
    r"^\s*(?:(?:foto|photo|photograph|gambar|ilustrasi|illustration|caption|video)\s*:"
    r"|image (?:source|caption)\s*[:,])",
    re.I,
)
# a paragraph of the article: a dozen words or more, ending as a sentence ends
PROSE = re.compile(r"^\s*(?:\S+\s+){11,}\S*[.!?…\"”’)]\s*$")
BYLINES = [
    ("editor", re.compile(r"^\s*(diedit oleh|disunting oleh|editor|edited by)\s*:?\s*(.+)$", re.I)),
    (
        "author",
        re.compile(r"^\s*(oleh|penulis|reporter|pewarta|laporan|by|written by)\s*:?\s+(.+)$", re.I),
    ),
]
URL_RE = re.compile(r"https?://\S+")


@dataclass
class ParsedSource:
    title: str
    url: str | None = None
    publisher: str | None = None


@dataclass
class ParsedArticle:
    title: str
    body: str
    language: str
    author: str | None = None
    editor: str | None = None
    url: str | None = None
    sources: list[ParsedSource] = field(default_factory=list)
    published: datetime.date | None = None  # the byline's or page's date, when it gives one


def content_hash(body: str) -> str:
    """sha256 of the body with white space folded: the article's identity."""
    folded = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def slugify(title: str, max_length: int = 80) -> str:
    """A lowercase ASCII slug for ``title`` ("article" when nothing is left)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "article"


def parse_source_line(line: str) -> ParsedSource:
    """One line of a source list: a title, optionally with a URL in it."""
    found = URL_RE.search(line)
    url = found.group(0).rstrip(".,;)") if found else None
    title = URL_RE.sub("", line).strip(" \t-–—:|,") if found else line.strip()
    return ParsedSource(title=title or (url or ""), url=url)


def parse_article(
    text: str, *, title: str | None = None, language: str | None = None, url: str | None = None
) -> ParsedArticle:
    """Split a plain-text article into title, byline metadata, body and cited sources.

    The first non-empty line is the title unless ``title`` is given. Byline lines
    ("Diedit oleh: …", "By …") near the top become metadata; a trailing heading such as
    "Sumber-sumber" or "Sources" starts the source list; footer boilerplate is dropped.
    A full date in the author's byline ("By Ana Reyes, Health Reporter, Monday 30 November
    2026") or on a line of its own there ("Senin, 30 November 2026 09:15 WIB") is the
    article's published date, and is not part of the author's name.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = _cut_footer(lines)
    meta: dict = {}  # author, editor (str), published (a date)
    heading = next(
        (i for i in range(len(lines) - 1, -1, -1) if SOURCE_HEADINGS.match(lines[i])), None
    )
    source_lines = lines[heading + 1 :] if heading is not None else []
    body_lines = lines[:heading] if heading is not None else lines
    body_lines = [line for line in body_lines if line.strip()]
    if title is None and body_lines:
        title = body_lines.pop(0).strip()
    body_lines = _without_credits(_without_header(body_lines, meta), meta)
    body_lines = [line for line in body_lines if not _furniture(line)] or body_lines
    if meta.get("author"):
        meta["author"], day = _without_date(meta["author"])
        meta.setdefault("published", day)
    body = "\n".join(line.strip() for line in body_lines)
    if not body.strip():
        raise InputError(N_("the document has no article text"))
    sources = [parse_source_line(line) for line in source_lines if line.strip()]
    return ParsedArticle(
        title=title or body[:80],
        body=body,
        language=language or identify_language(body),
        url=url,
        author=meta.get("author"),
        editor=meta.get("editor"),
        sources=sources,
        published=meta.get("published"),
    )


def _furniture(line: str) -> bool:
    """A caption or a line of the page's furniture in capitals (``CAPTION``); a dateline in
    capitals ("JAKARTA, 30 November 2026 -") is the article's, and so is a line with a
    figure."""
    if CAPTION.match(line):
        return True
    letters = re.sub(r"[\W\d_]", "", line)
    if len(letters) < 5 or not letters.isupper() or PROSE.match(line):
        return False  # a paragraph in capitals is still the article's
    return not re.search(r"\d|[,–—-]\s*$", line)


def _cut_footer(lines: list[str]) -> list[str]:
    kept = []
    for i, line in enumerate(lines):
        if RELATED_LINK.match(line) and any(PROSE.match(later) for later in lines[i + 1 :]):
            continue  # "Baca juga: ..." between paragraphs: a link, not the article's end
        if BOILERPLATE.match(line):
            return kept
        kept.append(line)
    return kept


def _without_header(lines: list[str], meta: dict) -> list[str]:
    """The body's lines without the bylines and date lines above its first paragraph:
    "Penulis: Dian Pratiwi | Editor: Bambang Susilo", "Published 30 November 2026", also
    after a line that is neither ("BBC News, Leeds", a dateline: kept in the body)."""
    kept = []
    for i, line in enumerate(lines):
        if PROSE.match(line):
            return kept + lines[i:]
        if _ends_sentence(line) or not (_byline(line, meta) or _date_line(line, meta)):
            kept.append(line)  # "Oleh karena hujan, panen mundur.": a sentence, no byline
    return kept


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends as a sentence ends (not after an initial: "Oleh: Rina M.")."""
    return bool(re.search(r"[.!?…\"”’]\s*$", line)) and not re.search(r"\b[A-Z]\.\s*$", line)


# a credit under the article: a line wholly in brackets ("(tim/agt)", "(Reporting by Ana
# Reyes; Editing by Tom Hale)") or a contributor's line ("... contributed to this report.")
CREDIT = re.compile(
    r"^\s*(?:\([^()]*\)|\[[^\[\]]*\]"
    r"|.{0,120}\bcontributed(?: reporting)? to this (?:report|story)\W*)\s*$",
    re.IGNORECASE,
)


def _without_credits(lines: list[str], meta: dict) -> list[str]:
    """The body's lines without the credits that close it (``CREDIT``, and bylines such as
    "Penulis: Andi Pratama", "Editor: Sri Wahyuni", read into ``meta`` when the top gave
    none): who reported and edited it is not the article's claim."""
    while len(lines) > 1 and (CREDIT.match(lines[-1]) or _foot_byline(lines[-1], meta)):
        lines = lines[:-1]
    return lines


def _foot_byline(line: str, meta: dict) -> bool:
    """A byline at the foot: a short line that does not end as a sentence ends ("Penulis:
    Andi Pratama"), not a last paragraph opening with "Oleh karena itu, ..." or "By 2030,
    ..."."""
    if _ends_sentence(line) or len(line.split()) > 8:
        return False
    return _byline(line, meta)


def _byline(line: str, meta: dict) -> bool:
    """Read a byline ("Oleh: Rina", "By Ana Reyes, Health Reporter") into ``meta``; one line
    may hold several parts split by "|" ("Penulis: Dian | Editor: Bambang", "Oleh: Rina |
    Senin, 30 November 2026"), each a byline, the date, or more of the byline before it
    ("By Priya Nandakumar | City Hall reporter")."""
    found: dict = {}
    last = None
    for part in (p.strip() for p in line.split("|")):
        match = next(
            (
                (name, m.group(2).strip())
                for name, pattern in BYLINES
                if (m := pattern.match(part)) and len(m.group(2)) <= 120 and name not in found
            ),
            None,
        )
        if match:
            last = match[0]
            found[last] = match[1]
        elif last is not None and (day := _full_date(part)[1]) is not None:
            found.setdefault("published", day)
        elif last is not None:
            found[last] = f"{found[last]} | {part}"  # the reporter's desk, a role
        elif _full_date(part)[1] is None or "|" not in line:
            return False  # opens with neither a byline nor a date: not a byline line
        else:
            found.setdefault("published", _full_date(part)[1])
    if not any(name != "published" for name in found):
        return False
    meta.update({k: v for k, v in found.items() if k not in meta})
    return True


def _full_date(text: str):
    """The first full date written in ``text`` (its anchor), either language's words."""
    from factcheck.language.anchors import extract_anchors

    for anchor in extract_anchors(text, None, kinds=frozenset({"date"})):
        if re.fullmatch(r"\d{4}-\d\d-\d\d", anchor.value):
            try:
                return anchor, datetime.date.fromisoformat(anchor.value)
            except ValueError:
                continue
    return None, None


def _without_date(byline: str) -> tuple[str | None, datetime.date | None]:
    """A byline without the date written after the name, and that date: "Owen Tremlett,
    Local Democracy Reporter, Monday 30 November 2026" -> the reporter and 30 November
    2026; "Rizky Amalia | Senin, 30 November 2026 09:15 WIB" -> "Rizky Amalia". A byline
    opening with its date keeps what follows as the name."""
    anchor, day = _full_date(byline)
    if anchor is None:
        return byline, None
    name = byline[: anchor.start].strip(" ,;|-–—·•/") or byline[anchor.end :].strip(" ,;|-–—·•/")
    name = re.sub(r"^\d{1,2}[:.]\d\d\b.*", "", name).strip() if name else name
    return name or None, day


# a clock time and its zone after a date line's day: "09:15 WIB", "7.30 pm GMT"
_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\b", re.I)


def _date_line(line: str, meta: dict) -> bool:
    """A line under the title that is only a date (a word or two around it: "Published 30
    November 2026", "Senin, 30 November 2026 09:15 WIB"): the article's published date."""
    if "published" in meta:
        return False
    anchor, day = _full_date(line)
    if anchor is None:
        return False
    if line[: anchor.start].rstrip().endswith((",", "-", "–", "—")):
        return False  # "JAKARTA, 30 November 2026": a dateline, its place the body's
    rest = _CLOCK_RE.sub(" ", line[: anchor.start] + " " + line[anchor.end :])
    if len(re.findall(r"\w+", rest)) > 2:
        return False
    meta["published"] = day
    return True


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a text file as str; binary or undecodable input is an InputError."""
    if not data.strip():
        raise InputError(N_("%(name)s: the file is empty"), name=name)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            N_("%(name)s: larger than %(size)s MiB"),
            name=name,
            size=MAX_INPUT_BYTES // (1024 * 1024),
        )
    if b"\x00" in data:
        raise InputError(
            N_("%(name)s: contains a NUL byte; it looks like a binary file, not text"), name=name
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            N_("%(name)s: not valid UTF-8 (byte %(byte)s); save the file as UTF-8 and try again"),
            name=name,
            byte=error.start,
        ) from None


class PageText(NamedTuple):
    title: str | None
    text: str
    published: datetime.date | None = None  # the page's date (its metadata), when it has one


def html_to_text(html: str) -> PageText:
    """The title, main text and date of an HTML page (trafilatura), keeping paragraph
    breaks."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True
    )
    metadata = trafilatura.extract_metadata(html)
    if not text or not text.strip():
        raise InputError(N_("no article text found in the HTML"))
    published = None
    if metadata and metadata.date:
        try:
            published = datetime.date.fromisoformat(metadata.date[:10])
        except ValueError:
            published = None
    return PageText(metadata.title if metadata else None, text, published)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head


def read_document(
    data: bytes,
    name: str,
    *,
    title: str | None = None,
    language: str | None = None,
    url: str | None = None,
) -> ParsedArticle:
    """Parse the bytes of a UTF-8 text or HTML document into a ParsedArticle."""
    return parse_document(decode_text(data, name), name, title=title, language=language, url=url)


def parse_document(
    text: str,
    name: str,
    *,
    title: str | None = None,
    language: str | None = None,
    url: str | None = None,
) -> ParsedArticle:
    """Parse an already decoded text or HTML document into a ParsedArticle."""
    if looks_like_html(text) or name.lower().endswith((".html", ".htm")):
        page = html_to_text(text)
        parsed = parse_article(page.text, title=title or page.title, language=language, url=url)
        parsed.published = parsed.published or page.published
        return parsed
    return parse_article(text, title=title, language=language, url=url)


def read_path(path: str | Path) -> bytes:
    """The bytes of a local file, with a clear error when it cannot be read."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(f"{path}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None


def find_duplicate(session: Session, parsed: ParsedArticle) -> Article | None:
    """The stored article with the same body, if any."""
    from sqlmodel import select

    from factcheck.models import Article

    digest = content_hash(parsed.body)
    return session.exec(select(Article).where(Article.content_hash == digest)).first()


def unique_slug(session: Session, title: str) -> str:
    """A slug for ``title`` that no stored article has yet."""
    from sqlmodel import select

    from factcheck.models import Article

    base = slugify(title)
    slug, n = base, 1
    while (
        slug in RESERVED_SLUGS
        or session.exec(select(Article.id).where(Article.slug == slug)).first() is not None
    ):
        n += 1
        slug = f"{base[:75]}-{n}"
    return slug


def _check_fields(parsed: ParsedArticle, publisher: str | None) -> None:
    """InputError for text the columns cannot hold (too long, a NUL character)."""
    check_text(parsed.body, N_("the article text"), None)
    check_text(parsed.title, N_("the title (give one with --title)"), 500)
    for what, value, limit in (
        (N_("the publisher"), publisher, 200),
        (N_("the author"), parsed.author, 200),
        (N_("the editor"), parsed.editor, 200),
        (N_("the article's address"), parsed.url, 2000),
    ):
        if value:
            check_text(value, what, limit)
    for number, source in enumerate(parsed.sources, start=1):
        check_text(source.title, Message(N_("source %(number)s's title"), number=number), 500)
        if source.url:
            check_text(source.url, Message(N_("source %(number)s's address"), number=number), 2000)


def add_article(
    session: Session, parsed: ParsedArticle, *, publisher: str | None = None, published_date=None
) -> Article:
    """Add the article and its sources to ``session`` (the caller commits); InputError for
    fields longer than their column (nothing is added then)."""
    from factcheck.models import Article, Source

    _check_fields(parsed, publisher)
    article = Article(
        slug=unique_slug(session, parsed.title),
        title=parsed.title,
        publisher=publisher,
        author=parsed.author,
        editor=parsed.editor,
        published_date=published_date or parsed.published,
        language=parsed.language,
        url=parsed.url,
        text=parsed.body,
        content_hash=content_hash(parsed.body),
    )
    session.add(article)
    session.flush()
    for position, source in enumerate(parsed.sources, start=1):
        session.add(
            Source(
                article_id=article.id,
                position=position,
                title=source.title,
                url=source.url,
                publisher=source.publisher,
            )
        )
    return article


def article_voice(article: Article) -> str | None:
    """Who says what an article says in its own voice: its author, else its publisher."""
    return article.author or article.publisher


def add_claims(
    session: Session, article: Article, proposals: list, *, first_position: int = 1
) -> list[Claim]:
    """Store extracted proposals as unverified claims of ``article``, each with a history entry.

    The claim's text is the proposal's stand-alone claim text, its span the article's words;
    its claimant the speaker the sentence names, else the article's author or publisher.
    """
    from sqlmodel import select

    from factcheck.models import Claim
    from factcheck.review.workflow import record

    claims = []
    existing = session.exec(select(Claim.key).where(Claim.article_id == article.id)).all()
    taken = {int(k[1:]) for k in existing if k[1:].isdigit()}
    number = max(taken, default=0)
    for position, proposal in enumerate(proposals, start=first_position):
        number += 1
        claim = Claim(
            article_id=article.id,
            key=f"c{number}",
            position=position,
            text=proposal.claim_text or proposal.text,
            sentence=proposal.sentence,
            start=proposal.start,
            end=proposal.end,
            score=proposal.score,
            kind=proposal.kind,
            reasons=json.dumps(list(proposal.reasons), ensure_ascii=False),
            claimant=proposal.claimant or article_voice(article),
            section=proposal.section,
            checkworthy=proposal.checkworthy,
        )
        session.add(claim)
        session.flush()
        record(
            session,
            claim,
            None,
            "create",
            None,
            "extracted",
            note=f"check-worthiness {proposal.score:.2f}",
        )
        claims.append(claim)
    return claims


def ingest(
    session: Session,
    parsed: ParsedArticle,
    *,
    extract: bool = True,
    min_score: float = 0.0,
    publisher: str | None = None,
    actor: Actor = None,
) -> tuple[Article, bool]:
    """Store ``parsed`` with its sources and proposed claims; returns (article, created).

    Every proposal scoring ``min_score`` or more is stored (by default all of them, opinions
    and hedged statements included: the queue's filter hides what is not check-worthy), the
    headline's claim first. An article whose body is already stored is returned as is, with
    created False. A new one is recorded in the audit log (with its sources' addresses), as
    added by ``actor``.
    """
    from factcheck.audit import record_audit

    duplicate = find_duplicate(session, parsed)
    if duplicate is not None:
        return duplicate, False
    article = add_article(session, parsed, publisher=publisher)
    record_audit(
        session,
        "article.ingest",
        actor=actor,
        target=f"article {article.slug}",
        detail={"url": parsed.url, "sources": [s.url or s.title for s in parsed.sources]},
    )
    if extract:
        add_claims(session, article, proposals_for(article, min_score))
    return article, True


def proposals_for(article: Article, min_score: float = 0.0) -> list:
    """The extractor's proposals for a stored article, read as of its published date and
    the day it was ingested (``extract_article``'s ``published`` and ``latest``)."""
    from factcheck.articles.extract import extract_article

    return extract_article(
        article.title,
        article.text,
        article.language,
        min_score,
        published=article.published_date,
        latest=article.created_at.date(),
    )
