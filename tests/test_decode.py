"""Page bytes to text: BOM, declared charset, meta charset, detection, and refusal of garbage."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from nlp import DecodeError
from nlp.decode import decode_html, meta_charset, normalize_charset

FIXTURES = Path(__file__).parent / "fixtures"
KOREAN = "<p>정부는 11일 국무회의에서 내년도 예산안을 의결했다. 똠방각하 햏 뷁</p>"


def test_utf8_page_without_any_label() -> None:
    text, charset = decode_html(f"<html><body>{KOREAN}</body></html>".encode())
    assert charset == "utf-8"
    assert "예산안을 의결했다" in text


def test_bom_wins_over_everything() -> None:
    raw = codecs.BOM_UTF8 + '<meta charset="euc-kr"><p>보도자료</p>'.encode()
    text, charset = decode_html(raw, declared="euc-kr")
    assert charset == "utf-8"
    assert text.startswith("<meta") and "보도자료" in text


def test_meta_charset_euc_kr_is_read_as_cp949() -> None:
    raw = (FIXTURES / "euckr.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("euc-kr")  # the fixture holds syllables only CP949 has
    text, charset = decode_html(raw)
    assert charset == "cp949"
    assert "똠방각하" in text and "햏빛" in text


def test_declared_charset_from_the_http_header_is_used() -> None:
    raw = f"<html><body>{KOREAN}</body></html>".encode("cp949")
    text, charset = decode_html(raw, declared="ks_c_5601-1987")
    assert charset == "cp949"
    assert "똠방각하" in text


def test_unlabelled_cp949_page_is_detected() -> None:
    raw = ("<html><head><title>공지</title></head><body>" + KOREAN * 5 + "</body></html>").encode("cp949")
    text, charset = decode_html(raw)
    assert charset == "cp949"
    assert "국무회의에서" in text and "\ufffd" not in text


def test_wrong_declared_charset_falls_back_to_a_clean_decoding() -> None:
    raw = ('<meta charset="euc-kr">' + KOREAN * 3).encode("cp949")
    text, charset = decode_html(raw, declared="utf-8")
    assert charset == "cp949"
    assert "국무회의에서" in text


@pytest.mark.parametrize(
    ("label", "codec"),
    [("EUC-KR", "cp949"), ("euckr", "cp949"), ("ks_c_5601-1987", "cp949"), ("x-windows-949", "cp949"),
     ("UTF8", "utf-8"), ("'utf-8'", "utf-8"), ("no-such-charset", None), (None, None)],
)  # fmt: skip
def test_charset_labels_are_normalised(label: str | None, codec: str | None) -> None:
    assert normalize_charset(label) == codec


def test_meta_charset_reads_http_equiv() -> None:
    raw = b'<meta http-equiv="Content-Type" content="text/html; charset=EUC-KR">'
    assert meta_charset(raw) == "cp949"


def test_empty_bytes_raise() -> None:
    with pytest.raises(DecodeError, match="empty page"):
        decode_html(b"")


def test_binary_garbage_raises_naming_the_charsets_tried() -> None:
    garbage = random.Random(7).randbytes(4096)
    with pytest.raises(DecodeError, match=r"utf-8.*cp949"):
        decode_html(garbage)


def _article(paragraphs: int) -> str:
    text = "".join(
        f"<p>가람시는 올해 {n}번째 생활 도로 정비 사업을 마쳤다고 밝혔다.</p>" for n in range(paragraphs)
    )
    return f"<h1>가람시 생활 도로 정비</h1>{text}"


FOOTER = "<footer>가람시청 | 가람광역시 중앙대로 210 | 대표전화 051-000-0000 | 개인정보처리방침</footer>"


@pytest.mark.parametrize(
    ("page", "declared", "charset"),
    [
        # an EUC-KR page with a UTF-8 footer include
        (
            "<html><head><meta charset='euc-kr'></head><body>{article}{footer}</body></html>",
            ("cp949", "utf-8"),
            "cp949",
        ),
        # a UTF-8 page whose old family-site menu is still an EUC-KR include
        (
            "<html><head><meta charset='utf-8'></head><body>{article}{footer}</body></html>",
            ("utf-8", "cp949"),
            "utf-8",
        ),
    ],
)
def test_one_include_in_another_charset_leaves_the_rest_readable(
    page: str, declared: tuple[str, str], charset: str
) -> None:
    head, tail = page.split("{footer}")
    article = _article(20)
    raw = head.format(article=article).encode(declared[0]) + (FOOTER * 3).encode(declared[1]) + tail.encode()
    text, used = decode_html(raw)
    assert used == charset
    assert "가람시 생활 도로 정비" in text and "19번째 생활 도로" in text
