"""The page picture: crisp at any window size, never a flash.

SVGs are rendered by QSvgRenderer at the view's real pixel size (again after every
resize), never scaled up from a small bitmap; PNG/JPEG are scaled smoothly from the
original. Rendering runs on a worker thread into QImages (rendering a rich SVG
takes 10-100 ms) and the whole story's pictures are rendered ahead, so turning a
page is only a paint. A missing picture shows a soft placeholder with its alt text.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRectF, QSize, QSizeF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent, QTextOption
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from touchstory.story.model import Picture
from touchstory.story.pictures import prepare_picture
from touchstory.ui.courier import deliver
from touchstory.ui.theme import Theme

_Key = tuple[str, int, int, str]  # path, width, height in device pixels, tint


def fit(source: QSizeF, box: QSize) -> QSize:
    """The largest size with `source`'s shape inside `box`."""
    if source.isEmpty() or box.isEmpty():
        return QSize(max(box.width(), 1), max(box.height(), 1))
    scale = min(box.width() / source.width(), box.height() / source.height())
    return QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))


def render_picture(path: Path, box: QSize, tint: str = "") -> QImage | None:
    """The picture drawn to fit `box` (device pixels), multiplied by `tint` if
    given (bedtime: warmer, dimmer), or None if it cannot be read. Safe on any
    thread: it touches only QImage, QPainter and QSvgRenderer."""
    image = _render_plain(path, box)
    if image is None:
        return None
    if image.format() != QImage.Format.Format_ARGB32_Premultiplied:
        image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if tint:
        original = image.copy()
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        painter.fillRect(image.rect(), QColor(tint))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
        painter.drawImage(0, 0, original)  # transparent parts of the picture stay transparent
    # soft rounded corners, cut here once rather than clipped at every paint
    radius = max(4.0, min(image.width(), image.height()) * 0.03)
    corners = QPainterPath()
    corners.addRect(QRectF(image.rect()))
    rounded = QPainterPath()
    rounded.addRoundedRect(QRectF(image.rect()), radius, radius)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0))
    painter.drawPath(corners.subtracted(rounded))
    painter.end()
    return image


def _render_plain(path: Path, box: QSize) -> QImage | None:
    # read capped, real type sniffed, SVG made safe (nothing outside its folder):
    # Qt is given bytes, never the file name, so it opens nothing itself
    prepared = prepare_picture(path)
    if prepared.kind is None:
        return None
    if prepared.kind == "svg":
        renderer = QSvgRenderer(QByteArray(prepared.data))
        if not renderer.isValid():
            return None
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        size = fit(renderer.defaultSize().toSizeF(), box)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image
    original = QImage.fromData(prepared.data)
    if original.isNull():
        return None
    size = fit(original.size().toSizeF(), box)
    return original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class PictureCache(QObject):
    """Renders pictures on one worker thread and keeps the results for the current
    size. `ready(path)` is emitted on the GUI thread when a picture is done.
    Results come back through the courier, so a cache deleted while its worker
    is still drawing is simply not told (a worker emitting on it could crash)."""

    ready = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: ThreadPoolExecutor | None = None  # made when first needed, again after shutdown()
        self._images: dict[_Key, QImage | None] = {}
        self._pending: dict[_Key, Future[None]] = {}

    def get(self, path: Path, box: QSize, tint: str = "") -> QImage | None:
        return self._images.get((str(path), box.width(), box.height(), tint))

    def has(self, path: Path, box: QSize, tint: str = "") -> bool:
        return (str(path), box.width(), box.height(), tint) in self._images

    def render_now(self, path: Path, box: QSize, tint: str = "") -> QImage | None:
        """Render on this thread (only when nothing was rendered ahead)."""
        key = (str(path), box.width(), box.height(), tint)
        image = render_picture(path, box, tint)
        self._images[key] = image
        return image

    def request(self, paths: list[Path], box: QSize, tint: str = "") -> None:
        """Render these in the background, in order, dropping other sizes."""
        if box.isEmpty():
            return
        wanted = {(str(p), box.width(), box.height(), tint) for p in paths}
        self._images = {k: v for k, v in self._images.items() if k in wanted}
        for path in paths:
            key = (str(path), box.width(), box.height(), tint)
            if key in self._images or key in self._pending:
                continue
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pictures")
            self._pending[key] = self._pool.submit(_work, self._on_done, key, path, QSize(box), tint)

    def _on_done(self, key: _Key, image: QImage | None) -> None:
        self._pending.pop(key, None)
        self._images[key] = image
        self.ready.emit(key[0])

    def shutdown(self) -> None:
        """Drop queued work (the picture being rendered finishes on its own)."""
        for future in self._pending.values():
            future.cancel()
        self._pending.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _work(done: Callable[[_Key, QImage | None], None], key: _Key, path: Path, box: QSize, tint: str) -> None:
    """On the worker thread: touches no QObject, only hands the image over."""
    deliver(done, key, render_picture(path, box, tint))


class PictureView(QWidget):
    """Shows one page picture, crossfading softly when the page turns."""

    def __init__(self, theme: Theme, cache: PictureCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._cache = cache
        self._picture: Picture | None = None
        self._image: QImage | None = None
        self._old: QImage | None = None
        self._fade = 1.0
        self._story_paths: list[Path] = []
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(450)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 100)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._animation.valueChanged.connect(self._on_animation_value_changed)
        self._resize_timer.timeout.connect(self._on_resize_timer_timeout)
        self._cache.ready.connect(self._on_cache_ready)

    # -- public --------------------------------------------------------------------
    @property
    def picture(self) -> Picture | None:
        return self._picture

    def set_story_pictures(self, pictures: list[Picture]) -> None:
        """Every picture of the story, so they can be rendered ahead."""
        self._story_paths = [p.path for p in pictures if p.exists]
        self._cache.request(self._story_paths, self._box(), self._tint())

    def set_picture(self, picture: Picture | None, *, animate: bool = True) -> None:
        if picture == self._picture:
            return
        old = self._image
        self._picture = picture
        self._image = None  # found (or rendered) at the next paint, at the real size
        self.setAccessibleName(f"Picture: {picture.alt}" if picture else "No picture on this page")
        self.setAccessibleDescription(picture.alt if picture else "")
        if animate and old is not None and self.isVisible():
            # the old picture stays exactly as it is for this frame; the fade's own
            # frames follow, so the key press that turned the page paints only words
            self._old = old
            self._fade = 0.0
            self._animation.stop()
            self._animation.start()
        else:
            self._old = None
            self._fade = 1.0
            self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._image = None
        self._on_resize_timer_timeout()
        self.update()

    def _tint(self) -> str:
        return self._theme.palette.picture_tint

    def is_placeholder(self) -> bool:
        return self._picture is not None and not self._picture.exists

    def is_crisp(self) -> bool:
        """True when the picture on screen was rendered for exactly this size."""
        picture = self._picture
        if picture is None or not picture.exists:
            return True
        return self._cache.has(picture.path, self._box(), self._tint())

    def _box(self) -> QSize:
        dpr = self.devicePixelRatioF()
        inner = self._inner_rect()
        return QSize(max(1, int(inner.width() * dpr)), max(1, int(inner.height() * dpr)))

    def _inner_rect(self) -> QRectF:
        return QRectF(self.rect()).adjusted(4, 4, -4, -4)

    def _current_image(self) -> QImage | None:
        """The picture for this size: from the cache (rendered ahead), else the last
        one shown (a moment's stand-in during a resize), else rendered right now."""
        picture = self._picture
        if picture is None or not picture.exists:
            return None
        box, tint = self._box(), self._tint()
        if self._cache.has(picture.path, box, tint):
            self._image = self._cache.get(picture.path, box, tint)
        elif self._image is None:
            # never decoded on the GUI thread (a 50 MB SVG froze it 12 s): ask the
            # worker, paint this frame without it, and paint again when it is ready
            self._cache.request([picture.path] + [p for p in self._story_paths if p != picture.path], box, tint)
        return self._image

    # -- events ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._resize_timer.start()

    def _on_resize_timer_timeout(self) -> None:
        current = self._picture.path if self._picture and self._picture.exists else None
        order = ([current] if current else []) + [p for p in self._story_paths if p != current]
        self._cache.request(order, self._box(), self._tint())

    def _on_cache_ready(self, path: str) -> None:
        if self._picture is not None and str(self._picture.path) == path:
            self.update()

    def _on_animation_value_changed(self, value: float) -> None:
        if float(value) <= 0.0:
            return  # the fade's first frame looks exactly like the last one
        self._fade = float(value)
        if self._fade >= 1.0:
            self._old = None
        self.update()

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._old is not None and self._fade < 1.0:
            painter.setOpacity(1.0 - self._fade)
            self._draw_image(painter, self._old)
            painter.setOpacity(self._fade)
        image = self._current_image()
        if image is not None:
            self._draw_image(painter, image)
        elif self._picture is not None and (not self._picture.exists or self._cache.has(
                self._picture.path, self._box(), self._tint())):  # missing, or could not be drawn
            self._draw_placeholder(painter, self._picture)
        painter.end()

    def _draw_image(self, painter: QPainter, image: QImage) -> None:
        """Centred; drawn 1:1 when it was rendered for this size (the usual case)."""
        dpr = self.devicePixelRatioF()
        inner = self._inner_rect()
        logical = QSizeF(image.width() / dpr, image.height() / dpr)
        box = inner.size()
        crisp = (abs(logical.width() - box.width()) <= 2 or abs(logical.height() - box.height()) <= 2)
        if not crisp:
            # rendered for another size (the window is being resized): stretch it
            # for the moment; the crisp one is already on its way
            logical = QSizeF(fit(logical, box.toSize()))
        target = QRectF(inner.center().x() - logical.width() / 2, inner.center().y() - logical.height() / 2,
                        logical.width(), logical.height())
        painter.drawImage(target, image)  # tint and rounded corners are already in the image

    def _draw_placeholder(self, painter: QPainter, picture: Picture) -> None:
        pal = self._theme.palette
        inner = self._inner_rect()
        w = min(inner.width(), inner.height() * 1.6)
        h = min(inner.height(), w / 1.6)
        box = QRectF(inner.center().x() - w / 2, inner.center().y() - h / 2, w, h)
        painter.setPen(QPen(QColor(pal.border), 2, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(pal.surface))
        painter.drawRoundedRect(box, 24, 24)
        # a small cloud with a crescent moon beside it: "a picture goes here", quietly
        s = min(w, h) * 0.16
        cx, cy = box.center().x(), box.top() + h * 0.36
        painter.setPen(Qt.PenStyle.NoPen)
        moon = QRectF(cx + 0.45 * s, cy - 0.95 * s, 0.7 * s, 0.7 * s)
        painter.setBrush(QColor(pal.border))
        painter.drawEllipse(moon)
        painter.setBrush(QColor(pal.surface))
        painter.drawEllipse(moon.translated(0.22 * s, -0.12 * s))
        painter.setBrush(QColor(pal.surface_alt))
        for dx, dy, r in ((-0.5, 0.12, 0.32), (-0.08, -0.05, 0.45), (0.38, 0.14, 0.3)):
            painter.drawEllipse(QRectF(cx + (dx - r) * s, cy + (dy - r) * s, 2 * r * s, 2 * r * s))
        painter.drawRoundedRect(QRectF(cx - 0.82 * s, cy + 0.05 * s, 1.5 * s, 0.4 * s), 0.2 * s, 0.2 * s)
        font = self._theme.ui_font(max(11.0, min(20.0, h / 22)))
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(QColor(pal.text_muted))
        text_rect = QRectF(box.left() + w * 0.1, cy + s * 0.9, w * 0.8, box.bottom() - (cy + s * 0.9) - h * 0.06)
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        painter.drawText(text_rect, picture.alt or "(no picture)", option)
