"""Card thumbnails: a story's first picture rendered small, off the GUI thread,
and kept in the cache folder so the next start shows it at once.

Only QImage, QPainter and QSvgRenderer are used here; they are safe in worker
threads (QPixmap is not). The GUI turns the finished QImage into a pixmap.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QObject, QRectF, QRunnable, QSize, QSizeF, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter

from touchstory.ui.courier import deliver

# hashlib (OpenSSL) and QtSvg are imported by the functions that use them, in the
# pool once stories have been read: neither is needed to paint the first window.

THUMB_SIZE = QSize(480, 300)  # 16:10, about 1.5x the widest card: downscaling stays crisp


def cache_name(picture: Path, size: QSize) -> str:
    """A file name that changes whenever the picture or the size does."""
    try:
        stat = picture.stat()
        stamp = f"{stat.st_mtime_ns}:{stat.st_size}"
    except OSError:
        stamp = "missing"
    import hashlib  # deferred for start-up (see the imports above)

    digest = hashlib.sha1(f"{picture.resolve()}|{stamp}|{size.width()}x{size.height()}".encode()).hexdigest()
    return digest[:24] + ".png"


def render_picture(picture: Path, size: QSize) -> QImage | None:
    """The picture scaled to cover `size` and cropped to its middle, or None if it
    cannot be read. Safe to call from any thread."""
    from touchstory.story.pictures import prepare_picture  # deferred for start-up (see the imports above)

    # read capped (8 MB), real type sniffed, SVG made safe (nothing outside its
    # folder): Qt is given bytes, never the file name, so it opens nothing itself
    prepared = prepare_picture(picture)
    if prepared.kind is None:
        return None
    if prepared.kind == "svg":
        return _render_svg(prepared.data, size)
    return _render_raster(prepared.data, size)


def _cover(source: QSize | QSizeF, size: QSize) -> QRectF:
    """The target rectangle that covers `size` while keeping the source's shape."""
    width, height = float(source.width()), float(source.height())
    if width <= 0 or height <= 0:
        return QRectF(0, 0, size.width(), size.height())
    scale = max(size.width() / width, size.height() / height)
    w, h = width * scale, height * scale
    return QRectF((size.width() - w) / 2, (size.height() - h) / 2, w, h)


def _render_svg(data: bytes, size: QSize) -> QImage | None:
    from PySide6.QtSvg import QSvgRenderer  # deferred for start-up (see the imports above)

    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return None
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.setAspectRatioMode(Qt.AspectRatioMode.IgnoreAspectRatio)
    renderer.render(painter, _cover(renderer.viewBoxF().size(), size))
    painter.end()
    return image


def _render_raster(data: bytes, size: QSize) -> QImage | None:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        # Decode at about the size needed: a 4000 px photo never sits in memory whole.
        scale = max(size.width() / original.width(), size.height() / original.height())
        if scale < 1:
            reader.setScaledSize(QSize(max(1, round(original.width() * scale)),
                                       max(1, round(original.height() * scale))))
    source = reader.read()
    if source.isNull():
        return None
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(_cover(source.size(), size), source)
    painter.end()
    return image


def _save_atomically(image: QImage, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".thumb-", suffix=".png", dir=target.parent)
    os.close(fd)
    try:
        if image.save(temp):  # the .png ending chooses the format
            os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def load_or_render(picture: Path, size: QSize, cache_dir: Path | None) -> QImage | None:
    """The cached thumbnail if there is one, otherwise render it and cache it."""
    cached = cache_dir / cache_name(picture, size) if cache_dir else None
    if cached is not None and cached.is_file():
        stored = QImage(str(cached))
        if not stored.isNull():
            return stored
    image = render_picture(picture, size)
    if image is not None and cached is not None:
        try:
            _save_atomically(image, cached)
        except OSError:
            pass  # a cache that cannot be written only costs time next start
    return image


class _Job(QRunnable):
    """On a pool thread: touches no QObject; the thumbnail goes back by courier,
    so a loader deleted meanwhile is simply not told."""

    def __init__(self, picture: Path, size: QSize, cache_dir: Path | None,
                 done: Callable[[str, QImage], None]) -> None:
        super().__init__()
        self._picture, self._size, self._cache_dir, self._done = picture, size, cache_dir, done

    def run(self) -> None:
        try:
            image = load_or_render(self._picture, self._size, self._cache_dir)
        except Exception:  # a broken picture must never take the library down
            image = None
        deliver(self._done, str(self._picture), image if image is not None else QImage())


class ThumbnailLoader(QObject):
    """Renders thumbnails in a thread pool; `ready(path, image)` arrives on the GUI
    thread. Each picture is asked for once; later requests are ignored."""

    ready = Signal(str, QImage)

    def __init__(self, cache_dir: Path | None, pool: QThreadPool, size: QSize = THUMB_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._pool = pool
        self._size = size
        self._asked: set[str] = set()
        self._stopped = False

    @property
    def size(self) -> QSize:
        return self._size

    def request(self, picture: Path) -> None:
        key = str(picture)
        if key in self._asked:
            return
        self._asked.add(key)
        self._pool.start(_Job(picture, self._size, self._cache_dir, self._on_job_done))

    def stop(self) -> None:
        """No more thumbnails are delivered (the app is closing)."""
        self._stopped = True

    def _on_job_done(self, path: str, image: QImage) -> None:
        if not self._stopped:
            self.ready.emit(path, image)

    def forget(self, picture: Path) -> None:
        """Allow a picture to be asked for again (it changed on disk)."""
        self._asked.discard(str(picture))
