"""The model's attribute ruler, read as a table, and its lemmatizer, remembered.

The English pipelines map each fine-grained tag (and a few words, dependency labels and pairs of
words) to a coarse part of speech, morphological features and sometimes a lemma, with an
``attribute_ruler`` of about 180 token patterns. spaCy's ruler runs its general matcher over every
token of every document, which costs as much as the dependency parser. Each pattern but a handful
looks at one token only, and at four of its attributes (tag, lower-case form, dependency label,
whether it is a space), so the rules that apply to a token depend on those four values alone: this
component works them out once for each combination it meets and keeps the answer. It assigns
exactly what the ruler assigns, in the ruler's order (a later rule overrides an earlier one), and
falls back to the ruler when the patterns use anything else.

The rule lemmatizer that follows walks every token in Python, though its answer depends on the
token's form, part of speech and features alone; :class:`LemmaTable` asks it once per combination.
"""
from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language

__all__ = ["use_attribute_table", "use_lemma_table"]

_READ = (TAG, LOWER, DEP, IS_SPACE)
_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_WRITTEN = (POS, MORPH, LEMMA, TAG, DEP)
_CACHE_MAX = 500_000  # combinations kept (a corpus meets some tens of thousands)


class _Spec:
    """One token of a pattern: a test on the token's tag, lower-case form, label and spacing."""

    def __init__(self, spec: dict):
        self.tests = []
        for name, want in spec.items():
            col = _KEYS[name]
            if name == "IS_SPACE":
                self.tests.append((col, "is", bool(want)))
            elif isinstance(want, str):
                self.tests.append((col, "eq", want))
            elif set(want) == {"IN"}:
                self.tests.append((col, "in", frozenset(want["IN"])))
            elif set(want) == {"NOT_IN"}:
                self.tests.append((col, "not_in", frozenset(want["NOT_IN"])))
            elif set(want) == {"REGEX"}:
                self.tests.append((col, "re", re.compile(want["REGEX"])))
            else:
                raise ValueError(f"unsupported test {name}: {want!r}")

    def matches(self, values: tuple) -> bool:
        for col, how, want in self.tests:
            v = values[col]
            if how == "eq":
                ok = v == want
            elif how == "in":
                ok = v in want
            elif how == "not_in":
                ok = v not in want
            elif how == "re":
                ok = bool(want.search(v))
            else:
                ok = bool(v) == want
            if not ok:
                return False
        return True


class AttributeTable:
    """What the attribute ruler assigns, rule for rule, without the matcher (see the module)."""

    def __init__(self):
        self.vocab = None
        self.attrs: list[dict[int, int]] = []
        self.specs: list[_Spec] = []
        self.single: list[tuple[int, int]] = []  # (spec, rule)
        self.multi: list[tuple[int, list[int], int]] = []  # (rule, specs, index of the token set)
        self._seen: dict[tuple, tuple] = {}

    def load(self, ruler) -> AttributeTable:
        """Read the rules of a spaCy ``AttributeRuler``; ValueError for a test the table cannot read."""
        self.vocab = ruler.vocab
        self.attrs = [dict(a) for a in ruler.attrs]
        if any(set(a) - set(_WRITTEN) for a in self.attrs):
            raise ValueError("a rule sets an attribute the table does not write")
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                ids = []
                for spec in pattern:
                    self.specs.append(_Spec(spec))
                    ids.append(len(self.specs) - 1)
                if len(ids) == 1:
                    self.single.append((ids[0], rule))
                else:
                    self.multi.append((rule, ids, ruler.indices[rule]))
        return self

    def _read(self, key: tuple) -> tuple:
        """For one combination of (tag, lower, label, space) hashes: the rules that apply to a token
        on its own, merged in order, and the pattern tokens it satisfies."""
        found = self._seen.get(key)
        if found is None:
            strings = self.vocab.strings
            values = (strings[key[0]] if key[0] else "", strings[key[1]] if key[1] else "",
                      strings[key[2]] if key[2] else "", key[3])
            ok = frozenset(i for i, spec in enumerate(self.specs) if spec.matches(values))
            rules = sorted(rule for spec, rule in self.single if spec in ok)
            merged: dict[int, int] = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            starts = tuple(m for m, (_, ids, _) in enumerate(self.multi) if ids[0] in ok)
            found = (merged, ok, tuple(rules), starts)
            if len(self._seen) >= _CACHE_MAX:
                self._seen.clear()
            self._seen[key] = found
        return found

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        read = doc.to_array(list(_READ)).tolist()
        found = [self._read(tuple(row)) for row in read]
        extra: dict[int, list[int]] = {}  # token -> rules of several-token patterns that set it
        for i, f in enumerate(found):
            for m in f[3]:
                rule, ids, index = self.multi[m]
                k = len(ids)
                if i + k <= n and all(ids[j] in found[i + j][1] for j in range(1, k)):
                    extra.setdefault(i + (index if index >= 0 else k + index), []).append(rule)
        before = doc.to_array(list(_WRITTEN))
        after = before.copy()
        cols = {attr: c for c, attr in enumerate(_WRITTEN)}
        for i, (merged, _, rules, _) in enumerate(found):
            if i in extra:
                merged = {}
                for rule in sorted(set(rules) | set(extra[i])):
                    merged.update(self.attrs[rule])
            for attr, value in merged.items():
                after[i, cols[attr]] = value
        changed = [c for c in range(len(_WRITTEN)) if (after[:, c] != before[:, c]).any()]
        if changed:
            doc.from_array([_WRITTEN[c] for c in changed], after[:, changed])
        return doc


def use_attribute_table(nlp) -> None:
    """Put an :class:`AttributeTable` in place of ``nlp``'s attribute ruler, when it has one whose
    rules the table can read (else the pipeline is left as it is)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        AttributeTable().load(ruler)
    except (ValueError, KeyError):
        return
    nlp.replace_pipe("attribute_ruler", "dipgraph_attribute_table")
    nlp.get_pipe("attribute_ruler").load(ruler)  # (replace_pipe keeps the name)


@Language.factory("dipgraph_attribute_table")
def _make_table(nlp, name: str):
    return AttributeTable()


class LemmaTable:
    """The model's lemmatizer, remembered: a rule lemmatizer's answer depends on a token's form, part
    of speech and morphological features alone, so each combination is worked out once, by the
    lemmatizer itself, and its lemma written for every token that has it in one array write. Tokens
    that already have a lemma (the attribute ruler sets a few) keep it, as with the lemmatizer."""

    def __init__(self):
        self.lemmatizer = None
        self._seen: dict[tuple[int, int, int], int] = {}

    def use(self, lemmatizer) -> LemmaTable:
        self.lemmatizer = lemmatizer
        return self

    @property
    def lookups(self):
        """The lemmatizer's tables (word lists that other parts read)."""
        return self.lemmatizer.lookups

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        seen = self._seen
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = seen.get(key)
            if found is None:
                found = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if len(seen) >= _CACHE_MAX:
                    seen.clear()
                seen[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def use_lemma_table(nlp) -> None:
    """Put a :class:`LemmaTable` in front of ``nlp``'s lemmatizer when it is a rule lemmatizer that
    keeps lemmas already set (else the pipeline is left as it is)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return
    nlp.replace_pipe("lemmatizer", "dipgraph_lemma_table")
    nlp.get_pipe("lemmatizer").use(lemmatizer)


@Language.factory("dipgraph_lemma_table")
def _make_lemma_table(nlp, name: str):
    return LemmaTable()
