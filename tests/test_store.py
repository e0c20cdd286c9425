"""The SQLite store: one transaction per article, idempotent, survives kill -9."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import date

from conftest import ROOT, make_doc, make_event
from vigie.store import MIGRATIONS, Store


def test_schema_is_migrated_and_reopened(tmp_path):
    path = tmp_path / "v.db"
    with Store(path) as store:
        assert store.version == len(MIGRATIONS)
    with Store(path) as store:  # opening again applies nothing twice
        assert store.version == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_add_stores_article_events_sources_claims(tmp_path):
    doc = make_doc("a1", "Texte un.")
    events = [make_event("a1", 0, 5), make_event("a1", 6, 9, kind="Shelling/artillery/missile attack")]
    with Store(tmp_path / "v.db") as store:
        assert store.add(doc, events) is True
        assert store.counts() == {"articles": 1, "events": 2, "event_sources": 2, "claims": 4}
        stored = store.events()
        assert {e["event_id"] for e in stored} == {e.event_id for e in events}
        assert stored[0] == next(e.to_json() for e in events if e.event_id == stored[0]["event_id"])
        row = store.db.execute("SELECT dateline_place, published, outlet FROM articles").fetchone()
        assert tuple(row) == ("Aleppo", "2016-03-05", "Reuters")


def test_add_twice_changes_nothing(tmp_path):
    doc = make_doc("a1", "Texte un.")
    with Store(tmp_path / "v.db") as store:
        assert store.add(doc, [make_event("a1")])
        before = store.counts()
        assert store.add(doc, [make_event("a1")]) is False
        assert store.counts() == before
        assert store.has_article("a1") and store.has_article(None, doc.text_hash)
        assert not store.has_article("zzz", "0" * 40)


def test_republished_copy_is_a_source_of_the_same_event(tmp_path):
    from vigie.resolve import resolve
    doc = make_doc("a1", "Texte un, repris par un autre site le jour même.")
    with Store(tmp_path / "v.db") as store:
        assert store.add(doc, [make_event("a1")], resolve=resolve)
        # the same normalized text under another id: another outlet's copy, stored as a source
        other = replace(doc, article=replace(doc.article, id="copy"))
        assert store.add(other, [make_event("copy")], resolve=resolve) is True
        (event,) = store.events()
        assert {s["article_id"] for s in event["sources"]} == {"a1", "copy"}
        assert event["event_id"] == make_event("a1").event_id
        assert store.counts()["articles"] == 2


def test_same_event_id_is_not_duplicated(tmp_path):
    shared_event = make_event("a1", 0, 5)
    with Store(tmp_path / "v.db") as store:
        store.add(make_doc("a1", "Un."), [shared_event])
        store.add(make_doc("a2", "Deux."), [shared_event, make_event("a2", 0, 4)])
        assert store.counts()["events"] == 2
        assert store.counts()["event_sources"] == 2
        assert store.check() == []


def test_failed_add_leaves_nothing(tmp_path):
    class Boom(Exception):
        pass

    def events():
        yield make_event("a1")
        raise Boom

    with Store(tmp_path / "v.db") as store:
        try:
            store.add(make_doc("a1", "Un."), events())
        except Boom:
            pass
        assert store.counts() == {"articles": 0, "events": 0, "event_sources": 0, "claims": 0}
        assert store.add(make_doc("a1", "Un."), [make_event("a1")])


def test_filters(tmp_path):
    with Store(tmp_path / "v.db") as store:
        store.add(make_doc("a1", "Un."), [make_event("a1", day=date(2016, 3, 1))])
        store.add(make_doc("a2", "Deux."), [make_event(
            "a2", day=date(2016, 3, 4), etype="Battles", kind="Armed clash", country="Libya")])
        store.add(make_doc("a3", "Trois."), [make_event("a3", day=None)])
        assert len(store.events()) == 3
        assert store.events()[-1]["event_date"] is None  # undated last
        assert [e["event_date"] for e in store.events(since="2016-03-02")] == ["2016-03-04"]
        assert [e["event_date"] for e in store.events(until="2016-03-01")] == ["2016-03-01"]
        assert len(store.events(type="battles")) == 1
        assert len(store.events(type="Air/drone strike")) == 2
        assert len(store.events(country="libya")) == 1
        assert len(store.events(country="SYR")) == 2
        assert len(store.events(limit=1)) == 1


# A writer that stores fake articles for ever, one transaction each, until it is killed.
WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from conftest import make_doc, make_event
    from vigie.store import Store
    store = Store(sys.argv[1])
    for i in range(int(sys.argv[2]), 100000):
        aid = f"art-{{i}}"
        store.add(make_doc(aid, f"Texte {{i}}."), [make_event(aid, 0, 5), make_event(aid, 6, 9, best=None)])
""")


def test_kill_9_leaves_a_consistent_store(tmp_path):
    path = tmp_path / "v.db"
    script = WRITER.format(tests=str(ROOT / "tests"))
    proc = subprocess.Popen([sys.executable, "-c", script, str(path), "0"])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                with sqlite3.connect(path, timeout=5) as db:
                    if db.execute("SELECT count(*) FROM articles").fetchone()[0] >= 20:
                        break
            except sqlite3.OperationalError:
                pass  # not created yet
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store(path) as store:
        assert store.check() == []
        counts = store.counts()
        assert counts["articles"] >= 20
        # every stored article is complete: two events, two sources, four claims
        assert counts["events"] == 2 * counts["articles"]
        assert counts["event_sources"] == 2 * counts["articles"]
        assert counts["claims"] == 4 * counts["articles"]
        n = counts["articles"]
        # running again from the start completes the work without storing anything twice
        for i in range(n + 5):
            aid = f"art-{i}"
            store.add(make_doc(aid, f"Texte {i}."), [make_event(aid, 0, 5), make_event(aid, 6, 9, best=None)])
        assert store.counts()["articles"] == n + 5
        assert store.counts()["events"] == 2 * (n + 5)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "v.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    try:
        Store(path)
    except sqlite3.DatabaseError as err:
        assert "newer" in str(err)
    else:
        raise AssertionError("a newer schema was opened")


def test_migration_from_version_1_keeps_articles_and_events(tmp_path):
    from vigie.store import split_sql
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for statement in split_sql(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("INSERT INTO articles (id, text_hash, text, ingested_at) VALUES ('a1', 'h', 't', 'now')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.version == len(MIGRATIONS)
        assert store.article_ids() == {"a1"}
        # text_hash is no longer unique: a copy under another id can be stored
        store.add(make_doc("a2", "t"), [])
        assert store.counts()["articles"] == 2
        assert store.aliases() == {}


def test_absorbed_event_points_to_the_survivor(tmp_path):
    from vigie.resolve import Changes
    a, b = make_event("a1", 0, 5), make_event("a2", 0, 5, day=date(2016, 3, 4))
    with Store(tmp_path / "v.db") as store:
        store.add(make_doc("a1", "Un."), [a])
        store.add(make_doc("a2", "Deux."), [b])
        # a third report joins them: b is absorbed into a
        joined = replace(a, sources=a.sources + b.sources)
        store.add(make_doc("a3", "Trois."), [], resolve=lambda st, doc, evs: Changes(
            events=[joined], aliases={b.event_id: a.event_id}))
        assert [e["event_id"] for e in store.events()] == [a.event_id]
        assert store.aliases() == {b.event_id: a.event_id}
        assert store.event_id_now(b.event_id) == a.event_id == store.event_id_now(a.event_id)
        assert store.event_id_now("ev-unknown") is None
        assert store.check() == []
