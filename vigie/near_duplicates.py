"""Near-duplicate articles: the same dispatch re-published by several sites, or updated ("UPDATE
2-", "(Ajoute ...)"), found by MinHash over word shingles and LSH band keys (datasketch)."""
from __future__ import annotations

import functools
import hashlib
import re

# MinHash over word 5-shingles with 64 permutations: the Jaccard estimate's standard error is
# 1/sqrt(64) = 0.06, enough to tell a re-published or updated dispatch (0.6-1.0) from two stories
# that share a boilerplate paragraph (below 0.2).
NUM_PERM = 64
SHINGLE = 5
# An update that adds half again to a dispatch keeps Jaccard 1/1.5 = 0.67; 0.5 leaves room for edits.
NEAR_DUPLICATE = 0.5


@functools.lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    """(bands, rows) that datasketch's LSH picks for our threshold and permutations."""
    from datasketch import MinHashLSH
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def signature(text: str):
    """The MinHash of a text's word shingles (numpy array), or None for a text too short."""
    from datasketch import MinHash
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)])
    return m.hashvalues


def band_keys(hashvalues) -> list[bytes]:
    """LSH band keys: texts sharing one are candidates, checked on their whole signatures."""
    b, r = _bands()
    return [hashlib.sha1(bytes([i]) + hashvalues[i * r:(i + 1) * r].astype("<u8").tobytes()).digest()[:12]
            for i in range(b)]


def jaccard(a, b_bytes: bytes) -> float:
    """Estimated Jaccard similarity of a signature and a stored one."""
    import numpy as np
    b = np.frombuffer(b_bytes, dtype="<u8")
    return float(np.count_nonzero(a == b)) / len(a)
