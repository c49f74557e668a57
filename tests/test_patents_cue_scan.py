"""patents._cue_matches: the same cue matches as the pattern's own finditer."""
import json
import random
from pathlib import Path

from patlit.extract import patents

_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def _texts():
    out = []
    for name in ("dev", "seeds"):
        f = _CORPUS / name / "docs.jsonl"
        if f.exists():
            out += [json.loads(x)["text"] for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    rng = random.Random(7)
    pieces = ["Patent", "patent", "PATENTS", "Pat.", "pat.", "Pub.", "publication", "Publications", "P", "p", "at.",
              "No. ", "Nos. ", "7,230,931", "D512,345", "RE45,123", "ZL2012", " ", ", ", "(", "(EP) ", "Application ",
              "-in-suit ", "U.S. ", "xPatent", "Spat. 12", "\n"]
    out += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    return out


def test_cue_matches_equal_finditer():
    core, _ = patents._grammar().cues["en"]
    assert core.pattern.startswith(patents._EN_CUE_HEAD)  # the fast path is the one tested
    for text in _texts():
        assert [m.span() for m in patents._cue_matches(core, text)] == [m.span() for m in core.finditer(text)], text
