"""The one-pass "last trigger word" pattern of the grammar gives what ``max(map(low.rfind, keys))`` gives."""
import random

from patlit.extract import proceedings_en as pr


def test_last_key_pattern_equals_rfind():
    g = pr.grammar()
    keysets = {f.keys for f in g.all_frames if f.keys}
    allk = sorted({k for ks in keysets for k in ks})
    rnd = random.Random(7)
    texts = ["", "x", "filed suit", "the issue is sued", *(str(ex).lower() for v in g.verbs for ex in v.get("examples", []))]
    for _ in range(1500):
        texts.append(" ".join(rnd.choice(allk + ["x", "the", "filed-", "\n", "", "-", "\ue000" + "1\ue001"]) for _ in range(rnd.randint(0, 12))))
    for ks in keysets:
        rx = pr._last_key_rx(ks)
        for t in texts:
            m = rx.match(t)
            assert (m.end() if m else -1) == max(map(t.rfind, ks)), (ks, t)
