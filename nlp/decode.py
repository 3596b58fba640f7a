"""Bytes to text for Korean pages: BOM, declared charset, ``<meta charset>``, then detection.

EUC-KR labels are decoded as CP949 (its superset, which has 똠, 햏 and the other 8,822
syllables EUC-KR lacks). A decoding that leaves too many U+FFFD or control characters is
rejected and the other candidates are tried; when none is good, the least garbled one stands if
most of the page reads (one include in another charset), else ``DecodeError`` says which.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from nlp import DecodeError

BAD_SHARE = 0.005  # more than 0.5% replacement/control characters: the wrong charset
MIXED_SHARE = 0.1  # …unless no charset does better: one part in another charset, the rest readable
META_SCAN_BYTES = 8192
DETECTABLE = ("utf-8", "cp949")

_ALIASES = {
    "euc-kr": "cp949", "euckr": "cp949", "euc_kr": "cp949", "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949", "ksc5601": "cp949", "ksc_5601": "cp949", "x-windows-949": "cp949",
    "windows-949": "cp949", "ms949": "cp949", "uhc": "cp949", "korean": "cp949",
    "utf8": "utf-8", "utf_8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}  # fmt: skip
_BOMS = (  # (mark, codec that drops it, charset reported)
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_META_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def decode_html(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return ``(text, charset used)`` or raise ``DecodeError``."""
    if not raw:
        raise DecodeError("empty page")
    for bom, codec, charset in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace"), charset
    tried: list[tuple[float, str, str]] = []
    for charset in _candidates(raw, declared):
        text = raw.decode(charset, errors="replace")
        share = bad_share(text)
        if share <= BAD_SHARE:
            return text, charset
        tried.append((share, charset, text))
    # Convention: a browser decodes a page in its declared charset whatever it holds; a site half
    # way through a move to UTF-8 serves an EUC-KR page with a UTF-8 include (a footer, a family-site
    # menu), garbled in that one part. The least garbled decoding stands when the rest reads.
    share, charset, text = min(tried, key=lambda t: t[0], default=(1.0, "", ""))
    if share <= MIXED_SHARE:
        return text, charset
    summary = ", ".join(f"{cs} ({share:.1%} undecodable)" for share, cs, _ in tried)
    raise DecodeError(f"cannot decode page as text; tried {summary}")


def normalize_charset(label: str | None) -> str | None:
    """The Python codec for a charset label (EUC-KR family → cp949), or ``None`` if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return {"euc_kr": "cp949", "utf_8": "utf-8"}.get(codec, codec)


def meta_charset(raw: bytes) -> str | None:
    """The charset named by ``<meta charset>``, ``http-equiv`` or ``<?xml encoding>`` in the first bytes."""
    match = _META_RE.search(raw[:META_SCAN_BYTES])
    label = (match.group(1) or match.group(2)) if match else None
    return normalize_charset(label.decode("ascii", "ignore")) if label else None


def bad_share(text: str) -> float:
    """Share of U+FFFD and control characters: how wrong a decoding looks."""
    return len(_CONTROL_RE.findall(text)) / max(len(text), 1)


def _candidates(raw: bytes, declared: str | None) -> list[str]:
    """Charsets to try, in order: declared, meta, detected, then UTF-8 and CP949."""
    order = [normalize_charset(declared), meta_charset(raw)]
    if not any(order):
        order.append(_detect(raw))
    order.extend(DETECTABLE)
    return list(dict.fromkeys(cs for cs in order if cs))


def _detect(raw: bytes) -> str | None:
    """charset_normalizer's guess between UTF-8 and CP949."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    best = from_bytes(raw, cp_isolation=["utf_8", "cp949"]).best()
    return normalize_charset(best.encoding) if best else None
