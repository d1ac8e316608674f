"""markers.opinion_opening is one pattern for what the opinion entries of marker_patterns
match one by one (clauses split at a comma before an opinion marker)."""

from pathlib import Path

from factcheck.language import markers


def _texts() -> list[str]:
    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "tests" / "data" / "extract").glob("*.txt"))
    files += sorted((root / "bench" / "data" / "extract_eval").glob("*/*.txt"))
    # what follows each comma, as clauses.py tests it
    found = [part.strip() for f in files for part in f.read_text("utf-8").split(",")]
    for item in markers.OPINION_MARKERS + markers.ADVISORY_MODALS + markers.HEDGES:
        for form in (item, item.upper(), item.capitalize()):
            found += [f"{form} ini", f"{form}-nya naik", f"{form}kah", f"{form}.", f"x {form}"]
    return found


def test_opinion_opening_matches_where_one_opinion_pattern_would():
    opinions = [r for kind, r in markers.marker_patterns() if kind == "opinion"]
    combined = markers.opinion_opening()
    texts = _texts()
    expected = [any(r.match(t) for r in opinions) for t in texts]
    assert [bool(combined.match(t)) for t in texts] == expected
    assert 50 < sum(expected) < len(texts) - 500  # both answers are tested, often
    assert combined.match("Para analis mencatat bahwa") and not combined.match("para analisnya")
