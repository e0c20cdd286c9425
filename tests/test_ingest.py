"""Reading articles: formats, encodings and bad input (no extraction needed)."""
from __future__ import annotations

import io
import json
from datetime import date

import pytest

from vigie.ingest import MAX_CHARS, InputError, decode, looks_binary, read_articles


def read(paths, **kw):
    """Articles and the errors reported while reading them."""
    errors: list[InputError] = []
    return list(read_articles([str(p) for p in paths], errors=errors.append, **kw)), errors


def test_txt_article_id_is_stem_and_options_apply(tmp_path):
    path = tmp_path / "homs-1.txt"
    path.write_text("HOMS, 3 mars (AFP) - Des combats.", encoding="utf-8")
    (article,), errors = read([path], published="2016-03-05", lang="fr")
    assert errors == []
    assert (article.id, article.published, article.lang) == ("homs-1", date(2016, 3, 5), "fr")
    assert article.origin == str(path)


def test_empty_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n")
    articles, errors = read([path, blank])
    assert articles == []
    assert [e.path for e in errors] == [str(path), str(blank)]
    assert "empty" in str(errors[0]) and str(path) in str(errors[0])


def test_binary_file_is_skipped_with_an_error(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    good = tmp_path / "good.txt"
    good.write_text("Un texte.", encoding="utf-8")
    articles, errors = read([binary, good])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1 and errors[0].path == str(binary) and "binary" in str(errors[0])


def test_jsonl_with_broken_lines_reports_file_and_line(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps({"id": "a", "text": "Premier.", "published": "2012-02-04"}),
             '{"id": "b", "text": "cut in the mid',
             json.dumps({"id": "c"}),
             "",
             json.dumps({"id": 4, "text": "Quatrième.", "lang": "fr", "outlet": "AFP"}),
             json.dumps({"id": "e", "text": "Date.", "published": "hier"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = read([path])
    assert [a.id for a in articles] == ["a", "4"]
    assert articles[0].published == date(2012, 2, 4) and articles[0].origin == f"{path}:1"
    assert articles[1].outlet == "AFP" and articles[1].origin == f"{path}:5"
    assert [(e.path, e.line) for e in errors] == [(str(path), 2), (str(path), 3), (str(path), 6)]
    assert str(errors[0]).startswith(f"{path}:2: ")
    assert "missing text" in str(errors[1])


def test_latin1_and_windows1252_files(tmp_path):
    text = "Des frappes aériennes ont touché Alep, a déclaré l'ONG."
    latin = tmp_path / "latin.txt"
    latin.write_bytes(text.encode("latin-1"))
    cp = tmp_path / "cp1252.txt"
    # cp1252-only characters: curly apostrophe, euro sign, oe ligature, em dash
    cp_text = "L’armée a dépensé 5 € — un cœur."
    cp.write_bytes(cp_text.encode("cp1252"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    articles, errors = read([latin, cp, bom])
    assert errors == []
    assert [a.text for a in articles] == [text, cp_text, text]


def test_decode_never_fails():
    assert decode(bytes(range(128, 256))) == bytes(range(128, 256)).decode("latin-1")
    assert not looks_binary("Événement à Alep.\n\ttabulé".encode("utf-8"))
    assert looks_binary(b"abc\x00def")


def test_five_megabyte_article_is_capped_with_a_warning(tmp_path):
    path = tmp_path / "huge.txt"
    sentence = "Des combats ont eu lieu à Alep, selon l'OSDH. "
    path.write_text(sentence * (5_000_000 // len(sentence)), encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    (article,), errors = read([path])
    assert len(article.text) == MAX_CHARS
    assert len(errors) == 1 and errors[0].warning and str(path) in str(errors[0])


def test_stdin_jsonl_and_plain_text(monkeypatch):
    data = (json.dumps({"id": "x", "text": "Un."}) + "\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles, errors = read(["-"])
    assert [a.id for a in articles] == ["x"] and errors == []
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("Texte brut.".encode())))
    articles, errors = read(["-"], lang="fr")
    assert [(a.id, a.text, a.lang) for a in articles] == [("stdin", "Texte brut.", "fr")]


def test_missing_file_and_folder(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text("Un.")
    (tmp_path / "d" / "notes.md").write_text("ignored")
    articles, errors = read([tmp_path / "nope.txt", tmp_path / "d"])
    assert [a.id for a in articles] == ["one"]
    assert len(errors) == 1 and "nope.txt" in str(errors[0])


def test_bad_published_option_raises():
    with pytest.raises(InputError):
        list(read_articles([], published="05/03/2016"))


def test_lang_option_overrides_a_jsonl_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(o) for o in (
        {"id": "a", "text": "Written in English.", "lang": "fr"},
        {"id": "b", "text": "No lang here."})) + "\n", encoding="utf-8")
    assert [a.lang for a in read([path])[0]] == ["fr", None]
    assert [a.lang for a in read([path], lang="en")[0]] == ["en", "en"]
