"""Words shown for codes: forum codes, proceeding kinds, outcomes, fact types, offices."""
from __future__ import annotations

from typing import Any

FORUM_NAMES: dict[str, str] = {
    "cand": "N.D. Cal.",
    "cacd": "C.D. Cal.",
    "casd": "S.D. Cal.",
    "txed": "E.D. Tex.",
    "txwd": "W.D. Tex.",
    "txnd": "N.D. Tex.",
    "ded": "D. Del.",
    "njd": "D.N.J.",
    "insd": "S.D. Ind.",
    "ilnd": "N.D. Ill.",
    "nysd": "S.D.N.Y.",
    "vaed": "E.D. Va.",
    "cafc": "Federal Circuit",
    "scotus": "US Supreme Court",
    "ptab": "PTAB",
    "usitc": "US ITC",
    "cnipa": "CNIPA",
    "cn-spc": "Supreme People's Court",
    "cn-bjipc": "Beijing IP Court",
    "cn-shipc": "Shanghai IP Court",
    "cn-gzipc": "Guangzhou IP Court",
    "cn-hnipc": "Hainan IP Court",
    "epo": "EPO",
    "upc": "UPC",
    "de-lg-muenchen": "LG München I",
    "de-lg-mannheim": "LG Mannheim",
    "de-lg-duesseldorf": "LG Düsseldorf",
    "de-bpatg": "Federal Patent Court (DE)",
    "uk-ewhc": "High Court (Patents)",
    "uk-ewca": "Court of Appeal (E&W)",
}
PREFIX_JURISDICTION = {"cn-": "CN", "de-": "DE", "uk-": "UK"}
CODE_JURISDICTION = {"cnipa": "CN", "epo": "EP", "upc": "UPC", "ptab": "US", "usitc": "US"}

KIND_NAMES = {
    "infringement": "Infringement",
    "invalidation": "Invalidation",
    "declaratory_judgment": "Declaratory judgment",
    "itc_investigation": "ITC investigation",
    "appeal": "Appeal",
    "other": "Other",
}
OUTCOME_NAMES = {
    None: "pending",
    "withdrawn": "withdrawn",
    "settled": "settled",
    "dismissed": "dismissed",
    "claimant_won": "claimant won",
    "respondent_won": "respondent won",
    "closed": "closed",
}
#: public pages of a patent: Google Patents always, the office's own register where it has stable URLs
GOOGLE_PATENTS = "https://patents.google.com/patent/{id}"
OFFICE_PAGES = {
    "US": ("USPTO Patent Center", "https://image-ppubs.uspto.gov/dirsearch-public/print/downloadPdf/{number}"),
    "EP": ("European Patent Register", "https://register.epo.org/application?number=EP{number}"),
    "CN": ("CNIPA patent search", "https://pss-system.cponline.cnipa.gov.cn/conventionalSearch?searchWord={number}"),
    "WO": ("WIPO Patentscope", "https://patentscope.wipo.int/search/en/detail.jsf?docId=WO{number}"),
}


def forum_name(code: Any) -> str:
    if not code:
        return "forum not said"
    code = str(code)
    if code in FORUM_NAMES:
        return FORUM_NAMES[code]
    for prefix in ("cn-court:", "other:"):
        if code.startswith(prefix):
            return code[len(prefix):]
    return code


def forum_jurisdiction(code: Any) -> str | None:
    if not code:
        return None
    code = str(code)
    if code in CODE_JURISDICTION:
        return CODE_JURISDICTION[code]
    if code.startswith("other:"):
        return None
    for prefix, juris in PREFIX_JURISDICTION.items():
        if code.startswith(prefix):
            return juris
    return "US"  # the remaining codes are courts-db ids of US courts


def kind_name(kind: Any) -> str:
    return KIND_NAMES.get(kind, str(kind or "–"))


def outcome_name(outcome: Any) -> str:
    return OUTCOME_NAMES.get(outcome, str(outcome))


def office_links(pid: str, office: str | None) -> list[tuple[str, str]]:
    """(label, url) of the public pages about a patent identifier."""
    from urllib.parse import quote

    links = [("Google Patents", GOOGLE_PATENTS.format(id=quote(pid, safe="")))]
    office = office or pid[:2]
    if office in OFFICE_PAGES:
        label, url = OFFICE_PAGES[office]
        number = pid[2:] if pid[:2] == office else pid
        links.append((label, url.format(number=quote(number, safe=""))))
    return links
