"""Reading a page picture the way the player will, with no way out of its folder.

Every reader of a picture (the checker, the player, the library's thumbnails, the
classroom projector) goes through `prepare_picture`: the file is read with a size
cap (regular files only), its real type is taken from its first bytes (a PNG saved
under a .svg name is found), and an SVG is made safe before Qt sees it: external
`href`/`xlink:href` targets and CSS `url(...)`s are removed (only `#id`, `data:`
URIs and PNG/JPEG/GIF files inside the picture's own folder stay; those files are
put into the SVG as `data:` URIs, so Qt itself opens nothing), and an SVG that
declares entities is refused. Qt-free; the findings carry the SVG's own line and
column so `check` can point at them.
"""

from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from touchstory.files import read_capped

MAX_PICTURE_BYTES = 8_000_000  # a story's picture is far smaller; bigger files are not read
MAX_DECLARED_SIZE = 20_000  # width/height an SVG may declare, in its own units
_RASTER = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg", b"GIF87a": "gif", b"GIF89a": "gif"}
_HREF = re.compile(rb"""(?P<attr>(?:xlink:)?href)\s*=\s*(?P<q>["'])(?P<value>.*?)(?P=q)""", re.IGNORECASE | re.DOTALL)
_URL = re.compile(rb"""url\(\s*(?P<q>["']?)(?P<value>[^)"']*)(?P=q)\s*\)""", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_SIZE = re.compile(rb"""<svg\b[^>]*?\b(?P<attr>width|height)\s*=\s*["']\s*(?P<n>[0-9.eE+]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Finding:
    """Something in a picture the player will not show as drawn; `line`/`col` are
    the picture file's own (1 and 1 when the whole file is meant)."""

    line: int
    col: int
    message: str
    inside: bool = False  # True: at a place inside the SVG; False: about the whole file


@dataclass(frozen=True, slots=True)
class PreparedPicture:
    """A picture ready to draw: its real kind ("svg", "png", "jpeg", "gif") and the
    bytes to give Qt (for an SVG, the made-safe text), or kind None when it cannot
    be shown (the findings say why)."""

    path: Path
    kind: str | None
    data: bytes
    findings: tuple[Finding, ...]


def sniff(data: bytes) -> str | None:
    """The picture type from its first bytes."""
    for magic, kind in _RASTER.items():
        if data.startswith(magic):
            return kind
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"\x1f\x8b"):
        return "svgz"
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in data[:65536].lower():
        return "svg"
    return None


def _where(data: bytes, at: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, at) + 1
    return line, at - (data.rfind(b"\n", 0, at) + 1) + 1


def _inside(target: str, folder: str) -> bool:
    return target == folder or target.startswith(folder + os.sep)


def _inline(value: str, svg_dir: str, folder: str) -> tuple[bytes | None, str]:
    """A `data:` URI for an in-folder PNG/JPEG/GIF named by `value`, or (None, why)."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.IGNORECASE) or value.startswith(("/", "\\", "~")):
        return None, f'it names "{value[:80]}", outside the picture\'s folder'
    target = os.path.realpath(os.path.join(svg_dir, unquote(value.split("#")[0])))
    if not _inside(target, folder):
        return None, f'"{value[:80]}" leads outside the picture\'s folder'
    try:
        data = read_capped(target, MAX_PICTURE_BYTES, "picture")
    except OSError as exc:
        return None, f'"{value[:80]}" cannot be read ({getattr(exc, "reason", None) or exc.strerror or exc})'
    kind = sniff(data)
    if len(data) > MAX_PICTURE_BYTES or kind not in ("png", "jpeg", "gif"):
        return None, f'"{value[:80]}" is not a PNG, JPEG or GIF picture under 8 MB'
    return f"data:image/{kind};base64,".encode() + base64.b64encode(data), ""


def make_svg_safe(data: bytes, svg_path: Path) -> tuple[bytes | None, tuple[Finding, ...]]:
    """The SVG with everything pointing outside its folder taken out (and in-folder
    pictures put inside as data: URIs), or None when it cannot be made safe."""
    findings: list[Finding] = []
    if m := _ENTITY.search(data):
        line, col = _where(data, m.start())
        return None, (Finding(line, col, inside=True, message="the SVG declares entities (<!ENTITY>), which pictures do not need and "
                                         "which can hide references to other files; save it again from your "
                                         "drawing program as plain SVG"),)
    folder = os.path.realpath(svg_path.parent)
    svg_dir = folder

    def href(m: re.Match[bytes]) -> bytes:
        value = m.group("value").decode("utf-8", "replace").strip()
        if value.startswith("#") or value.lower().startswith("data:"):
            return m.group()
        inlined, why = _inline(value, svg_dir, folder)
        if inlined is not None:
            return m.group("attr") + b'="' + inlined + b'"'
        line, col = _where(data, m.start())
        findings.append(Finding(line, col, inside=True, message=f"the SVG refers to another file, which is not shown: {why}; "
                                           "put the picture inside the SVG or next to it (PNG or JPEG)"))
        return m.group("attr") + b'=""'

    def url(m: re.Match[bytes]) -> bytes:
        value = m.group("value").decode("utf-8", "replace").strip()
        if value.startswith("#") or value.lower().startswith("data:"):
            return m.group()
        line, col = _where(data, m.start())
        findings.append(Finding(line, col, inside=True, message=f'the SVG\'s style refers to "{value[:80]}", another file, which is not '
                                           "used; keep everything the picture needs inside the SVG"))
        return b"none"

    safe = _URL.sub(url, _HREF.sub(href, data))
    for m in _SIZE.finditer(data[:65536]):
        try:
            size = float(m.group("n"))
        except ValueError:
            continue
        if size > MAX_DECLARED_SIZE:
            line, col = _where(data, m.start("attr"))
            findings.append(Finding(line, col, inside=True, message=f"the SVG says its {m.group('attr').decode()} is {size:g}; over "
                                               f"{MAX_DECLARED_SIZE} is not a real size (it is drawn to fit the "
                                               "window anyway); check the picture in your drawing program"))
    return safe, tuple(findings)


def prepare_picture(path: Path | str) -> PreparedPicture:
    """Read and make safe one picture file (see the module's docstring). Never raises."""
    path = Path(path)
    try:
        data = read_capped(path, MAX_PICTURE_BYTES, "picture")
    except OSError as exc:
        reason = getattr(exc, "reason", None) or f"cannot be read ({exc.strerror or exc})"
        return PreparedPicture(path, None, b"", (Finding(1, 1, f"the picture {reason}"),))
    if len(data) > MAX_PICTURE_BYTES:
        return PreparedPicture(path, None, b"", (Finding(1, 1, "the picture is over 8 MB; save it smaller "
                                                                "(a page picture needs far less)"),))
    kind = sniff(data)
    findings: list[Finding] = []
    suffix = path.suffix.lower().lstrip(".")
    named = {"jpg": "jpeg", "svgz": "svgz"}.get(suffix, suffix)
    if kind is None:
        return PreparedPicture(path, None, b"", (Finding(1, 1, f"the file is not a picture the player can show "
                                                                f"(not SVG, PNG, JPEG or GIF inside, whatever its "
                                                                f".{suffix} name says); save it again as SVG or "
                                                                "PNG"),))
    if kind == "svgz":
        return PreparedPicture(path, None, b"", (Finding(1, 1, "compressed SVG (.svgz) pictures are not shown; "
                                                                "save it as plain SVG"),))
    if kind != named:
        findings.append(Finding(1, 1, f"the file is really a {kind.upper()} picture, though its name ends in "
                                      f".{suffix}; rename it to end in .{'jpg' if kind == 'jpeg' else kind} "
                                      "(and change the picture: line)"))
    if kind == "svg":
        safe, more = make_svg_safe(data, path)
        findings.extend(more)
        if safe is None:
            return PreparedPicture(path, None, b"", tuple(findings))
        data = safe
    return PreparedPicture(path, kind, data, tuple(findings))
