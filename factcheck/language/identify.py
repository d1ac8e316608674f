"""Language identification: which of the newsroom's languages a text is written in.

py3langid's naive Bayes model over byte n-grams (its model ships inside its wheel; nothing is
downloaded), restricted to the configured languages (the ``LANGUAGES`` setting, "id" and "en"
by default), so that it chooses among the languages the newsroom works in and never answers
"ms" for Indonesian. Articles, claims and every source passage get their language here; the
language decides how a number is read ("1.500 orang" is 1500 in Indonesian).

Start-up: py3langid imports NumPy and reads a 66 MB model (about half of ``factcheck
extract``'s CPU time on a one-article run). The model restricted to the configured languages
is kept in the cache folder as plain arrays (``_Table``), mapped into memory and scored
without NumPy; py3langid itself is loaded only to write that file, or when it cannot be
written.
"""

from __future__ import annotations

import copy
import json
import math
import mmap
import re
import unicodedata
from array import array
from collections.abc import Sequence
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import IO, TYPE_CHECKING

from factcheck.cachefolder import cached_file
from factcheck.config import DEFAULTS
from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

_configured: tuple[str, ...] = tuple(DEFAULTS["LANGUAGES"])


def use_languages(languages: Sequence[str]) -> None:
    """Make ``languages`` (ISO 639-1 codes, e.g. ``["id", "en"]``) the default choice of
    ``identify_language``; the app factory calls it with the ``LANGUAGES`` setting."""
    global _configured
    if not languages:
        raise FactcheckError("LANGUAGES must name at least one language")
    _configured = tuple(languages)


def configured_languages() -> tuple[str, ...]:
    """The languages ``identify_language`` chooses among when not told otherwise."""
    return _configured


def identify_language(text: str, languages: Sequence[str] | None = None) -> str:
    """The language of ``text``: one of ``languages`` (default: the configured ones).

    A text with nothing to go on (empty, digits only) gets the first of them.
    """
    choice = tuple(languages or _configured)
    if len(choice) == 1 or not any(c.isalpha() for c in text):
        return choice[0]
    return _identifier(choice).classify(text)[0]


@cache
def _model() -> LanguageIdentifier:
    """py3langid's model, loaded once when a text first needs identifying: commands that
    identify nothing do not pay for it.

    The model ships compressed with LZMA, which costs about 0.5 s of CPU to undo in every
    process; the first process writes it decompressed to the user's cache folder and later
    ones read that (about 0.06 s). Without a writable cache it is read as shipped.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    path = _decompressed_model()
    if path is not None:
        try:
            return _load_decompressed(path)
        except (OSError, ValueError, KeyError, TypeError):  # damaged, or another layout
            path.unlink(missing_ok=True)
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def _decompressed_model() -> Path | None:
    """py3langid's model decompressed in the cache folder (written on first use, named by
    py3langid's version and the shipped file's size); None when it cannot be written."""
    import lzma
    import shutil

    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    shipped = MODEL_DIR / MODEL_FILE

    def decompress(out: IO[bytes]) -> None:
        with lzma.open(shipped) as source:
            shutil.copyfileobj(source, out, length=1 << 20)

    try:
        name = f"py3langid-{py3langid.__version__}-{shipped.stat().st_size}.npz"
        return cached_file(name, decompress)
    except (OSError, lzma.LZMAError):
        return None


def _load_decompressed(path: Path) -> LanguageIdentifier:
    """The identifier from a decompressed model file: what py3langid's own loader
    (``py3langid.modelio.load_model``) returns, read without LZMA."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            tk_row=_to_array(data["nextmove_row"]),
        )


@cache
def _identifier(languages: tuple[str, ...]) -> _Table | LanguageIdentifier:
    """What classifies among ``languages``: the cached table, else py3langid restricted."""
    try:
        path = _table_file(languages)
    except ValueError as error:  # an unknown language code, found while writing the table
        raise FactcheckError(f"LANGUAGES: {error}") from None
    if path is not None:
        try:
            return _Table(path)
        except (OSError, ValueError, KeyError, TypeError):  # damaged: written again next time
            path.unlink(missing_ok=True)
    return _restricted(languages)


def _restricted(languages: tuple[str, ...]) -> LanguageIdentifier:
    try:
        return _restricted_plain(languages)
    except ValueError as error:
        raise FactcheckError(f"LANGUAGES: {error}") from None


# --- the restricted model, cached without NumPy ------------------------------------------------

_MAGIC = b"factcheck-langid-table-1\n"
_RAW_FLOOR = -3.4028234663852886e38  # py3langid.langid.RAW_FLOOR: float32's lowest


def _table_file(languages: tuple[str, ...]) -> Path | None:
    """The model restricted to ``languages`` in the cache folder (written on first use from
    py3langid's, named by py3langid's version, the shipped model's size and the languages);
    None when it cannot be written. ValueError for a language the model does not know."""
    spec = find_spec("py3langid")  # found, not imported: importing it imports NumPy
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(spec.submodule_search_locations[0])
    try:
        init = (package / "__init__.py").read_text()
        size = (package / "data" / "model.npz.xz").stat().st_size
    except OSError:
        return None
    found = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", init)
    version = found.group(1) if found else "unknown"
    chosen = "-".join(sorted(set(languages)))
    return cached_file(
        f"py3langid-{version}-{size}-{chosen}.table",
        lambda out: _write_table(_restricted_plain(languages), out),
    )


def _restricted_plain(languages: tuple[str, ...]) -> LanguageIdentifier:
    """py3langid restricted to ``languages``; its ValueError for an unknown code kept."""
    identifier = copy.copy(_model())  # shares the model's arrays; restricts only the copy
    identifier.set_languages(list(languages))
    return identifier


def _write_table(identifier: LanguageIdentifier, out: IO[bytes]) -> None:
    """``identifier``'s arrays as one file: a header (JSON: classes, each array's type code,
    offset and length) and the arrays' bytes, each at an offset a multiple of 8."""
    import numpy as np

    arrays = {
        "nextmove": array(identifier.tk_nextmove.typecode, identifier.tk_nextmove),
        # py3langid's pre-shifted row offsets (LanguageIdentifier._rowbase), stored shifted
        "rowbase": array("I", [row << 8 for row in identifier.tk_row]),
        "output": array("i", identifier.tk_output),
        # float16 and float32 in the model: exact as doubles
        "ptc": array("d", np.asarray(identifier.nb_ptc, dtype=np.float64).tobytes()),
        "pc": array("d", np.asarray(identifier.nb_pc, dtype=np.float64).tobytes()),
    }
    header = {"classes": list(identifier.nb_classes), "arrays": {}}
    offset = 0
    for name, values in arrays.items():
        header["arrays"][name] = [values.typecode, offset, len(values)]
        offset += -(-len(values) * values.itemsize // 8) * 8
    encoded = json.dumps(header).encode()
    start = -(-(len(_MAGIC) + 8 + len(encoded)) // 8) * 8
    out.write(_MAGIC + start.to_bytes(8, "little") + encoded)
    out.write(bytes(start - len(_MAGIC) - 8 - len(encoded)))
    for values in arrays.values():
        data = values.tobytes()
        out.write(data + bytes(-len(data) % 8))


class _Table:
    """py3langid's classifier over the arrays ``_write_table`` wrote, read through a memory
    map: the same byte n-gram walk (``py3langid.langid.visit_counts``) and naive Bayes score
    (``LanguageIdentifier._sparse_score``: log1p of each feature's count times its row, plus
    the priors), summed in double precision where NumPy sums in single precision."""

    def __init__(self, path: Path):
        with path.open("rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        view = memoryview(self._map)
        if bytes(view[: len(_MAGIC)]) != _MAGIC:
            raise ValueError(f"{path}: not a language table")
        start = int.from_bytes(view[len(_MAGIC) : len(_MAGIC) + 8], "little")
        header = json.loads(bytes(view[len(_MAGIC) + 8 : start]).rstrip(b"\0"))
        arrays = {}
        for name, (typecode, offset, length) in header["arrays"].items():
            end = start + offset + length * array(typecode).itemsize
            if end > len(view):
                raise ValueError(f"{path}: truncated")
            arrays[name] = view[start + offset : end].cast(typecode)
        self.classes: list[str] = header["classes"]
        self._nextmove, self._rowbase = arrays["nextmove"], arrays["rowbase"]
        self._output, self._ptc, self._pc = arrays["output"], arrays["ptc"], arrays["pc"]
        if len(self._pc) != len(self.classes) or len(self._rowbase) != len(self._output):
            raise ValueError(f"{path}: inconsistent arrays")
        # a label twice (py3langid's script aliases, srl -> sr) is scored by its best column
        self._labels = list(dict.fromkeys(self.classes))

    def classify(self, text: str) -> tuple[str, float]:
        """(language, score) as ``LanguageIdentifier.classify`` gives them."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        nextmove, rowbase, output = self._nextmove, self._rowbase, self._output
        counts: dict[int, int] = {}
        state = 0
        for byte in data:
            state = nextmove[rowbase[state] + byte]
            feature = output[state]
            if feature >= 0:
                counts[feature] = counts.get(feature, 0) + 1
        width, ptc = len(self.classes), self._ptc
        if not counts:  # py3langid: every class gets the same floor; the first wins
            return self.classes[0], _RAW_FLOOR
        sums = [0.0] * width
        for feature, count in counts.items():
            weight, row = math.log1p(count), feature * width
            for column in range(width):
                sums[column] += weight * ptc[row + column]
        best: dict[str, float] = {}
        for label, total, prior in zip(self.classes, sums, self._pc, strict=True):
            best[label] = max(best.get(label, -math.inf), total + prior)
        label = max(self._labels, key=best.__getitem__)  # the first of equal scores
        return label, best[label]
