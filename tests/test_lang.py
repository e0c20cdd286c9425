"""Language data: every language has the same files and keys, and every regex in them compiles."""
import re

import pytest
import yaml

from vigie import lang

LANGS = lang.SUPPORTED
FILES = {code: sorted(p.stem for p in (lang.HERE / code).glob("*.yaml")) for code in LANGS}

# Where each file keeps regular expressions (the rest are literal words, escaped by the code).
# A path is a tuple of keys; "*" is every value of a mapping, "[]" every item of a list,
# "<keys>" every key of a mapping.
REGEX_PATHS = {
    "triggers": [("events", "[]", "patterns", "[]"), ("protest_force", "*", "[]"),
                 ("talk_tags", "*", "[]"), ("irrealis", "[]"), ("commentary", "[]"),
                 ("setting", "[]"), ("clause_breaks", "[]"), ("seats", "<keys>")],
    "casualties": [("after", "*", "[]"), ("nominal", "*", "[]"), ("before", "*", "[]"),
                   ("not_people", "[]"), ("not_people_before", "[]"), ("cumulative", "[]"),
                   ("cumulative_before", "[]")],
    "attribution": [("cues_before", "[]"), ("cues_after", "[]"), ("subject_verbs", "[]")],
    "actors": [("actors", "[]", "aliases", "[]")],
    "normalize": [("boilerplate_patterns", "[]")],
}


def _load(code: str, name: str):
    with open(lang.HERE / code / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def _walk(node, path):
    """The strings found at `path` in a loaded yaml tree."""
    if not path:
        yield node
        return
    step, rest = path[0], path[1:]
    if node is None:
        return
    if step == "[]":
        for item in node:
            yield from _walk(item, rest)
    elif step == "*":
        for value in node.values():
            yield from _walk(value, rest)
    elif step == "<keys>":
        for key in node:
            yield from _walk(key, rest)
    elif isinstance(node, dict) and step in node:
        yield from _walk(node[step], rest)


def _pairs():
    return [(a, b) for a in LANGS for b in LANGS if a < b]


def test_at_least_french_and_english():
    assert {"fr", "en"} <= set(LANGS)


@pytest.mark.parametrize("a,b", _pairs())
def test_same_files(a, b):
    assert FILES[a] == FILES[b]


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", sorted({n for names in FILES.values() for n in names}))
def test_same_top_level_keys(code, name):
    if name not in FILES[code]:
        pytest.skip(f"{code} lacks {name}.yaml (test_same_files says so)")
    keys = {c: set(_load(c, name)) for c in LANGS if name in FILES[c]}
    for other, ks in keys.items():
        assert keys[code] == ks, (f"{name}.yaml: only in {code}: {sorted(keys[code] - ks)}; "
                                  f"only in {other}: {sorted(ks - keys[code])}")


@pytest.mark.parametrize("a,b", _pairs())
def test_same_sub_event_types(a, b):
    def subs(code):
        events = _load(code, "triggers").get("events", [])
        return {(e["event_type"], e["sub_event_type"], e["family"], e["priority"],
                 tuple(e.get("requires_actor") or ()), tuple(e.get("tags") or ())) for e in events}
    assert subs(a) == subs(b)


@pytest.mark.parametrize("a,b", _pairs())
def test_same_casualty_kinds_and_groups(a, b):
    ca, cb = _load(a, "casualties"), _load(b, "casualties")
    for key in ("after", "nominal", "before"):
        assert set(ca.get(key) or {}) == set(cb.get(key) or {}), key
    assert set(ca.get("groups") or {}) == set(cb.get("groups") or {})
    assert set(ca.get("civilian_groups") or []) == set(cb.get("civilian_groups") or [])
    assert set(ca.get("civilian_groups") or []) <= set(ca.get("groups") or {})


@pytest.mark.parametrize("code", LANGS)
def test_events_are_well_formed(code):
    for e in _load(code, "triggers").get("events", []):
        assert {"event_type", "sub_event_type", "family", "priority", "strength"} <= set(e), e
        assert isinstance(e.get("patterns") or [], list), e["sub_event_type"]
    for a in _load(code, "actors").get("actors", []):
        assert a.get("name") and a.get("type") and a.get("aliases"), a


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", sorted(REGEX_PATHS))
def test_regexes_compile(code, name):
    if name not in FILES[code]:
        pytest.skip(f"{code} lacks {name}.yaml")
    data = _load(code, name)
    for path in REGEX_PATHS[name]:
        found = list(_walk(data, path))
        for p in found:
            assert isinstance(p, str), (name, path, p)
            try:
                re.compile(p)
            except re.error as err:
                pytest.fail(f"{code}/{name}.yaml {'/'.join(path)}: {p!r}: {err}")
        if found:                        # the code joins them into one alternation
            re.compile(r"(?<!\w)(?:" + "|".join(found) + r")(?!\w)")


@pytest.mark.parametrize("code", LANGS)
def test_compiled_rules_load(code):
    """The readers compile each language's data without error."""
    from vigie.extract import actors, casualties, triggers
    assert triggers.rules(code)["rules"]
    assert casualties.rules(code)["after"]
    assert actors._entries(code)[0]
