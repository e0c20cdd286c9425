"""Gazetteer benchmark: index build time and size, load time, lookups/s, find()/s, peak RSS.

Run: python benchmarks/gazetteer.py   (builds into a temporary cache directory; needs no network)
Each phase runs in a fresh process so that its peak RSS is its own.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

PHASE = r'''
import json, resource, sys, time
t0 = time.perf_counter()
from vigie.geocode import Gazetteer
from vigie.gazetteer_build import build, cache_dir, fingerprint
phase = sys.argv[1]
out = {}
if phase == "build":
    path = cache_dir() / f"gazetteer-{fingerprint()}.sqlite"
    t = time.perf_counter(); build(path); out["build_s"] = time.perf_counter() - t
    out["index_mb"] = path.stat().st_size / 2**20
else:
    t = time.perf_counter(); g = Gazetteer.default(); out["load_s"] = time.perf_counter() - t
    out["import_and_load_s"] = time.perf_counter() - t0
    names = ["Alep", "Damas", "Deraa", "Idleb", "Homs", "Rastane", "Qousseir", "Deir Ezzor", "Saida",
             "Tripoli", "Benghazi", "Sanaa", "Le Caire", "Baba Amr", "Treimsa", "Maaret al-Noomane",
             "Nowhereville", "Kafranbel", "Jisr al-Choughour", "Moscou"]
    n = 0; t = time.perf_counter()
    while time.perf_counter() - t < 2.0:
        for nm in names:
            g.lookup(nm); n += 1
    out["lookups_per_s_cached"] = n / (time.perf_counter() - t)
    g2 = Gazetteer(g.path)                      # cold caches: every lookup reads SQLite
    t = time.perf_counter()
    for i, nm in enumerate(names * 50):
        g2.lookup(nm + ("" if i < len(names) else ""))
        g2._ids.cache_clear(); g2._places.clear(); g2._lookup.cache_clear()
    out["lookups_per_s_uncached"] = len(names) * 50 / (time.perf_counter() - t)
    sents = ["Des combats ont eu lieu jeudi à Alep et dans le quartier de Boustane al-Qasr, selon l'OSDH.",
             "La ville de Saida, dans l'ouest de la province de Deraa, a été bombardée par l'aviation.",
             "Bachar al-Assad a reçu Kofi Annan à Damas, a indiqué la télévision officielle."]
    n = 0; t = time.perf_counter()
    while time.perf_counter() - t < 2.0:
        for s in sents:
            g.find(s, "fr"); n += 1
    out["find_sentences_per_s"] = n / (time.perf_counter() - t)
out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
'''


def run(phase: str, env: dict) -> dict:
    """One phase in a fresh interpreter; its JSON result."""
    r = subprocess.run([sys.executable, "-c", PHASE, phase], env=env, capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, VIGIE_CACHE=tmp)
        b = run("build", env)
        print(f"build          {b['build_s']:.1f} s, index {b['index_mb']:.1f} MB, peak RSS {b['peak_rss_mb']:.0f} MB")
        for label in ("load (1st)", "load (2nd)"):
            r = run("load", env)
            print(f"{label}     Gazetteer.default() {r['load_s']*1000:.0f} ms "
                  f"(with imports {r['import_and_load_s']*1000:.0f} ms), peak RSS {r['peak_rss_mb']:.0f} MB")
        print(f"lookup         {r['lookups_per_s_cached']:,.0f}/s cached, {r['lookups_per_s_uncached']:,.0f}/s uncached")
        print(f"find           {r['find_sentences_per_s']:,.0f} sentences/s (French, ~90 characters)")


if __name__ == "__main__":
    main()
